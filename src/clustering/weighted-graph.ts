import { UndirectedGraph } from "graphology";
import { compareStrings } from "../model/compare-strings.js";
import type { ModuleId } from "../model/module-id.js";
import type { ModulePair } from "../signals/signal.js";

/** One undirected pair, `a < b`. */
export interface WeightedEdge {
  a: ModuleId;
  b: ModuleId;
  weight: number;
}

/** An undirected weighted graph as plain data: sorted nodes and sorted, unique pairs. */
export interface WeightedGraph {
  nodes: ModuleId[];
  edges: WeightedEdge[];
}

/** Sums weights per unordered pair and returns the graph in sorted order. */
export function buildWeightedGraph(nodes: Iterable<ModuleId>, pairs: Iterable<ModulePair>): WeightedGraph {
  const byPair = new Map<string, WeightedEdge>();
  for (const [x, y, weight] of pairs) {
    if (x === y) continue;
    // A NaN weight poisons Louvain, cohesion and modularity without a word: a bug, said loudly.
    if (!Number.isFinite(weight)) throw new Error(`the coupling weight of ${x} and ${y} is ${weight}`);
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}\0${b}`;
    const edge = byPair.get(key);
    if (edge === undefined) byPair.set(key, { a, b, weight });
    else edge.weight += weight;
  }
  const edges = [...byPair.values()].sort((p, q) => compareStrings(p.a, q.a) || compareStrings(p.b, q.b));
  return { nodes: [...nodes].sort(), edges };
}

/** Keeps only the pairs whose both ends are in `nodes`. */
export function inducedGraph(graph: WeightedGraph, nodes: Iterable<ModuleId>): WeightedGraph {
  const keep = new Set(nodes);
  return {
    nodes: graph.nodes.filter((node) => keep.has(node)),
    edges: graph.edges.filter((edge) => keep.has(edge.a) && keep.has(edge.b)),
  };
}

/**
 * Builds a graphology graph in sorted order: insertion order is part of what makes Louvain
 * deterministic. graphology keys nodes by plain strings: the ModuleIds go in as such, and come back
 * through `fromGraphologyCommunities`, the one other place clustering meets graphology's keys.
 */
export function toGraphology(graph: WeightedGraph): UndirectedGraph {
  const result = new UndirectedGraph({ allowSelfLoops: false, multi: false });
  for (const node of graph.nodes) result.addNode(node);
  for (const edge of graph.edges) result.addEdge(edge.a, edge.b, { weight: edge.weight });
  return result;
}

/**
 * graphology's communities (keyed by plain strings) as the graph's own ModuleIds: each node is read
 * by its id, so the brand is kept without a cast. Every node has a community; a missing one is a bug.
 */
export function fromGraphologyCommunities(graph: WeightedGraph, communities: Readonly<Record<string, number>>): Map<ModuleId, number> {
  const communityOf = new Map<ModuleId, number>();
  for (const node of graph.nodes) {
    const community = communities[node];
    if (community === undefined) throw new Error(`internal: graphology gave ${node} no community`);
    communityOf.set(node, community);
  }
  return communityOf;
}

/** Adjacency lists with weights, for the passes that walk neighbours. */
export function adjacency(graph: WeightedGraph): Map<ModuleId, Map<ModuleId, number>> {
  const neighbours = new Map<ModuleId, Map<ModuleId, number>>(graph.nodes.map((node) => [node, new Map()]));
  for (const { a, b, weight } of graph.edges) {
    neighbours.get(a)?.set(b, weight);
    neighbours.get(b)?.set(a, weight);
  }
  return neighbours;
}

/** Newman modularity of a partition of an undirected weighted graph. */
export function modularity(graph: WeightedGraph, communityOf: ReadonlyMap<ModuleId, number>, resolution = 1): number {
  let total = 0;
  const internal = new Map<number, number>();
  const degree = new Map<number, number>();
  for (const { a, b, weight } of graph.edges) {
    const ca = communityOf.get(a);
    const cb = communityOf.get(b);
    if (ca === undefined || cb === undefined) continue;
    total += weight;
    if (ca === cb) internal.set(ca, (internal.get(ca) ?? 0) + weight);
    degree.set(ca, (degree.get(ca) ?? 0) + weight);
    degree.set(cb, (degree.get(cb) ?? 0) + weight);
  }
  if (total === 0) return 0;
  let q = 0;
  for (const [community, sum] of degree) {
    q += (internal.get(community) ?? 0) / total - resolution * (sum / (2 * total)) ** 2;
  }
  return q;
}
