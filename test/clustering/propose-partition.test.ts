import { describe, expect, it } from "vitest";
import { proposePartition, type PartitionOptions } from "../../src/clustering/propose-partition.js";
import { seededRandom } from "../../src/clustering/seeded-random.js";
import { pairKey, type WeightedGraph } from "../../src/clustering/weighted-graph.js";
import { normalizedMutualInformation } from "../../src/scoring/compare-partitions.js";

/** k planted groups of `size` nodes: dense inside (p_in), sparse between (p_out), seeded. */
function plantedGraph(k: number, size: number, pIn: number, pOut: number, seed = 1): { graph: WeightedGraph; truth: Map<string, string> } {
  const random = seededRandom(seed);
  const nodes: string[] = [];
  const truth = new Map<string, string>();
  for (let group = 0; group < k; group++) {
    for (let i = 0; i < size; i++) {
      const node = `g${group}/m${String(i).padStart(3, "0")}`;
      nodes.push(node);
      truth.set(node, `g${group}`);
    }
  }
  const weights = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i] as string;
      const b = nodes[j] as string;
      const same = truth.get(a) === truth.get(b);
      if (random() < (same ? pIn : pOut)) weights.set(pairKey(a, b), 1 + Math.floor(random() * 3));
    }
  }
  return { graph: { nodes: nodes.sort(), weights }, truth };
}

function options(overrides: Partial<PartitionOptions> = {}): PartitionOptions {
  return {
    seed: 42,
    resolution: 1,
    runs: 4,
    minServiceSize: 2,
    sharedGlobs: [],
    fanInRatio: 0.2,
    spread: 3,
    barrels: new Set(),
    importers: new Map(),
    ...overrides,
  };
}

function labels(services: string[][]): Map<string, string> {
  const result = new Map<string, string>();
  services.forEach((modules, index) => modules.forEach((module) => result.set(module, `s${index}`)));
  return result;
}

describe("proposePartition", () => {
  it("recovers planted clusters", () => {
    const { graph, truth } = plantedGraph(6, 15, 0.5, 0.02);
    const partition = proposePartition(graph, options());
    expect(partition.services).toHaveLength(6);
    expect(normalizedMutualInformation(labels(partition.services), truth)).toBe(1);
  });

  it("gives the same partition for the same seed, run after run", () => {
    const { graph } = plantedGraph(5, 12, 0.3, 0.05, 7);
    const first = proposePartition(graph, options());
    const second = proposePartition({ nodes: [...graph.nodes].reverse(), weights: new Map([...graph.weights].reverse()) }, options());
    expect(second.services).toEqual(first.services);
  });

  it("sets hubs imported from everywhere apart as shared", () => {
    const { graph } = plantedGraph(4, 10, 0.5, 0.02);
    const hub = "utils/logger";
    graph.nodes.push(hub);
    graph.nodes.sort();
    const importers = new Map<string, Set<string>>([[hub, new Set()]]);
    for (const node of graph.nodes) {
      if (node === hub) continue;
      graph.weights.set(pairKey(node, hub), 3);
      importers.get(hub)?.add(node);
    }
    const partition = proposePartition(graph, options({ importers }));
    expect(partition.shared.get(hub)).toBe("hub");
    expect(partition.services).toHaveLength(4);
  });

  it("sets a module spread evenly over many services apart after clustering", () => {
    const { graph } = plantedGraph(4, 10, 0.6, 0.01);
    const root = "app";
    graph.nodes.push(root);
    graph.nodes.sort();
    for (let group = 0; group < 4; group++) graph.weights.set(pairKey(root, `g${group}/m000`), 2);
    const partition = proposePartition(graph, options());
    expect(partition.shared.get(root)).toBe("spread");
  });

  it("keeps configured globs and barrels in shared", () => {
    const { graph } = plantedGraph(3, 8, 0.6, 0.02);
    const partition = proposePartition(graph, options({ sharedGlobs: ["g0/**"], barrels: new Set(["g1/m000"]) }));
    expect([...partition.shared].filter(([, reason]) => reason === "configured")).toHaveLength(8);
    expect(partition.shared.get("g1/m000")).toBe("barrel");
  });

  it("splits disconnected groups and sets isolated modules apart", () => {
    const graph: WeightedGraph = {
      nodes: ["a1", "a2", "b1", "b2", "lonely"],
      weights: new Map([
        [pairKey("a1", "a2"), 1],
        [pairKey("b1", "b2"), 1],
      ]),
    };
    const partition = proposePartition(graph, options());
    expect(partition.services).toEqual([
      ["a1", "a2"],
      ["b1", "b2"],
    ]);
    expect(partition.shared.get("lonely")).toBe("isolated");
  });

  it("merges tiny clusters into their most coupled neighbour", () => {
    const graph: WeightedGraph = {
      nodes: ["a1", "a2", "a3", "b1", "b2", "b3", "tiny"],
      weights: new Map([
        [pairKey("a1", "a2"), 5],
        [pairKey("a2", "a3"), 5],
        [pairKey("a1", "a3"), 5],
        [pairKey("b1", "b2"), 5],
        [pairKey("b2", "b3"), 5],
        [pairKey("b1", "b3"), 5],
        [pairKey("a1", "b1"), 0.1],
        [pairKey("tiny", "b3"), 0.5],
        [pairKey("tiny", "a3"), 0.2],
      ]),
    };
    const partition = proposePartition(graph, options({ minServiceSize: 4 }));
    for (const service of partition.services) expect(service.length).toBeGreaterThanOrEqual(4);
    expect(partition.services.find((service) => service.includes("tiny"))).toContain("b3");
  });

  it("gives exactly the number of services asked for, more or fewer than modularity would", () => {
    const { graph } = plantedGraph(6, 10, 0.5, 0.03);
    expect(proposePartition(graph, options({ services: 3 })).services).toHaveLength(3);
    expect(proposePartition(graph, options({ services: 9 })).services).toHaveLength(9);
  });

  it("keeps pinned modules together in one service whatever the structure says", () => {
    const { graph } = plantedGraph(3, 8, 0.6, 0.02);
    const pinnedGroups = new Map([
      ["g0/m000", "billing"],
      ["g2/m005", "billing"],
    ]);
    const partition = proposePartition(graph, options({ pinnedGroups }));
    const holder = partition.services.find((service) => service.includes("g0/m000"));
    expect(holder).toContain("g2/m005");
  });
});
