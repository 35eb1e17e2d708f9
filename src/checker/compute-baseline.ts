import type { Boundaries } from "../model/boundaries.js";
import type { Config } from "../model/config.js";
import type { ModuleGraph } from "../model/module-graph.js";
import { toBaseline, type Baseline } from "./baseline.js";
import { runRules } from "./run-rules.js";

/**
 * The baseline that makes `check` pass on the codebase as it is: every violation of every rule
 * that is not off. Right after `analyze`, crossings are all in the API, so what remains are the
 * tangles no API can excuse (cycles between services, shared importing a service).
 * Write it with `toStableJson` beside the boundaries file (`baselinePathFor`).
 */
export function computeBaseline(graph: ModuleGraph, boundaries: Boundaries, config: Config): Baseline {
  return toBaseline(runRules(graph, boundaries, config).findings.map((finding) => finding.key));
}
