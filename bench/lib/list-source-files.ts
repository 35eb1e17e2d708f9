import { readdirSync } from "node:fs";
import { join, posix } from "node:path";

const CODE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/**
 * Code files under `dir` (relative, forward slashes, sorted), node_modules and dot-folders
 * skipped. Declaration files are included only with `withDeclarations`.
 */
export function listSourceFiles(dir: string, withDeclarations = false): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const path = rel ? posix.join(rel, entry.name) : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (CODE.test(entry.name) && (withDeclarations || !/\.d\.[mc]?ts$/.test(entry.name))) out.push(path);
    }
  };
  walk("");
  return out.sort();
}
