import { renumber } from "./run-louvain.js";
import { adjacency, type WeightedGraph } from "./weighted-graph.js";

/**
 * Louvain can return communities whose members are not connected to each other (the flaw Leiden
 * fixes). A service must hang together, so each community is split into its connected parts.
 */
export function splitDisconnected(graph: WeightedGraph, communityOf: Map<string, number>): Map<string, number> {
  const neighbours = adjacency(graph);
  const result = new Map<string, number>();
  let next = 0;
  for (const start of [...communityOf.keys()].sort()) {
    if (result.has(start)) continue;
    const community = communityOf.get(start);
    const stack = [start];
    result.set(start, next);
    while (stack.length > 0) {
      const node = stack.pop() as string;
      for (const neighbour of [...(neighbours.get(node)?.keys() ?? [])].sort()) {
        if (!result.has(neighbour) && communityOf.get(neighbour) === community) {
          result.set(neighbour, next);
          stack.push(neighbour);
        }
      }
    }
    next++;
  }
  return renumber(result);
}

/** Total weight between every pair of communities ("i,j" with i < j) and each community's size. */
function communityLinks(graph: WeightedGraph, communityOf: Map<string, number>): Map<string, number> {
  const links = new Map<string, number>();
  const neighbours = adjacency(graph);
  for (const [node, list] of neighbours) {
    const a = communityOf.get(node);
    if (a === undefined) continue;
    for (const [other, weight] of list) {
      const b = communityOf.get(other);
      if (b === undefined || b <= a) continue;
      const key = `${a},${b}`;
      links.set(key, (links.get(key) ?? 0) + weight);
    }
  }
  return links;
}

function sizes(communityOf: Map<string, number>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const community of communityOf.values()) counts.set(community, (counts.get(community) ?? 0) + 1);
  return counts;
}

/**
 * Merges communities smaller than `minSize` into the neighbour they are most coupled to. A small
 * community with no neighbour at all stays as it is (the caller decides what isolated modules are).
 */
export function mergeTiny(graph: WeightedGraph, communityOf: Map<string, number>, minSize: number): Map<string, number> {
  let current = new Map(communityOf);
  for (;;) {
    const counts = sizes(current);
    const links = communityLinks(graph, current);
    const tiny = [...counts].filter(([, size]) => size < minSize).map(([community]) => community).sort((a, b) => a - b);
    let merged = false;
    for (const community of tiny) {
      let best: { target: number; weight: number } | undefined;
      for (const [key, weight] of links) {
        const [a, b] = key.split(",").map(Number) as [number, number];
        const other = a === community ? b : b === community ? a : undefined;
        if (other === undefined) continue;
        if (best === undefined || weight > best.weight || (weight === best.weight && other < best.target)) best = { target: other, weight };
      }
      if (best !== undefined) {
        const target = best.target;
        for (const [node, c] of current) if (c === community) current.set(node, target);
        merged = true;
        break; // links changed: recompute before the next merge
      }
    }
    if (!merged) return renumber(current);
    current = renumber(current);
  }
}

/**
 * Merges communities until there are `count`: each step joins the pair with the highest coupling
 * relative to their sizes (average linkage), so big services do not swallow everything.
 */
export function mergeToCount(graph: WeightedGraph, communityOf: Map<string, number>, count: number): Map<string, number> {
  let current = renumber(communityOf);
  while (new Set(current.values()).size > count) {
    const counts = sizes(current);
    const links = communityLinks(graph, current);
    let best: { a: number; b: number; score: number } | undefined;
    for (const [key, weight] of [...links].sort(([x], [y]) => (x < y ? -1 : 1))) {
      const [a, b] = key.split(",").map(Number) as [number, number];
      const score = weight / ((counts.get(a) ?? 1) * (counts.get(b) ?? 1));
      if (best === undefined || score > best.score) best = { a, b, score };
    }
    if (best === undefined) {
      // No links left between communities: join the two smallest.
      const [a, b] = [...counts].sort((x, y) => x[1] - y[1] || x[0] - y[0]).map(([community]) => community);
      if (a === undefined || b === undefined) break;
      best = { a, b, score: 0 };
    }
    const { a, b } = best;
    for (const [node, c] of current) if (c === b) current.set(node, a);
    current = renumber(current);
  }
  return current;
}
