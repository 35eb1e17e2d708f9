import type { ParsedModule } from "../model/module-graph.js";
import type { Resolution } from "./create-resolver.js";

export interface ParsedScope {
  /** Absolute paths of every parsed file, sorted: the scope and what its symbols need. */
  files: string[];
  /** Parse results, in the order of `files`. */
  parsed: ParsedModule[];
}

/**
 * Parses the scope's files, the modules they import, and the re-export chains behind those, and
 * nothing else: enough to follow every imported symbol through barrels to the module that
 * declares it, without parsing the rest of the codebase. Each round parses one frontier in one
 * batch, so the parse cache and worker threads serve it like a whole-codebase parse.
 */
export async function parseScope(
  scope: string[],
  known: ReadonlySet<string>,
  resolve: (fromFile: string, specifier: string) => Resolution,
  parseBatch: (files: string[]) => Promise<ParsedModule[]>,
): Promise<ParsedScope> {
  const parsed = new Map<string, ParsedModule>();
  const parseAll = async (files: string[]): Promise<ParsedModule[]> => {
    const missing = files.filter((file) => !parsed.has(file));
    const results = await parseBatch(missing);
    missing.forEach((file, index) => {
      const result = results[index];
      if (result !== undefined) parsed.set(file, result);
    });
    return files.flatMap((file) => parsed.get(file) ?? []);
  };
  const targetOf = (from: string, specifier: string): string[] => {
    const resolution = resolve(from, specifier);
    return resolution.type === "file" && known.has(resolution.path) ? [resolution.path] : [];
  };

  const start = [...new Set(scope)].sort();
  const imported = new Set<string>();
  for (const [index, module] of (await parseAll(start)).entries()) {
    const file = start[index];
    if (file === undefined) continue;
    for (const site of module.imports) for (const target of targetOf(file, site.specifier)) imported.add(target);
  }
  // From the imported modules on, only re-exports are followed: that is all symbol resolution needs.
  const followed = new Set<string>();
  let frontier = [...imported].sort();
  while (frontier.length > 0) {
    for (const file of frontier) followed.add(file);
    const modules = await parseAll(frontier);
    const next = new Set<string>();
    modules.forEach((module, index) => {
      const file = frontier[index];
      if (file === undefined) return;
      for (const entry of module.exports) {
        if (entry.from === undefined) continue;
        for (const target of targetOf(file, entry.from)) if (!followed.has(target)) next.add(target);
      }
    });
    frontier = [...next].sort();
  }
  const files = [...parsed.keys()].sort();
  return { files, parsed: files.flatMap((file) => parsed.get(file) ?? []) };
}
