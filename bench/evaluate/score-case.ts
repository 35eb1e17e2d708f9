import { analyze } from "../../src/analyzer/analyze.js";
import { extractModuleGraph } from "../../src/graph/extract-module-graph.js";
import type { Config } from "../../src/model/config.js";
import { adjustedRandIndex, normalizedMutualInformation } from "../../src/scoring/compare-partitions.js";
import { runPlainLouvain } from "./run-plain-louvain.js";

/** Label of modules decouple sets apart as shared, and of utilities in a reference. */
export const SHARED_LABEL = "shared";

/** One tool's agreement with the reference, over the modules the reference puts in a domain. */
export interface ToolScore {
  /** NMI (arithmetic) over every reference domain module; a module in shared is labelled "shared". */
  nmi: number;
  ari: number;
  /** Share of reference domain modules the tool put in a service (not shared, not missing). */
  coverage: number;
  /** NMI over only the reference domain modules the tool put in a service. */
  nmiAssigned: number;
  /** Services (decouple) or communities (Louvain), shared not counted. */
  groups: number;
}

export interface CaseScore {
  modules: number;
  domains: number;
  decouple: ToolScore;
  louvain: ToolScore;
  /** Wall time of decouple's analyze, milliseconds. */
  analyzeMs: number;
}

/** Runs decouple and the plain Louvain baseline on `root` and scores both against `expected`. */
export async function scoreCase(root: string, config: Config, expected: Map<string, string>): Promise<CaseScore> {
  const reference = new Map([...expected].filter(([, domain]) => domain !== SHARED_LABEL));
  const started = performance.now();
  const result = await analyze({ root, config });
  const analyzeMs = performance.now() - started;
  const proposed = new Map<string, string>();
  for (const service of result.boundaries.services) for (const module of service.modules) proposed.set(module, service.name);
  for (const module of result.boundaries.shared.modules) proposed.set(module, SHARED_LABEL);

  const { graph } = await extractModuleGraph({ root, config });
  const baseline = runPlainLouvain(graph);

  return {
    modules: graph.modules.length,
    domains: new Set(reference.values()).size,
    decouple: scoreAgainst(reference, proposed, result.boundaries.services.length),
    louvain: scoreAgainst(reference, baseline, new Set(baseline.values()).size),
    analyzeMs,
  };
}

/** Scores one labelling; modules labelled shared or missing count as unassigned. */
export function scoreAgainst(reference: Map<string, string>, labels: Map<string, string>, groups: number): ToolScore {
  // A reference module the tool never saw (not in its graph) counts as unassigned, like shared.
  const full = new Map([...reference.keys()].map((module) => [module, labels.get(module) ?? SHARED_LABEL]));
  const assigned = new Map([...full].filter(([, label]) => label !== SHARED_LABEL));
  return {
    nmi: normalizedMutualInformation(reference, full),
    ari: adjustedRandIndex(reference, full),
    coverage: reference.size === 0 ? 0 : assigned.size / reference.size,
    nmiAssigned: normalizedMutualInformation(reference, assigned),
    groups,
  };
}
