import { membersOf } from "./apply-constraints.js";
import { renumber } from "./run-louvain.js";
import { adjacency, type WeightedGraph } from "./weighted-graph.js";
import type { ModuleId } from "../model/module-id.js";

export interface SmallServiceMerge {
  communityOf: Map<ModuleId, number>;
  /** Modules of groups below the minimum that nothing couples to any service. */
  uncoupled: ModuleId[];
}

/**
 * Brings every service up to `minSize` modules: the smallest one joins the service it is most
 * coupled to, directly or through shared modules (a shared module passes on each neighbour's share
 * of its weight, so a logger used by everyone passes on little), never one that `mayJoin` refuses
 * (an `apart` rule). A group coupled to no service at all cannot grow and goes to shared.
 * `graph` is the whole coupling graph, shared modules included; `communityOf` holds the rest.
 */
export function mergeSmallServices(
  graph: WeightedGraph,
  communityOf: Map<ModuleId, number>,
  minSize: number,
  mayJoin: (moving: ModuleId[], into: ModuleId[]) => boolean = () => true,
): SmallServiceMerge {
  const result = new Map(communityOf);
  const neighbours = adjacency(graph);
  const strength = new Map<ModuleId, number>();
  for (const [node, links] of neighbours) strength.set(node, [...links.values()].reduce((sum, weight) => sum + weight, 0));
  const uncoupled: ModuleId[] = [];
  const stuck = new Set<number>();
  for (;;) {
    const groups = membersOf(result);
    const small = [...groups].filter(([community, nodes]) => nodes.length < minSize && !stuck.has(community)).sort((a, b) => a[1].length - b[1].length || a[0] - b[0]);
    const [community, nodes] = small[0] ?? [];
    if (community === undefined || nodes === undefined) break;
    const pull = new Map<number, number>();
    const add = (target: number | undefined, weight: number): void => {
      if (target !== undefined && target !== community) pull.set(target, (pull.get(target) ?? 0) + weight);
    };
    for (const node of nodes) {
      for (const [other, weight] of neighbours.get(node) ?? []) {
        if (result.has(other)) {
          add(result.get(other), weight);
          continue;
        }
        // A shared module: its weight to each service, in proportion to its own.
        const total = strength.get(other) ?? 0;
        for (const [next, onward] of neighbours.get(other) ?? []) if (total > 0 && next !== node) add(result.get(next), (weight * onward) / total);
      }
    }
    const [best] = [...pull]
      .filter(([target]) => mayJoin(nodes, groups.get(target) ?? []))
      .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    if (best !== undefined) {
      for (const node of nodes) result.set(node, best[0]);
    } else if (pull.size === 0) {
      for (const node of nodes) result.delete(node);
      uncoupled.push(...nodes);
    } else {
      // Only `apart` rules stand in the way: they win, and the group stays small.
      stuck.add(community);
    }
  }
  return { communityOf: renumber(result), uncoupled: uncoupled.sort() };
}
