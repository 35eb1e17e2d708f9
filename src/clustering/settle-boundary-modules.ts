import { renumber } from "./run-louvain.js";
import { adjacency, type WeightedGraph } from "./weighted-graph.js";
import { mustGet } from "../model/must-get.js";
import type { ModuleId } from "../model/module-id.js";

/** The size penalty of the settling moves: a third of the default clustering resolution. */
const SETTLE_RESOLUTION = 0.5;
const MAX_PASSES = 5;
/** A move never shrinks a community below this (or the smallest service size), so settling cannot dissolve one. */
const MIN_LEFT = 2;

/**
 * Louvain at a high resolution keeps services apart, but its size penalty also pushes modules on
 * the edge of a large service into a smaller neighbour. Once the services stand, each module moves
 * to the community with the best modularity gain under a milder penalty (the Louvain move at
 * resolution 0.5), in sorted order, until no module moves. On planted monoliths this mends 1-3 %
 * of the modules; the services themselves stay as they are.
 */
export function settleBoundaryModules(graph: WeightedGraph, communityOf: Map<ModuleId, number>, minServiceSize = MIN_LEFT): Map<ModuleId, number> {
  const minLeft = Math.max(MIN_LEFT, minServiceSize);
  const result = new Map(communityOf);
  const neighbours = adjacency(graph);
  const degree = new Map<ModuleId, number>();
  let twiceTotal = 0;
  for (const { a, b, weight } of graph.edges) {
    degree.set(a, (degree.get(a) ?? 0) + weight);
    degree.set(b, (degree.get(b) ?? 0) + weight);
    twiceTotal += 2 * weight;
  }
  if (twiceTotal === 0) return communityOf;
  const size = new Map<number, number>();
  const volume = new Map<number, number>();
  for (const [node, community] of result) {
    size.set(community, (size.get(community) ?? 0) + 1);
    volume.set(community, (volume.get(community) ?? 0) + (degree.get(node) ?? 0));
  }
  const nodes = [...result.keys()].sort();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let moved = 0;
    for (const node of nodes) {
      const own = mustGet(result, node);
      if ((size.get(own) ?? 0) <= minLeft) continue;
      const k = degree.get(node) ?? 0;
      const linkTo = new Map<number, number>();
      for (const [other, weight] of neighbours.get(node) ?? []) {
        const community = result.get(other);
        if (community !== undefined && other !== node) linkTo.set(community, (linkTo.get(community) ?? 0) + weight);
      }
      // Gain of joining c, up to terms common to every c: links to c minus the expected links.
      const penalty = (SETTLE_RESOLUTION * k) / twiceTotal;
      let best = own;
      let bestGain = (linkTo.get(own) ?? 0) - penalty * ((volume.get(own) ?? 0) - k);
      for (const [community, links] of linkTo) {
        if (community === own) continue;
        const candidate = links - penalty * (volume.get(community) ?? 0);
        // Ties keep the module where it is, or go to the lowest community number: same input, same moves.
        if (candidate > bestGain + 1e-9 || (best !== own && candidate > bestGain - 1e-9 && community < best)) {
          best = community;
          bestGain = candidate;
        }
      }
      if (best === own) continue;
      result.set(node, best);
      size.set(own, (size.get(own) ?? 0) - 1);
      size.set(best, (size.get(best) ?? 0) + 1);
      volume.set(own, (volume.get(own) ?? 0) - k);
      volume.set(best, (volume.get(best) ?? 0) + k);
      moved++;
    }
    if (moved === 0) break;
  }
  return renumber(result);
}
