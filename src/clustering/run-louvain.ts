import { createRequire } from "node:module";
import type louvainTypes from "graphology-communities-louvain";
import { seededRandom } from "./seeded-random.js";
import { fromGraphologyCommunities, toGraphology, type WeightedGraph } from "./weighted-graph.js";
import type { ModuleId } from "../model/module-id.js";
import { mustGet } from "../model/must-get.js";

// The package is CommonJS (`module.exports = louvain`) but its types declare a default export,
// which NodeNext reads as `.default`; require() gives the function itself.
// eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- a CommonJS module whose typings describe an ES default export
const louvain = createRequire(import.meta.url)("graphology-communities-louvain") as typeof louvainTypes.default;

export interface LouvainOptions {
  seed: number;
  resolution: number;
  /** Independent seeded runs; the most modular partition wins (ties: the earliest run). */
  runs: number;
}

/** Seeded Louvain over several runs. Communities are numbered by their smallest node, so output is stable. */
export function runLouvain(graph: WeightedGraph, options: LouvainOptions): Map<ModuleId, number> {
  const communityOf = new Map<ModuleId, number>();
  if (graph.edges.length === 0) {
    graph.nodes.forEach((node, index) => communityOf.set(node, index));
    return communityOf;
  }
  const graphology = toGraphology(graph);
  let best: { partition: Map<ModuleId, number>; score: number } | undefined;
  for (let run = 0; run < options.runs; run++) {
    const detailed = louvain.detailed(graphology, {
      getEdgeWeight: "weight",
      resolution: options.resolution,
      rng: seededRandom(options.seed + run * 7919),
      randomWalk: true,
    });
    const partition = renumber(fromGraphologyCommunities(graph, detailed.communities));
    const score = detailed.modularity;
    if (best === undefined || score > best.score + 1e-12) best = { partition, score };
  }
  return best?.partition ?? communityOf;
}

/** Numbers communities 0..k-1 in the order of their smallest member. */
export function renumber(partition: ReadonlyMap<ModuleId, number>): Map<ModuleId, number> {
  const nodes = [...partition.keys()].sort();
  const mapping = new Map<number, number>();
  const result = new Map<ModuleId, number>();
  for (const node of nodes) {
    const community = mustGet(partition, node);
    if (!mapping.has(community)) mapping.set(community, mapping.size);
    result.set(node, mustGet(mapping, community));
  }
  return result;
}
