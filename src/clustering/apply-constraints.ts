import picomatch from "picomatch";
import { renumber, runLouvain } from "./run-louvain.js";
import { adjacency, inducedGraph, type WeightedGraph } from "./weighted-graph.js";
import { itemAt, mustGet } from "../model/must-get.js";
import type { ModuleId } from "../model/module-id.js";

export interface Constraints {
  /** Groups of globs whose modules share one service. */
  together: string[][];
  /** Pairs of globs whose modules never share one. */
  apart: [string, string][];
  maxServiceSize?: number | undefined;
  /** A hard minimum, applied by `mergeSmallServices` once everything else has run. */
  minServiceSize?: number | undefined;
}

interface ApartSides {
  sideA: (node: string) => boolean;
  sideB: (node: string) => boolean;
}

/** The two sides of one `apart` rule; a module matching both globs belongs to neither. */
function apartSides([globA, globB]: [string, string]): ApartSides {
  const isA = picomatch(globA);
  const isB = picomatch(globB);
  return { sideA: (node) => isA(node) && !isB(node), sideB: (node) => isB(node) && !isA(node) };
}

/** Whether `moving` may join `into` without breaking an `apart` rule. */
export function apartRules(apart: [string, string][]): (moving: string[], into: string[]) => boolean {
  const rules = apart.map(apartSides);
  return (moving, into) =>
    !rules.some(({ sideA, sideB }) => (moving.some(sideA) && into.some(sideB)) || (moving.some(sideB) && into.some(sideA)));
}

/**
 * Makes a partition honour the user's constraints, in this order: split services above the maximum
 * size (Louvain inside them at rising resolution), keep "apart" pairs apart (the smaller side moves
 * to the service it is most coupled to elsewhere, or a service of its own), then bring "together"
 * groups into the service that already holds most of their modules.
 */
export function applyConstraints(graph: WeightedGraph, communityOf: Map<ModuleId, number>, constraints: Constraints, seed: number): Map<ModuleId, number> {
  let result = new Map(communityOf);
  if (constraints.maxServiceSize !== undefined) result = splitLarge(graph, result, constraints.maxServiceSize, seed);
  const neighbours = adjacency(graph);
  for (const rule of constraints.apart) result = keepApart(result, neighbours, apartSides(rule));
  for (const globs of constraints.together) result = keepTogether(result, picomatch(globs));
  return renumber(result);
}

/** Each community's modules. */
export function membersOf(communityOf: Map<ModuleId, number>): Map<number, ModuleId[]> {
  const byCommunity = new Map<number, ModuleId[]>();
  for (const [node, community] of communityOf) {
    const list = byCommunity.get(community);
    if (list === undefined) byCommunity.set(community, [node]);
    else list.push(node);
  }
  return byCommunity;
}

function splitLarge(graph: WeightedGraph, communityOf: Map<ModuleId, number>, maxSize: number, seed: number): Map<ModuleId, number> {
  const result = new Map(communityOf);
  let next = Math.max(-1, ...communityOf.values()) + 1;
  const queue = [...membersOf(communityOf).values()].filter((nodes) => nodes.length > maxSize);
  while (queue.length > 0) {
    const nodes = itemAt(queue.splice(-1), 0).sort();
    const sub = inducedGraph(graph, nodes);
    let parts: ModuleId[][] = [nodes];
    for (let resolution = 2; parts.length < 2 && resolution <= 256; resolution *= 2) {
      parts = [...membersOf(runLouvain(sub, { seed, resolution, runs: 1 })).values()];
    }
    // No structure left to cut along: split in sorted order, so the result is still deterministic.
    if (parts.length < 2) parts = [nodes.slice(0, Math.ceil(nodes.length / 2)), nodes.slice(Math.ceil(nodes.length / 2))];
    for (const part of parts) {
      const id = next++;
      for (const node of part) result.set(node, id);
      if (part.length > maxSize) queue.push(part);
    }
  }
  return result;
}

function keepApart(
  communityOf: Map<ModuleId, number>,
  neighbours: Map<string, Map<ModuleId, number>>,
  { sideA: isSideA, sideB: isSideB }: ApartSides,
): Map<ModuleId, number> {
  const result = new Map(communityOf);
  let next = Math.max(-1, ...communityOf.values()) + 1;
  for (const [community, nodes] of [...membersOf(communityOf)].sort((x, y) => x[0] - y[0])) {
    const sideA = nodes.filter(isSideA);
    const sideB = nodes.filter(isSideB);
    if (sideA.length === 0 || sideB.length === 0) continue;
    const moving = sideB.length <= sideA.length ? sideB : sideA;
    const staying = new Set(moving === sideB ? sideA : sideB);
    // Where the moving side is most coupled, outside its current service and away from the other side.
    const pull = new Map<number, number>();
    for (const node of moving) {
      for (const [other, weight] of neighbours.get(node) ?? []) {
        const target = result.get(other);
        if (target === undefined || target === community || staying.has(other)) continue;
        pull.set(target, (pull.get(target) ?? 0) + weight);
      }
    }
    const [best] = [...pull].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const target = best?.[0] ?? next++;
    for (const node of moving) result.set(node, target);
  }
  return result;
}

function keepTogether(communityOf: Map<ModuleId, number>, matches: (node: ModuleId) => boolean): Map<ModuleId, number> {
  const group = [...communityOf.keys()].filter(matches).sort();
  if (group.length < 2) return communityOf;
  const votes = new Map<number, number>();
  for (const node of group) {
    const community = mustGet(communityOf, node);
    votes.set(community, (votes.get(community) ?? 0) + 1);
  }
  const [winner] = itemAt([...votes].sort((x, y) => y[1] - x[1] || x[0] - y[0]), 0);
  const result = new Map(communityOf);
  for (const node of group) result.set(node, winner);
  return result;
}
