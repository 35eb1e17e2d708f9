import { describe, expect, it } from "vitest";
import { proposePartition, type PartitionOptions } from "../../src/clustering/propose-partition.js";
import { seededRandom } from "../../src/clustering/seeded-random.js";
import type { Dependencies } from "../../src/clustering/detect-shared-modules.js";
import { normalizedMutualInformation } from "../../src/scoring/compare-partitions.js";
import { partitionOptions } from "../support/partition-options.js";
import { moduleIds, modulePairs, moduleSet } from "../support/branded.js";
import { parseModuleId, type ModuleId } from "../../src/model/module-id.js";
import type { SharedReason } from "../../src/clustering/detect-shared-modules.js";

interface Graph {
  nodes: string[];
  dependencies: Dependencies;
}

function depend(graph: Graph, from: string, to: string, weight: number): void {
  const targets = graph.dependencies.get(parseModuleId(from)) ?? new Map<ModuleId, number>();
  targets.set(parseModuleId(to), weight);
  graph.dependencies.set(parseModuleId(from), targets);
}

function graphOf(nodes: string[], edges: [string, string, number][]): Graph {
  const graph: Graph = { nodes, dependencies: new Map() };
  for (const [from, to, weight] of edges) depend(graph, from, to, weight);
  return graph;
}

/** The proposal, read by plain module names as the tests write them. */
function partition(graph: Graph, overrides: Partial<PartitionOptions> = {}): { services: string[][]; shared: Map<string, SharedReason> } {
  const { services, shared } = proposePartition(moduleIds(graph.nodes), graph.dependencies, options(overrides));
  return { services, shared: new Map(shared) };
}

/** k planted groups of `size` nodes: dense inside (p_in), sparse between (p_out), seeded. */
function plantedGraph(k: number, size: number, pIn: number, pOut: number, seed = 1): { graph: Graph; truth: Map<string, string> } {
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
  const graph: Graph = { nodes, dependencies: new Map() };
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i] as string;
      const b = nodes[j] as string;
      const same = truth.get(a) === truth.get(b);
      if (random() < (same ? pIn : pOut)) depend(graph, a, b, 1 + Math.floor(random() * 3));
    }
  }
  return { graph, truth };
}

const options = partitionOptions;

function labels(services: string[][]): Map<string, string> {
  const result = new Map<string, string>();
  services.forEach((modules, index) => modules.forEach((module) => result.set(module, `s${index}`)));
  return result;
}

