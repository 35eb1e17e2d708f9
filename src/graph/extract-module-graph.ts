import fs from "node:fs";
import path from "node:path";
import type { Config } from "../model/config.js";
import { UserError } from "../model/errors.js";
import { assertDirectory } from "../io/assert-directory.js";
import type { ModuleGraph, ParsedModule } from "../model/module-graph.js";
import { toModuleId, type ModuleId } from "../model/module-id.js";
import { buildModuleGraph } from "./build-module-graph.js";
import { createResolver } from "./create-resolver.js";
import { discoverFiles, type LeftOut } from "./discover-files.js";
import { openParseCache } from "./parse-cache.js";
import { countResolutions, reportResolution, type ResolutionReport } from "./measure-resolution.js";
import { parseFiles } from "./parse-files.js";
import { parseScope } from "./parse-scope.js";
import { skipUnfitFiles } from "./skip-unfit-files.js";
import type { Stage, Warning } from "../model/analysis-result.js";

export type { Stage, Warning };

export interface ExtractOptions {
  root: string;
  config: Config;
  workers?: number | undefined;
  /** Folder of the parse cache; undefined: no cache. */
  cacheDirectory?: string | undefined;
  /**
   * Only these files (absolute paths) are the graph's modules (those that are modules of the
   * codebase; others are ignored). What they import, and the re-export chains behind that, is
   * parsed too, so each symbol is still judged by the module that declares it; the rest of the
   * codebase is not read. Default: every discovered module.
   */
  files?: string[] | undefined;
  onProgress?: (message: string) => void;
  time?: <T>(stage: Stage, work: () => T | Promise<T>) => Promise<T>;
}

export interface ExtractedGraph {
  graph: ModuleGraph;
  /** Which tsconfigs resolved the graph, what did not resolve, and whether the graph is degraded. */
  resolution: ResolutionReport;
  warnings: Warning[];
  /** Absolute paths of every module of the graph, sorted. */
  files: string[];
  /** Default kinds of file left out (tests, tool configs, migrations…) and how many. */
  leftOut: LeftOut[];
  /** How many files were parsed: the graph's modules, and with `files` what their symbols needed. */
  parsed: number;
}

