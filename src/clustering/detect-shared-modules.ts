import { adjacency, type WeightedGraph } from "./weighted-graph.js";

export type SharedReason = "configured" | "barrel" | "hub" | "spread" | "isolated";

export interface HubThresholds {
  /** Share of all modules that must import a module for it to be a hub. */
  fanInRatio: number;
}

/**
 * Modules imported from (nearly) everywhere — logger, config, db — would glue every service
 * together; they are set apart before clustering.
 */
export function findHubs(nodes: string[], importers: Map<string, Set<string>>, thresholds: HubThresholds): string[] {
  const minimum = Math.max(4, Math.ceil(thresholds.fanInRatio * nodes.length));
  return nodes.filter((node) => (importers.get(node)?.size ?? 0) >= minimum);
}

/**
 * After clustering: a module whose coupling is spread over at least `spread` services, none of
 * which holds half of it, serves them all (a shared model, the composition root) rather than one.
 */
export function findSpreadModules(
  graph: WeightedGraph,
  communityOf: Map<string, number>,
  spread: number,
): string[] {
  const neighbours = adjacency(graph);
  const result: string[] = [];
  for (const node of graph.nodes) {
    const byCommunity = new Map<number, number>();
    let total = 0;
    for (const [other, weight] of neighbours.get(node) ?? []) {
      const community = communityOf.get(other);
      if (community === undefined) continue;
      byCommunity.set(community, (byCommunity.get(community) ?? 0) + weight);
      total += weight;
    }
    if (total === 0 || (neighbours.get(node)?.size ?? 0) < spread + 1) continue;
    const shares = [...byCommunity.values()].map((weight) => weight / total);
    const top = Math.max(...shares);
    const significant = shares.filter((share) => share >= 0.1).length;
    if (top < 0.5 && significant >= spread) result.push(node);
  }
  return result;
}
