import { analyze, type AnalysisResult, type Config } from "../../../src/api.js";
import { runPlainLouvain } from "../run-plain-louvain.js";
import { scoreAgainst, SHARED_LABEL, type ToolScore } from "../score-case.js";
import { roleWordsIn } from "./find-role-names.js";
import { scoreBestFolders, type FolderScore } from "./score-folders.js";

/** One proposed service, for the diagnosis: its size and what the truth says is in it. */
export interface ServiceDetail {
  name: string;
  modules: number;
  /** Labelled modules in it, by truth label, largest first. */
  truth: [string, number][];
  /** Its modules by first two folders, largest first: shows a layer at a glance. */
  folders: [string, number][];
  roleWords: string[];
}

export interface AppScore {
  /** Modules in decouple's graph, and labelled modules (the truth) among all. */
  modules: number;
  labelled: number;
  domains: number;
  decouple: ToolScore;
  louvain: ToolScore;
  folders: FolderScore;
  /** Service names made of role words. */
  roleNamed: string[];
  /** What decouple read: its tsconfig, imports it could not resolve, packages it counted as external. */
  graph: { tsconfig: string | null; edges: number; unresolved: number; externals: number };
  services: ServiceDetail[];
  shared: { modules: number; truth: [string, number][] };
  analyzeMs: number;
}

const countBy = (values: Iterable<string>): [string, number][] => {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
};

/** Runs decouple on `root`, plain Louvain on decouple's graph, the folder baseline, and scores all three. */
export async function scoreAppCase(root: string, config: Config, truth: Map<string, string>): Promise<AppScore> {
  const started = performance.now();
  const result: AnalysisResult = await analyze({ root, config });
  const analyzeMs = performance.now() - started;
  const proposed = new Map<string, string>();
  for (const service of result.boundaries.services) for (const module of service.modules) proposed.set(module, service.name);
  for (const module of result.boundaries.shared.modules) proposed.set(module, SHARED_LABEL);
  const baseline = runPlainLouvain(result.graph);
  const labelOf = (module: string): string[] => {
    const label = truth.get(module);
    return label === undefined ? [] : [label];
  };
  const services = result.boundaries.services.map((service) => ({
    name: service.name,
    modules: service.modules.length,
    truth: countBy(service.modules.flatMap(labelOf)),
    folders: countBy(service.modules.map((module) => module.split("/").slice(0, -1).slice(0, 2).join("/") || ".")),
    roleWords: roleWordsIn(service.name),
  }));
  return {
    modules: result.graph.modules.length,
    labelled: truth.size,
    domains: new Set(truth.values()).size,
    decouple: scoreAgainst(truth, proposed, result.boundaries.services.length),
    louvain: scoreAgainst(truth, baseline, new Set(baseline.values()).size),
    folders: scoreBestFolders(truth),
    roleNamed: services.filter((service) => service.roleWords.length > 0).map((service) => service.name),
    graph: {
      // The tsconfig that governed most modules, and how many others governed the rest.
      tsconfig: describeTsconfigs(result.resolution.tsconfigs),
      edges: result.graph.edges.length,
      unresolved: result.graph.unresolved.length,
      externals: result.graph.externals.length,
    },
    services: services.sort((a, b) => b.modules - a.modules),
    shared: { modules: result.boundaries.shared.modules.length, truth: countBy(result.boundaries.shared.modules.flatMap(labelOf)) },
    analyzeMs,
  };
}

function describeTsconfigs(tsconfigs: { file: string | null; modules: number }[]): string | null {
  const [first, ...rest] = tsconfigs.filter((entry) => entry.file !== null);
  if (first === undefined) return null;
  return `${first.file} (${first.modules})${rest.length > 0 ? ` + ${rest.length} more` : ""}`;
}
