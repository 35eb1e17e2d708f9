import { placed, type Dependency, type Partition } from "./partition.js";

export interface CutWeight {
  /** Weight of the dependencies between two different services. */
  cut: number;
  /** Weight of the dependencies with both ends in the partition. */
  total: number;
  /** cut / total, range [0, 1]; lower is better (0 when there is no weight). */
  share: number;
}

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
