import { renumber } from "./run-louvain.js";
import type { WeightedGraph } from "./weighted-graph.js";
import { itemAt, mustGet } from "../model/must-get.js";
import { compareKeys } from "../model/compare-strings.js";
import type { ModuleId } from "../model/module-id.js";

/**
 * Louvain can return communities whose members are not connected (the flaw Leiden fixes). A
 * service must hang together, so each community is split into its connected parts: union-find
 * over the edges inside communities, linear in the edges, no recursion.
 */
export function splitDisconnected(graph: WeightedGraph, communityOf: Map<ModuleId, number>): Map<ModuleId, number> {
  const parent = new Map<ModuleId, ModuleId>();
  const find = (node: ModuleId): ModuleId => {
    let root = node;
    while (parent.has(root)) root = mustGet(parent, root);
    // Path compression keeps later finds short.
    let current = node;
    while (current !== root) {
      const next = mustGet(parent, current);
      parent.set(current, root);
      current = next;
    }
    return root;
  };
  for (const { a, b } of graph.edges) {
    const community = communityOf.get(a);
    if (community === undefined || community !== communityOf.get(b)) continue;
    const rootA = find(a);
    const rootB = find(b);
    if (rootA !== rootB) parent.set(rootA < rootB ? rootB : rootA, rootA < rootB ? rootA : rootB);
  }
  const roots = new Map<ModuleId, number>();
  const result = new Map<ModuleId, number>();
  for (const node of [...communityOf.keys()].sort()) {
    const root = find(node);
    if (!roots.has(root)) roots.set(root, roots.size);
    result.set(node, mustGet(roots, root));
  }
  return result;
}

/** Total weight between every pair of communities ("i,j" with i < j). */
function communityLinks(graph: WeightedGraph, communityOf: Map<ModuleId, number>): Map<string, number> {
  const links = new Map<string, number>();
  for (const { a, b, weight } of graph.edges) {
    const ca = communityOf.get(a);
    const cb = communityOf.get(b);
    if (ca === undefined || cb === undefined || ca === cb) continue;
    const key = ca < cb ? `${ca},${cb}` : `${cb},${ca}`;
    links.set(key, (links.get(key) ?? 0) + weight);
  }
  return links;
}

function sizes(communityOf: Map<ModuleId, number>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const community of communityOf.values()) counts.set(community, (counts.get(community) ?? 0) + 1);
  return counts;
}

/**
 * Merges communities smaller than `minSize` into the neighbour they are most coupled to, all tiny
 * ones of a pass at once (so thousands of them cost a few passes, not one pass each). A small
 * community with no neighbour at all stays as it is (the caller decides what isolated modules are).
 */
export function mergeTiny(graph: WeightedGraph, communityOf: Map<ModuleId, number>, minSize: number): Map<ModuleId, number> {
  let current = renumber(communityOf);
  for (;;) {
    const counts = sizes(current);
    const best = new Map<number, { target: number; weight: number }>();
    for (const [key, weight] of communityLinks(graph, current)) {
      const [a, b] = numberPair(key);
      for (const [from, to] of [
        [a, b],
        [b, a],
      ] as const) {
        if ((counts.get(from) ?? 0) >= minSize) continue;
        const known = best.get(from);
        if (known === undefined || weight > known.weight || (weight === known.weight && to < known.target)) best.set(from, { target: to, weight });
      }
    }
    if (best.size === 0) return current;
    // Union the merges, so chains (a -> b -> c) and pairs (a <-> b) end in one community.
    const parent = new Map<number, number>();
    const find = (community: number): number => {
      let root = community;
      while (parent.has(root) && parent.get(root) !== root) root = mustGet(parent, root);
      return root;
    };
    for (const [from, { target }] of [...best].sort((x, y) => x[0] - y[0])) {
      const rootFrom = find(from);
      const rootTarget = find(target);
      if (rootFrom !== rootTarget) parent.set(Math.max(rootFrom, rootTarget), Math.min(rootFrom, rootTarget));
    }
    const next = new Map<ModuleId, number>();
    for (const [node, community] of current) next.set(node, find(community));
    current = renumber(next);
  }
}

/**
 * Merges communities until there are `count`: each step joins the pair with the highest coupling
 * relative to their sizes (average linkage), so big services do not swallow everything.
 */
export function mergeToCount(graph: WeightedGraph, communityOf: Map<ModuleId, number>, count: number): Map<ModuleId, number> {
  let current = renumber(communityOf);
  while (new Set(current.values()).size > count) {
    const counts = sizes(current);
    const links = communityLinks(graph, current);
    let best: { a: number; b: number; score: number } | undefined;
    for (const [key, weight] of [...links].sort(compareKeys)) {
      const [a, b] = numberPair(key);
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

/** The two community numbers of an "a,b" key. */
function numberPair(key: string): [number, number] {
  const parts = key.split(",").map(Number);
  return [itemAt(parts, 0), itemAt(parts, 1)];
}
