import path from "node:path";
import { findTsconfig } from "../analyzer/extract-module-graph.js";
import { buildModuleGraph } from "../analyzer/build-module-graph.js";
import { createResolver } from "../analyzer/create-resolver.js";
import { countResolutions, reportResolution, type ResolutionReport } from "../analyzer/measure-resolution.js";
import { discoverFiles } from "../analyzer/discover-files.js";
import { readAndParse } from "../analyzer/parse-files.js";
import type { Config } from "../model/config.js";
import type { ModuleGraph, ParsedModule } from "../model/module-graph.js";
import { toModuleId } from "../model/module-id.js";

export interface ChangedGraph {
  /** Edges from, and nodes of, the changed modules only; their symbols resolved through barrels. */
  graph: ModuleGraph;
  /** Root-relative ids of the changed files that are modules of the codebase. */
  scope: string[];
  /** How many files were parsed (the changed ones, what they import, and the barrels behind those). */
  parsed: number;
  /** The resolution measure over the parsed files. */
  resolution: ResolutionReport;
}

/**
 * The part of the module graph a diff touches, without parsing the rest: the changed modules,
 * the modules they import, and the re-export chains behind those (so a symbol is still judged by
 * the module that declares it).
 */
export async function extractChangedGraph(root: string, config: Config, changed: string[]): Promise<ChangedGraph> {
  const { files } = await discoverFiles(root, config.include, config.exclude);
  const known = new Set(files);
  const start = changed.map((file) => path.join(root, ...file.split("/"))).filter((file) => known.has(file));
  const resolver = createResolver({ root, tsconfig: findTsconfig(root, config.tsconfig) });
  const resolve = resolver.resolve;
  const parsed = new Map<string, ParsedModule>();
  const parse = (file: string): ParsedModule => {
    let module = parsed.get(file);
    if (module === undefined) {
      module = readAndParse(file);
      parsed.set(file, module);
    }
    return module;
  };
  const targetOf = (from: string, specifier: string): string | undefined => {
    const resolution = resolve(from, specifier);
    return resolution.type === "file" && known.has(resolution.path) ? resolution.path : undefined;
  };

  const queue: string[] = [];
  for (const file of start) {
    for (const site of parse(file).imports) {
      const target = targetOf(file, site.specifier);
      if (target !== undefined) queue.push(target);
    }
  }
  // Follow only re-exports from the imported modules: that is all symbol resolution needs.
  const followed = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (followed.has(file)) continue;
    followed.add(file);
    for (const entry of parse(file).exports) {
      if (entry.from === undefined) continue;
      const target = targetOf(file, entry.from);
      if (target !== undefined) queue.push(target);
    }
  }

  const list = [...parsed.keys()].sort();
  const counted = countResolutions(resolve);
  const full = buildModuleGraph({ root, files: list, parsed: list.map((file) => parsed.get(file) as ParsedModule), resolve: counted.resolve });
  const scope = new Set(start.map((file) => toModuleId(root, file) as string));
  const graph: ModuleGraph = {
    ...full,
    modules: full.modules.filter((module) => scope.has(module.id)),
    edges: full.edges.filter((edge) => scope.has(edge.from)),
  };
  return { graph, scope: [...scope].sort(), parsed: list.length, resolution: reportResolution(resolver, list, full, counted.counts, config.graph) };
}
