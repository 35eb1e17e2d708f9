import { UndirectedGraph } from "graphology";

/** An undirected weighted graph as plain data: sorted nodes and "a\0b" keyed pair weights. */
export interface WeightedGraph {
  nodes: string[];
  weights: Map<string, number>;
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\0${b}` : `${b}\0${a}`;
}

export function splitPairKey(key: string): [string, string] {
  const index = key.indexOf("\0");
  return [key.slice(0, index), key.slice(index + 1)];
}

/** Keeps only the pairs whose both ends are in `nodes`. */
export function inducedGraph(graph: WeightedGraph, nodes: Iterable<string>): WeightedGraph {
  const keep = new Set(nodes);
  const weights = new Map<string, number>();
  for (const [key, weight] of graph.weights) {
    const [a, b] = splitPairKey(key);
    if (keep.has(a) && keep.has(b)) weights.set(key, weight);
  }
  return { nodes: graph.nodes.filter((node) => keep.has(node)), weights };
}

/** Builds a graphology graph in sorted order: insertion order is part of what makes Louvain deterministic. */
export function toGraphology(graph: WeightedGraph): UndirectedGraph {
  const result = new UndirectedGraph({ allowSelfLoops: false, multi: false });
  for (const node of [...graph.nodes].sort()) result.addNode(node);
  for (const key of [...graph.weights.keys()].sort()) {
    const [a, b] = splitPairKey(key);
    result.addEdge(a, b, { weight: graph.weights.get(key) });
  }
  return result;
}

/** Adjacency lists with weights, for the passes that walk neighbours. */
export function adjacency(graph: WeightedGraph): Map<string, Map<string, number>> {
  const neighbours = new Map<string, Map<string, number>>(graph.nodes.map((node) => [node, new Map()]));
  for (const [key, weight] of graph.weights) {
    const [a, b] = splitPairKey(key);
    neighbours.get(a)?.set(b, weight);
    neighbours.get(b)?.set(a, weight);
  }
  return neighbours;
}

/** Newman modularity of a partition of an undirected weighted graph (resolution 1). */
export function modularity(graph: WeightedGraph, communityOf: Map<string, number>, resolution = 1): number {
  let total = 0;
  const internal = new Map<number, number>();
  const degree = new Map<number, number>();
  for (const [key, weight] of graph.weights) {
    const [a, b] = splitPairKey(key);
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
