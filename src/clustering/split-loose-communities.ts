import { mergeToCount } from "./refine-communities.js";
import { renumber, runLouvain } from "./run-louvain.js";
import { inducedGraph, type WeightedGraph } from "./weighted-graph.js";

/**
 * A community is split in two when its best bisection cuts less than this share of the smaller
 * half's internal weight (conductance). Halves of one planted domain measure 0.28-0.55; two
 * domains that Louvain merged (the resolution limit) measure 0.10-0.15.
 */
const MAX_CONDUCTANCE = 0.2;
/** Neither half may be smaller than this: below it conductance is noise. */
const MIN_HALF = 5;
/** Each pass can split the halves again (three domains merged need two). */
const MAX_PASSES = 4;

/**
 * Louvain merges two communities whenever the weight between them beats what their sizes predict,
 * so two related domains often come out as one service (Fortunato and Barthélemy's resolution
 * limit). Each community is bisected (Louvain inside it, merged down to two parts) and split when
 * the two halves hang together only loosely.
 */
export function splitLooseCommunities(graph: WeightedGraph, communityOf: Map<string, number>, seed: number): Map<string, number> {
  let current = renumber(communityOf);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const membersOf = new Map<number, string[]>();
    for (const [node, community] of current) membersOf.set(community, [...(membersOf.get(community) ?? []), node]);
    const result = new Map(current);
    let next = Math.max(-1, ...current.values()) + 1;
    let split = false;
    for (const [, members] of [...membersOf].sort((a, b) => a[0] - b[0])) {
      const halves = looseBisection(inducedGraph(graph, members), seed);
      if (halves === undefined) continue;
      split = true;
      const second = next++;
      for (const node of members) if (halves.get(node) === 1) result.set(node, second);
    }
    current = renumber(result);
    if (!split) break;
  }
  return current;
}

/** The community's bisection (node -> 0 or 1) when it is loose enough to split, else undefined. */
export function looseBisection(community: WeightedGraph, seed: number): Map<string, number> | undefined {
  if (community.nodes.length < 2 * MIN_HALF || community.edges.length === 0) return undefined;
  const halves = mergeToCount(community, runLouvain(community, { seed, resolution: 1, runs: 1 }), 2);
  const halfOf = (node: string): 0 | 1 => (halves.get(node) === 0 ? 0 : 1);
  const size: [number, number] = [0, 0];
  const volume: [number, number] = [0, 0];
  let cut = 0;
  for (const node of community.nodes) size[halfOf(node)] += 1;
  for (const { a, b, weight } of community.edges) {
    volume[halfOf(a)] += weight;
    volume[halfOf(b)] += weight;
    if (halfOf(a) !== halfOf(b)) cut += weight;
  }
  if (Math.min(...size) < MIN_HALF) return undefined;
  const conductance = cut / Math.min(...volume);
  return conductance < MAX_CONDUCTANCE ? halves : undefined;
}