/** Discover, parse and resolve: the module graph of a codebase, shared by `analyze` and `check`. */
export async function extractModuleGraph(options: ExtractOptions): Promise<ExtractedGraph> {
  const root = path.resolve(options.root);
  const time = options.time ?? (async <T>(_stage: Stage, work: () => T | Promise<T>): Promise<T> => work());
  const progress = options.onProgress ?? (() => undefined);
  const { config } = options;
  assertDirectory(root);
  const warnings: Warning[] = [];

  const resolver = createResolver({ root, tsconfig: findTsconfig(root, config.tsconfig) });
  const resolve = resolver.resolve;

  const { files: listed, leftOut, unlistable } = await time("discover", () => discoverFiles(root, config.include, config.exclude));
  const { files: discovered, skipped, unreadable } = skipUnfitFiles(listed, config.maxFileSize, root);
  const unread = [...unlistable.map(({ folder, code }) => ({ path: `${folder}/`, code })), ...unreadable.map(({ file, code }) => ({ path: file, code }))];
  if (unread.length > 0 && config.graph.unreadableFiles === "fail") throw unreadableError(root, unread);
  for (const { path: unreadPath, code } of unread) {
    warnings.push({ kind: "unreadable", message: `${unreadPath} cannot be read (${code}): left out of the graph (graph.unreadableFiles is "warn")` });
  }
  for (const { file, reason } of skipped) warnings.push({ kind: "skipped-file", message: `${file} skipped: ${reason}` });
  if (discovered.length === 0) {
    throw new UserError(
      "DCP002",
      `no modules found in ${root} (looked for ${config.include.join(", ")}). Point decouple at a source folder, or set "include" in decouple.config.json.`,
    );
  }
  const known = new Set(discovered);
  const scope = options.files?.filter((file) => known.has(file));
  progress(`parsing ${(scope ?? discovered).length} modules`);
  // A partial run keeps the cache entries of the files it did not read.
  const cache = options.cacheDirectory === undefined ? undefined : openParseCache(options.cacheDirectory, root, { partial: scope !== undefined });
  const parseBatch = (files: string[]): Promise<ParsedModule[]> => parseFiles(files, { workers: options.workers, cache });
  const { files, parsed } = await time("parse", async () =>
    scope === undefined ? { files: discovered, parsed: await parseBatch(discovered) } : parseScope(scope, known, resolve, parseBatch),
  );
  progress("resolving imports");
  // The measure counts the imports of the graph's modules only (with a scope, not of what it parsed besides).
  const inScope = scope === undefined ? undefined : new Set(scope);
  const { resolve: counted, counts } = countResolutions(resolve, inScope === undefined ? undefined : (file) => inScope.has(file));
  const built = await time("resolve", () => buildModuleGraph({ root, files, parsed, resolve: counted }));
  const graph = scope === undefined ? built : restrictGraph(built, new Set(scope.map((file) => toModuleId(root, file))));
  for (const error of graph.syntaxErrors) warnings.push({ kind: "syntax-error", message: `${error.module}: ${error.message}` });
  for (const unresolved of graph.unresolved) {
    warnings.push({ kind: "unresolved-import", message: `${unresolved.from}:${unresolved.line} cannot resolve "${unresolved.specifier}": ${unresolved.reason}` });
  }
  const modules = scope === undefined ? files : [...scope].sort();
  const resolution = reportResolution(resolver, modules, graph, counts, config.graph);
  if (resolution.tsconfigs.every((entry) => entry.file === null)) {
    warnings.push({ kind: "no-tsconfig", message: "no tsconfig.json found: resolving imports with Node/TypeScript defaults (index files, .js written for .ts)" });
  }
  for (const problem of resolution.problems) warnings.push({ kind: "broken-tsconfig", message: `${problem.message}: resolving with what could be read of it` });
  return { graph, resolution, warnings, files: modules, parsed: files.length, leftOut };
}

/** How many unreadable paths the error names before it counts the rest. */
const NAMED_UNREADABLE = 5;

/**
 * Files or folders the run cannot read make the graph incomplete in a way no measure sees (their
 * imports simply vanish), so by default the run stops: a gate must not pass on code it never read.
 */
function unreadableError(root: string, unread: readonly { path: string; code: string }[]): UserError {
  const named = unread.slice(0, NAMED_UNREADABLE).map(({ path: unreadPath, code }) => `${unreadPath} (${code})`);
  const more = unread.length > NAMED_UNREADABLE ? ` and ${unread.length - NAMED_UNREADABLE} more` : "";
  return new UserError(
    "DCP013",
    `cannot read ${unread.length === 1 ? "a path" : `${unread.length} paths`} under ${root}: ${named.join(", ")}${more}. Give the user running decouple read access, leave what it cannot read out with "exclude" in decouple.config.json, or set graph.unreadableFiles to "warn" to analyse without them on purpose.`,
  );
}

/** The scope's modules and the edges, unresolved imports and syntax errors that start in them. */
function restrictGraph(graph: ModuleGraph, scope: ReadonlySet<ModuleId>): ModuleGraph {
  return {
    ...graph,
    modules: graph.modules.filter((module) => scope.has(module.id)),
    edges: graph.edges.filter((edge) => scope.has(edge.from)),
    unresolved: graph.unresolved.filter((unresolved) => scope.has(unresolved.from)),
    syntaxErrors: graph.syntaxErrors.filter((error) => scope.has(error.module)),
  };
}

/** The tsconfig the config sets for every file (checked to exist), else undefined: each file's own. */
export function findTsconfig(root: string, configured: string | undefined): string | undefined {
  if (configured === undefined) return undefined;
  const file = path.resolve(root, configured);
  if (!fs.existsSync(file)) throw new UserError("DCP003", `tsconfig ${file} (set in the decouple config) does not exist.`);
  return file;
}