describe("proposePartition", () => {
  it("recovers planted clusters", () => {
    const { graph, truth } = plantedGraph(6, 15, 0.5, 0.02);
    const result = partition(graph);
    expect(result.services).toHaveLength(6);
    expect(normalizedMutualInformation(labels(result.services), truth)).toBe(1);
  });

  it("gives the same partition for the same seed, run after run", () => {
    const { graph } = plantedGraph(5, 12, 0.3, 0.05, 7);
    const first = partition(graph);
    const reversed = new Map([...graph.dependencies].reverse().map(([from, targets]) => [from, new Map([...targets].reverse())]));
    const second = partition({ nodes: [...graph.nodes].reverse(), dependencies: reversed });
    expect(second.services).toEqual(first.services);
  });

  it("sets hubs imported from everywhere apart as shared", () => {
    const { graph } = plantedGraph(4, 10, 0.5, 0.02);
    const hub = "utils/logger";
    for (const node of graph.nodes) depend(graph, node, hub, 3);
    graph.nodes.push(hub);
    const result = partition(graph);
    expect(result.shared.get(hub)).toBe("hub");
    expect(result.services).toHaveLength(4);
  });

  it("sets a module used evenly by many services apart after clustering", () => {
    const { graph } = plantedGraph(4, 10, 0.6, 0.01);
    const util = "util";
    graph.nodes.push(util);
    for (let group = 0; group < 4; group++) depend(graph, `g${group}/m000`, util, 2);
    expect(partition(graph).shared.get(util)).toBe("spread");
  });

  it("sets a module apart that eleven services use, each for less than a tenth of its use", () => {
    const { graph } = plantedGraph(11, 5, 0.8, 0);
    graph.nodes.push("utils/ids.ts");
    for (let group = 0; group < 11; group++) depend(graph, `g${group}/m000`, "utils/ids.ts", 1);
    expect(partition(graph).shared.get("utils/ids.ts")).toBe("spread");
  });

  it("keeps a module many services use in the service its own dependencies lean on", () => {
    const { graph } = plantedGraph(4, 10, 0.6, 0.01);
    const model = "g0/widely-read-model";
    graph.nodes.push(model);
    for (let group = 1; group < 4; group++) {
      depend(graph, `g${group}/m000`, model, 2);
      depend(graph, `g${group}/m001`, model, 2);
    }
    depend(graph, model, "g0/m001", 1);
    depend(graph, model, "g0/m002", 1);
    const result = partition(graph);
    expect(result.shared.has(model)).toBe(false);
  });

  it("sets utilities apart that lean only on each other", () => {
    const { graph } = plantedGraph(4, 10, 0.6, 0.01);
    graph.nodes.push("utils/format.ts", "utils/config.ts");
    depend(graph, "utils/format.ts", "utils/config.ts", 1);
    for (let group = 0; group < 4; group++) {
      for (const util of ["utils/format.ts", "utils/config.ts"]) {
        depend(graph, `g${group}/m000`, util, 1);
      }
    }
    const { shared } = partition(graph);
    expect(shared.get("utils/format.ts")).toBe("spread");
    expect(shared.get("utils/config.ts")).toBe("spread");
  });

  it("does not make a service of modules only a weak signal links, but lets it help the others", () => {
    const { graph } = plantedGraph(2, 8, 0.8, 0);
    graph.nodes.push("chains/aurora.ts", "chains/aurora-testnet.ts");
    const names = { name: "names", weight: 1, weak: true, pairs: modulePairs([["chains/aurora.ts", "chains/aurora-testnet.ts", 5]]) };
    const weak = partition(graph, { signals: [names] });
    expect(weak.shared.get("chains/aurora.ts")).toBe("isolated");
    expect(weak.shared.get("chains/aurora-testnet.ts")).toBe("isolated");
    const strong = partition(graph, { signals: [{ ...names, weak: false }] });
    expect(strong.services).toContainEqual(["chains/aurora-testnet.ts", "chains/aurora.ts"]);
  });

  it("splits two planted groups that Louvain merges at a low resolution", () => {
    // Two groups of 12 with a few links between them: at resolution 0.1 Louvain keeps them as one.
    const { graph, truth } = plantedGraph(2, 12, 0.7, 0.03, 5);
    const result = partition(graph, { resolution: 0.1 });
    expect(result.services).toHaveLength(2);
    const labels = new Map(result.services.flatMap((modules, index) => modules.map((module) => [module, `s${index}`] as const)));
    expect(normalizedMutualInformation(truth, labels)).toBe(1);
  });

  it("sets a composition root apart, but not an orchestrator its own service uses", () => {
    const { graph } = plantedGraph(4, 10, 0.6, 0.01);
    graph.nodes.push("app", "orchestrator");
    for (let group = 0; group < 4; group++) {
      // A composition root depends on many modules (4 x spread = 12 here), evenly over services.
      depend(graph, "app", `g${group}/m001`, 2);
      depend(graph, "app", `g${group}/m002`, 2);
      depend(graph, "app", `g${group}/m007`, 2);
      depend(graph, "orchestrator", `g${group}/m003`, 1);
    }
    for (const caller of ["g0/m004", "g0/m005", "g0/m006"]) depend(graph, caller, "orchestrator", 3);
    const result = partition(graph);
    expect(result.shared.get("app")).toBe("entry");
    expect(result.shared.has("orchestrator")).toBe(false);
    expect(result.services.find((service) => service.includes("orchestrator"))).toContain("g0/m004");
  });

  it("keeps a feature's declaration (a NestJS module importing many features) with its feature", () => {
    const { graph } = plantedGraph(4, 10, 0.6, 0.01);
    const declaration = "g0/orders.module.ts";
    graph.nodes.push(declaration);
    // It imports its own controller and service and the modules of three other features, and
    // those features import it back: by use alone, a utility every service needs.
    depend(graph, declaration, "g0/m000", 1);
    for (let group = 1; group < 4; group++) {
      depend(graph, declaration, `g${group}/m000`, 1);
      depend(graph, `g${group}/m008`, declaration, 1);
      depend(graph, `g${group}/m009`, declaration, 1);
    }
    expect(partition(graph).shared.get(declaration)).toBe("spread");
    const kept = partition(graph, { featureDeclarations: moduleSet([declaration]) });
    expect(kept.shared.has(declaration)).toBe(false);
  });

  it("counts what shared modules need as infrastructure", () => {
    const { graph } = plantedGraph(3, 8, 0.6, 0.02);
    graph.nodes.push("logger", "db", "config");
    for (const node of graph.nodes) if (node.startsWith("g")) depend(graph, node, "logger", 1);
    for (const node of graph.nodes) if (node.startsWith("g")) depend(graph, node, "db", 1);
    depend(graph, "logger", "config", 2);
    depend(graph, "db", "config", 2);
    depend(graph, "g0/m000", "config", 1);
    expect(partition(graph).shared.get("config")).toBe("infrastructure");
  });

  it("keeps configured globs and barrels in shared", () => {
    const { graph } = plantedGraph(3, 8, 0.6, 0.02);
    const result = partition(graph, { sharedGlobs: ["g0/**"], barrels: moduleSet(["g1/m000"]) });
    expect([...result.shared].filter(([, reason]) => reason === "configured")).toHaveLength(8);
    expect(result.shared.get("g1/m000")).toBe("barrel");
  });

  it("splits disconnected groups and sets isolated modules apart", () => {
    const graph = graphOf(["a1", "a2", "b1", "b2", "lonely"], [
      ["a1", "a2", 1],
      ["b1", "b2", 1],
    ]);
    const result = partition(graph);
    expect(result.services).toEqual([
      ["a1", "a2"],
      ["b1", "b2"],
    ]);
    expect(result.shared.get("lonely")).toBe("isolated");
  });

  it("merges tiny clusters into their most coupled neighbour", () => {
    const graph = graphOf(["a1", "a2", "a3", "b1", "b2", "b3", "tiny"], [
      ["a1", "a2", 5],
      ["a2", "a3", 5],
      ["a1", "a3", 5],
      ["b1", "b2", 5],
      ["b2", "b3", 5],
      ["b1", "b3", 5],
      ["a1", "b1", 0.1],
      ["tiny", "b3", 0.5],
      ["tiny", "a3", 0.2],
    ]);
    const result = partition(graph, { minServiceSize: 4 });
    for (const service of result.services) expect(service.length).toBeGreaterThanOrEqual(4);
    expect(result.services.find((service) => service.includes("tiny"))).toContain("b3");
  });

  it("gives exactly the number of services asked for, more or fewer than modularity would", () => {
    const { graph } = plantedGraph(6, 10, 0.5, 0.03);
    graph.nodes.push("isolated-1", "isolated-2"); // set aside, never counted as services
    expect(partition(graph, { services: 3 }).services).toHaveLength(3);
    expect(partition(graph, { services: 9 }).services).toHaveLength(9);
  });

  it("keeps pinned modules together in one service whatever the structure says", () => {
    const { graph } = plantedGraph(3, 8, 0.6, 0.02);
    const pinnedGroups = new Map([
      [parseModuleId("g0/m000"), "billing"],
      [parseModuleId("g2/m005"), "billing"],
    ]);
    const result = partition(graph, { pinnedGroups });
    const holder = result.services.find((service) => service.includes("g0/m000"));
    expect(holder).toContain("g2/m005");
  });
});
