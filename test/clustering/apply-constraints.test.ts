import { describe, expect, it } from "vitest";
import { proposePartition, type PartitionOptions } from "../../src/clustering/propose-partition.js";

/** Two cliques of five (a*, b*) joined by one weak edge. */
function cliques(): { nodes: string[]; dependencies: Map<string, Map<string, number>> } {
  const nodes: string[] = [];
  const dependencies = new Map<string, Map<string, number>>();
  for (const prefix of ["a", "b"]) {
    for (let i = 0; i < 5; i++) nodes.push(`${prefix}${i}`);
    for (let i = 0; i < 5; i++) {
      dependencies.set(`${prefix}${i}`, new Map(Array.from({ length: 5 - i - 1 }, (_, k) => [`${prefix}${i + k + 1}`, 3])));
    }
  }
  dependencies.get("a0")?.set("b0", 0.2);
  return { nodes, dependencies };
}

function partition(constraints: PartitionOptions["constraints"]): string[][] {
  const { nodes, dependencies } = cliques();
  return proposePartition(nodes, dependencies, {
    seed: 42,
    resolution: 1,
    runs: 2,
    minServiceSize: 1,
    sharedGlobs: [],
    fanInRatio: 0.9,
    spread: 3,
    barrels: new Set(),
    constraints,
  }).services;
}

describe("constraints", () => {
  it("finds the two cliques without constraints", () => {
    expect(partition(undefined)).toEqual([
      ["a0", "a1", "a2", "a3", "a4"],
      ["b0", "b1", "b2", "b3", "b4"],
    ]);
  });

  it("keeps a `together` group in one service", () => {
    const services = partition({ together: [["a4", "b4"]], apart: [] });
    expect(services.find((service) => service.includes("a4"))).toContain("b4");
  });

  it("keeps an `apart` pair in different services", () => {
    const services = partition({ together: [], apart: [["a{0,1}", "a{3,4}"]] });
    const holder = (node: string) => services.findIndex((service) => service.includes(node));
    expect(holder("a0")).not.toBe(holder("a4"));
    expect(holder("a1")).not.toBe(holder("a3"));
  });

  it("splits services above the maximum size", () => {
    const services = partition({ together: [], apart: [], maxServiceSize: 3 });
    for (const service of services) expect(service.length).toBeLessThanOrEqual(3);
    expect(services.flat().sort()).toHaveLength(10);
  });
});
