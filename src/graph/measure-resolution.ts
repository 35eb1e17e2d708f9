import { compareStrings } from "../model/compare-strings.js";
import type { ModuleGraph } from "../model/module-graph.js";
import type { ResolutionReport } from "../model/analysis-result.js";
import { formatShare } from "../model/format-share.js";
import type { ProjectResolver, Resolution, TsconfigProblem } from "./create-resolver.js";

export type { ResolutionReport };

export interface ResolutionTally {
  tsconfigs: Map<string | null, { modules: number; notIncluded: number }>;
  problems: TsconfigProblem[];
  localImports: number;
  unresolved: number;
  outside: number;
}

export interface ResolutionLimits {
  maxUnresolvedShare: number;
  /** "warn": broken tsconfigs are reported but do not degrade the graph. */
  brokenTsconfigs: "fail" | "warn";
}

/**
 * The one measure of a degraded graph, shared by `analyze` (which then refuses to write a
 * proposal) and `check` (which then cannot pass): the share of relative and alias imports left
 * unresolved above the configured limit, or a tsconfig that could not be read.
 */
export function measureResolution(tally: ResolutionTally, limits: ResolutionLimits): ResolutionReport {
  const unresolvedShare = tally.localImports === 0 ? 0 : tally.unresolved / tally.localImports;
  const degraded: string[] = [];
  if (unresolvedShare > limits.maxUnresolvedShare) {
    degraded.push(
      `${formatShare(unresolvedShare)} of relative and alias imports are unresolved (${tally.unresolved} of ${tally.localImports}), above graph.maxUnresolvedShare ${limits.maxUnresolvedShare}`,
    );
  }
  if (limits.brokenTsconfigs === "fail") degraded.push(...tally.problems.map((problem) => problem.message));
  return {
    tsconfigs: [...tally.tsconfigs]
      .map(([file, counts]) => ({ file, ...counts }))
      .sort((a, b) => b.modules - a.modules || compareStrings(a.file ?? "\uffff", b.file ?? "\uffff")),
    problems: tally.problems,
    localImports: tally.localImports,
    unresolved: tally.unresolved,
    outside: tally.outside,
    unresolvedShare,
    maxUnresolvedShare: limits.maxUnresolvedShare,
    degraded,
  };
}

export function isDegraded(report: ResolutionReport): boolean {
  return report.degraded.length > 0;
}


/** Counts what the measure needs while a graph is built: relative and alias imports, and those leading outside the folder. */
export function countResolutions(
  resolve: (fromFile: string, specifier: string) => Resolution,
  counted: (fromFile: string) => boolean = () => true,
): {
  resolve: (fromFile: string, specifier: string) => Resolution;
  counts: { localImports: number; outside: number };
} {
  const counts = { localImports: 0, outside: 0 };
  return {
    counts,
    resolve: (fromFile, specifier) => {
      const resolution = resolve(fromFile, specifier);
      if (!counted(fromFile)) return resolution;
      if (resolution.type === "file" || resolution.type === "outside" || resolution.type === "unresolved") counts.localImports++;
      if (resolution.type === "outside") counts.outside++;
      return resolution;
    },
  };
}

/** The report of a built graph: which tsconfig governed each of `files`, and the measure against the limits. */
export function reportResolution(
  resolver: ProjectResolver,
  files: string[],
  graph: ModuleGraph,
  counts: { localImports: number; outside: number },
  limits: ResolutionLimits,
): ResolutionReport {
  const tsconfigs = new Map<string | null, { modules: number; notIncluded: number }>();
  for (const file of files) {
    const governing = resolver.tsconfigOf(file);
    const entry = tsconfigs.get(governing?.file ?? null) ?? { modules: 0, notIncluded: 0 };
    entry.modules++;
    if (governing?.included === false) entry.notIncluded++;
    tsconfigs.set(governing?.file ?? null, entry);
  }
  return measureResolution({ tsconfigs, problems: resolver.problems(), localImports: counts.localImports, unresolved: graph.unresolved.length, outside: counts.outside }, limits);
}
