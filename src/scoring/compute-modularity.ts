import { buildWeightedGraph, modularity } from "../clustering/weighted-graph.js";
import { type Dependency, type Partition } from "../model/partition.js";
import { placed } from "./partition.js";
import type { ModuleId } from "../model/module-id.js";
import type { ModulePair } from "../signals/signal.js";

/**
 * Newman modularity of the services over the coupling graph taken as undirected and weighted
 * (the two directions of a pair are summed):
 *
 *   Q = Σ_c [ L_c / m − (d_c / 2m)² ]
 *
 * where m is the total edge weight, L_c the weight inside service c and d_c the summed weighted
 * degree of its modules. Range [−1/2, 1); higher is better; 0 is what a random split gets.
 * Source: M. E. J. Newman, "Analysis of weighted networks", Phys. Rev. E 70, 056131 (2004);
 * M. E. J. Newman and M. Girvan, Phys. Rev. E 69, 026113 (2004).
 */
export function computeModularity(partition: Partition, dependencies: Iterable<Dependency>): number {
  const pairs: ModulePair[] = [];
  for (const dependency of placed(partition, dependencies)) pairs.push([dependency.from, dependency.to, dependency.weight]);
  const index = new Map(partition.services.map((service, i) => [service, i]));
  const communities = new Map<ModuleId, number>();
  for (const [module, service] of partition.serviceOf) communities.set(module, index.get(service) ?? -1);
  return modularity(buildWeightedGraph(partition.serviceOf.keys(), pairs), communities);
}
