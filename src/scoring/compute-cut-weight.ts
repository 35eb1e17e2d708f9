import type { CutWeight } from "../model/score-report.js";
import { type Dependency, type Partition } from "../model/partition.js";
import { placed } from "./partition.js";
import { compareStrings } from "../model/compare-strings.js";
import type { ModuleId } from "../model/module-id.js";

export type { CutWeight };

/**
 * Cut weight: how much of one coupling signal's weight a decomposition cuts, the quantity a
 * minimum-cut partitioning minimises,
 *
 *   cut = Σ_{(u,v): s(u) ≠ s(v)} w(u,v),   share = cut / Σ_{(u,v)} w(u,v).
 *
 * Source: the graph-partitioning objective (B. W. Kernighan and S. Lin, "An efficient heuristic
 * procedure for partitioning graphs", Bell System Technical Journal 49(2), 1970); reported per
 * coupling signal as asked in decouple's issue 4.
 */
export function computeCutWeight(partition: Partition, dependencies: Iterable<Dependency>): CutWeight {
  let cut = 0;
  let total = 0;
  for (const { source, target, weight } of placed(partition, dependencies)) {
    total += weight;
    if (source !== target) cut += weight;
  }
  return { cut, total, share: total === 0 ? 0 : cut / total };
}

/** One coupling signal's module pairs as `collectSignals` returns them: undirected, in the signal's own units. */
export interface SignalPairs {
  name: string;
  pairs: readonly (readonly [ModuleId, ModuleId, number])[];
}

/**
 * Cut weight of the import coupling and of each further signal, `imports` first and the rest by
 * name. Each is in its own units (import weights, commits shared, …): compare shares across
 * signals, not cuts.
 */
export function computeCutWeights(partition: Partition, imports: Iterable<Dependency>, signals: readonly SignalPairs[]): Map<string, CutWeight> {
  const weights = new Map([["imports", computeCutWeight(partition, imports)]]);
  const sorted = [...signals].sort((a, b) => compareStrings(a.name, b.name));
  for (const signal of sorted) {
    const dependencies = signal.pairs.map(([from, to, weight]) => ({ from, to, weight }));
    weights.set(signal.name, computeCutWeight(partition, dependencies));
  }
  return weights;
}
