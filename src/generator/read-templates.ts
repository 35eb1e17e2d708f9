import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { UserError } from "../model/errors.js";

/** The templates shipped in the package: `templates/` beside `dist/` (and beside `src/` in the repository). */
export const BUILT_IN_TEMPLATES = fileURLToPath(new URL("../../templates/", import.meta.url));

/** Template files by path relative to the templates folder (forward slashes), e.g. `service/src/server.ts.hbs`. */
export type TemplateSet = ReadonlyMap<string, string>;

/**
 * Reads the built-in templates, then replaces each one the override folder has at the same
 * relative path. An override that matches no template is an error: a typo would otherwise be
 * ignored silently.
 */
export function readTemplates(overrideDir?: string, builtInDir: string = BUILT_IN_TEMPLATES): TemplateSet {
  const templates = new Map(listFiles(builtInDir).map((relative) => [relative, fs.readFileSync(path.join(builtInDir, relative), "utf8")]));
  if (overrideDir === undefined) return templates;
  if (!fs.existsSync(overrideDir) || !fs.statSync(overrideDir).isDirectory()) {
    throw new UserError("DCP006", `--templates ${overrideDir} is not a folder. Pass a folder laid out like decouple's templates/ (e.g. service/src/server.ts.hbs).`);
  }
  for (const relative of listFiles(overrideDir)) {
    if (!templates.has(relative)) {
      throw new UserError("DCP006", `--templates: ${relative} overrides no template. Use the path of one in decouple's templates/ folder (e.g. service/src/server.ts.hbs).`);
    }
    templates.set(relative, fs.readFileSync(path.join(overrideDir, relative), "utf8"));
  }
  return templates;
}

function listFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of fs.readdirSync(path.join(folder, relative), { withFileTypes: true })) {
      const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) found.push(child);
    }
  };
  walk("");
  return found.sort();
}
