import { createRequire } from "node:module";
import { UndirectedGraph } from "graphology";
import type louvainTypes from "graphology-communities-louvain";
import type { ModuleGraph } from "../../src/model/module-graph.js";
import { seededRandom } from "../../src/clustering/seeded-random.js";

// CommonJS package whose types declare a default export; require() gives the function itself
// (the same reason as in src/clustering/run-louvain.ts).
const louvain = createRequire(import.meta.url)("graphology-communities-louvain") as typeof louvainTypes.default;

/** The baseline's seed: fixed, and the same for every case. */
export const BASELINE_SEED = 42;

/**
 * Plain Louvain as issue 4 defines the baseline: undirected, resolution 1, weight = number of
 * import statements between two modules (both directions summed), one run with a fixed seed,
 * nodes inserted sorted. A module graph edge merges every import of one kind from one module to
 * one file, so each edge counts 1 per kind: an approximation of the statement count.
 * Every module gets a community; nothing is set apart as shared.
 */
export function runPlainLouvain(graph: ModuleGraph): Map<string, string> {
  const nodes = graph.modules.map((module) => module.id as string).sort();
  const weights = new Map<string, number>();
  for (const edge of graph.edges) {
    if (edge.from === edge.to) continue;
    const [a, b] = edge.from < edge.to ? [edge.from, edge.to] : [edge.to, edge.from];
    const key = `${a}\0${b}`;
    weights.set(key, (weights.get(key) ?? 0) + 1);
  }
  const graphology = new UndirectedGraph();
  for (const node of nodes) graphology.addNode(node);
  for (const key of [...weights.keys()].sort()) {
    const [a, b] = key.split("\0") as [string, string];
    graphology.addEdge(a, b, { weight: weights.get(key) });
  }
  const labels = new Map<string, string>();
  if (graphology.size === 0) {
    for (const node of nodes) labels.set(node, node);
    return labels;
  }
  const communities = louvain(graphology, { getEdgeWeight: "weight", resolution: 1, rng: seededRandom(BASELINE_SEED) });
  for (const node of nodes) labels.set(node, `c${String(communities[node])}`);
  return labels;
}
