import { mergeToCount } from "./refine-communities.js";
import { renumber, runLouvain } from "./run-louvain.js";
import type { WeightedGraph } from "./weighted-graph.js";
import type { ModuleId } from "../model/module-id.js";

/**
 * A community is split in two when its best bisection cuts less than this share of the smaller
 * half's internal weight (conductance). Halves of one planted domain measure 0.28-0.55; two
 * domains that Louvain merged (the resolution limit) measure 0.10-0.15.
 */
const MAX_CONDUCTANCE = 0.2;
/** Neither half may be smaller than this: below it conductance is noise. */
const MIN_HALF = 5;
/** Each pass can split the halves of the last one again. */
const MAX_PASSES = 4;

/**
 * Louvain merges two communities whenever the weight between them beats what their sizes predict,
 * so two related domains often come out as one service (Fortunato and Barthélemy's resolution
 * limit). Each community is bisected (Louvain inside it, merged down to two parts) and split when
 * the two halves hang together only loosely.
 */
export function splitLooseCommunities(graph: WeightedGraph, communityOf: Map<ModuleId, number>, seed: number): Map<ModuleId, number> {
  const result = new Map(communityOf);
  let next = Math.max(-1, ...communityOf.values()) + 1;
  // Only the halves of a split can split again: three domains merged need two passes.
  let candidates: Set<number> | undefined;
  for (let pass = 0; pass < MAX_PASSES && candidates?.size !== 0; pass++) {
    const halved = new Set<number>();
    for (const [community, members] of [...communityGraphs(graph, result)].sort((a, b) => a[0] - b[0])) {
      if (candidates !== undefined && !candidates.has(community)) continue;
      const halves = looseBisection(members, seed);
      if (halves === undefined) continue;
      const second = next++;
      for (const node of members.nodes) if (halves.get(node) === 1) result.set(node, second);
      halved.add(community).add(second);
    }
    candidates = halved;
  }
  return renumber(result);
}

/** Each community's own graph: its members and the edges inside it, in one pass over the edges. */
function communityGraphs(graph: WeightedGraph, communityOf: Map<ModuleId, number>): Map<number, WeightedGraph> {
  const result = new Map<number, WeightedGraph>();
  const of = (community: number): WeightedGraph => {
    let found = result.get(community);
    if (found === undefined) result.set(community, (found = { nodes: [], edges: [] }));
    return found;
  };
  // graph.nodes and graph.edges are sorted, so each community's lists are too.
  for (const node of graph.nodes) {
    const community = communityOf.get(node);
    if (community !== undefined) of(community).nodes.push(node);
  }
  for (const edge of graph.edges) {
    const community = communityOf.get(edge.a);
    if (community !== undefined && community === communityOf.get(edge.b)) of(community).edges.push(edge);
  }
  return result;
}

/** The community's bisection (node -> 0 or 1) when it is loose enough to split, else undefined. */
export function looseBisection(community: WeightedGraph, seed: number): Map<ModuleId, number> | undefined {
  if (community.nodes.length < 2 * MIN_HALF || community.edges.length === 0) return undefined;
  const halves = mergeToCount(community, runLouvain(community, { seed, resolution: 1, runs: 1 }), 2);
  const halfOf = (node: ModuleId): 0 | 1 => (halves.get(node) === 0 ? 0 : 1);
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
