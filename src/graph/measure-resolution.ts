import { compareStrings } from "../model/module-id.js";
import type { ModuleGraph } from "../model/module-graph.js";
import type { ProjectResolver, Resolution, TsconfigProblem } from "./create-resolver.js";

/** How far a module graph can be trusted: which tsconfigs resolved it, and what did not resolve. */
export interface ResolutionReport {
  /**
   * Which tsconfig governed how many modules (`file` null: none is above them), most modules
   * first; `notIncluded` of them are files its include does not take, resolved with it as the nearest.
   */
  tsconfigs: { file: string | null; modules: number; notIncluded: number }[];
  /** tsconfigs that could not be read as written (unreadable, `extends` looping or missing). */
  problems: TsconfigProblem[];
  /** Relative and alias imports (one per module and specifier), resolved or not: workspace names, tsconfig paths, `#imports`. */
  localImports: number;
  /** Of those, how many resolved to no file. */
  unresolved: number;
  /** Imports that resolved to a file outside the analysed folder (left out of the graph, not packages). */
  outside: number;
  /** unresolved / localImports; 0 when there are none. */
  unresolvedShare: number;
  /** `graph.maxUnresolvedShare` of the config. */
  maxUnresolvedShare: number;
  /** Why the graph cannot be trusted, one line each; empty when it can. */
  degraded: string[];
}

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

/** "1.2%": one decimal below 10 %, none above. */
export function formatShare(share: number): string {
  const percent = share * 100;
  return `${percent < 10 ? percent.toFixed(1) : percent.toFixed(0)}%`;
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
