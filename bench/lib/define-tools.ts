import { realpathSync } from "node:fs";
import { join, relative } from "node:path";
import type { Edge } from "./diff-edges.js";
import type { CommandSpec } from "./measure-command.js";
import type { CorpusFiles } from "./read-edges.js";
import { readDecoupleEdges, readDepcruiseEdges, readMadgeEdges } from "./read-edges.js";

/** One input to benchmark: the tools run from `root` over `srcDir`. */
export interface BenchCase {
  name: string;
  root: string;
  srcDir: string;
  tsconfig?: string;
  /** The folder given to `decouple analyze` (the root of a generated monolith, else srcDir). */
  decoupleDir: string;
}

export const TOOLS = ["decouple", "depcruise", "madge"] as const;
export type Tool = (typeof TOOLS)[number];

const REPO = join(import.meta.dirname, "..", "..");

function bin(path: string): string {
  return realpathSync(join(REPO, path));
}

/** The command line each tool gets: JSON output, no cache, the case's tsconfig where it has one. */
export function commandFor(tool: Tool, c: BenchCase, outFile: string, timeoutMs: number): CommandSpec {
  const src = relative(c.root, c.srcDir) || ".";
  const tsconfig = c.tsconfig ? relative(c.root, c.tsconfig) : undefined;
  const base = { command: process.execPath, cwd: c.root, timeoutMs };
  switch (tool) {
    case "decouple":
      // --force: ox's and viem's tsconfig.json extend a base their package does not ship, a degraded graph decouple would refuse.
      return {
        ...base,
        args: [join(REPO, "bin/decouple.js"), "analyze", c.decoupleDir, "--format", "json", "--out", `${outFile}.boundaries.json`, "--profile", "--no-cache", "--force"],
        stdoutFile: outFile,
      };
    case "depcruise":
      return {
        ...base,
        args: [
          bin("node_modules/.bin/depcruise"), src, "--no-config", "--ts-pre-compilation-deps",
          ...(tsconfig ? ["--ts-config", tsconfig] : []),
          "--exclude", "node_modules", "--output-type", "json", "--output-to", outFile,
        ],
      };
    case "madge":
      return {
        ...base,
        args: [
          bin("node_modules/.bin/madge"), src, "--json", "--extensions", "ts,tsx,js",
          ...(tsconfig ? ["--ts-config", tsconfig] : []), "--no-spinner", "--no-color",
        ],
        stdoutFile: outFile,
      };
  }
}

/** Module-to-module edges within the corpus, as "from -> to" relative to the case root. */
export async function readEdgesFor(tool: Tool, c: BenchCase, outFile: string, files: CorpusFiles): Promise<Set<Edge>> {
  switch (tool) {
    case "decouple":
      return readDecoupleEdges(outFile, relative(c.root, c.decoupleDir), files);
    case "depcruise":
      return readDepcruiseEdges(outFile, files);
    case "madge":
      return readMadgeEdges(outFile, relative(c.root, c.srcDir), files);
  }
}
