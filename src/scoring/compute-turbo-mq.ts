import { type Dependency, type Partition } from "../model/partition.js";
import { placed } from "./partition.js";

export interface TurboMqResult {
  /** Σ of the cluster factors: range [0, k] for k services; higher is better. */
  value: number;
  /** Cluster factor CF_i of each service, range [0, 1]. */
  clusterFactor: Map<string, number>;
}

/**
 * TurboMQ, Bunch's modularisation quality over a weighted, directed module dependency graph:
 *
 *   TurboMQ = Σ_i CF_i,   CF_i = 0 if μ_i = 0, else 2μ_i / (2μ_i + Σ_{j≠i} (ε_ij + ε_ji))
 *
 * where μ_i is the weight of the dependencies inside service i and ε_ij the weight of those from
 * service i to service j. Source: B. S. Mitchell and S. Mancoridis, "On the automatic
 * modularization of software systems using the Bunch tool", IEEE TSE 32(3), 2006; B. S. Mitchell,
 * "A Heuristic Search Approach to Solving the Software Clustering Problem", PhD thesis, Drexel
 * University, 2002 (weighted MDGs: μ and ε are sums of edge weights).
 */
export function computeTurboMq(partition: Partition, dependencies: Iterable<Dependency>): TurboMqResult {
  const inside = new Map<string, number>();
  const crossing = new Map<string, number>();
  for (const { source, target, weight } of placed(partition, dependencies)) {
    if (source === target) {
      inside.set(source, (inside.get(source) ?? 0) + weight);
    } else {
      // ε_ij counts for i (outgoing) and for j (incoming).
      crossing.set(source, (crossing.get(source) ?? 0) + weight);
      crossing.set(target, (crossing.get(target) ?? 0) + weight);
    }
  }
  const clusterFactor = new Map<string, number>();
  let value = 0;
  for (const service of partition.services) {
    const mu = inside.get(service) ?? 0;
    const factor = mu === 0 ? 0 : (2 * mu) / (2 * mu + (crossing.get(service) ?? 0));
    clusterFactor.set(service, factor);
    value += factor;
  }
  return { value, clusterFactor };
}
