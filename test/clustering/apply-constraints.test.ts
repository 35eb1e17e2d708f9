import { describe, expect, it } from "vitest";
import { brandDependencies, moduleIds } from "../support/branded.js";
import type { SharedReason } from "../../src/clustering/detect-shared-modules.js";
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
  return proposePartition(moduleIds(nodes), brandDependencies(dependencies), {
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

  describe("minServiceSize", () => {
    /** The two cliques, a pair p0-p1 that reaches the a clique only through a shared hub, and a lone pair q0-q1. */
    function withSmallGroups(constraints: PartitionOptions["constraints"]) {
      const { nodes, dependencies } = cliques();
      nodes.push("hub", "p0", "p1", "q0", "q1");
      dependencies.set("p0", new Map([["p1", 3], ["hub", 2]]));
      dependencies.set("q0", new Map([["q1", 3]]));
      for (const node of ["a0", "a1", "a2"]) dependencies.get(node)?.set("hub", 1);
      const result = proposePartition(moduleIds(nodes), brandDependencies(dependencies), {
        seed: 42,
        resolution: 1,
        runs: 2,
        minServiceSize: 1,
        sharedGlobs: ["hub"],
        fanInRatio: 0.9,
        spread: 3,
        barrels: new Set(),
        constraints,
      });
      // Read by plain module names, as the tests write them.
      const services: string[][] = result.services;
      return { services, shared: new Map<string, SharedReason>(result.shared) };
    }

    it("leaves small groups alone without it", () => {
      const { services } = withSmallGroups({ together: [], apart: [] });
      expect(services).toContainEqual(["p0", "p1"]);
      expect(services).toContainEqual(["q0", "q1"]);
    });

    it("brings a small group into the service it is coupled to through a shared module, and sets an uncoupled one apart", () => {
      const { services, shared } = withSmallGroups({ together: [], apart: [], minServiceSize: 3 });
      for (const service of services) expect(service.length).toBeGreaterThanOrEqual(3);
      expect(services.find((service) => service.includes("a0"))).toEqual(expect.arrayContaining(["p0", "p1"]));
      expect(shared.get("q0")).toBe("isolated");
      expect(shared.get("q1")).toBe("isolated");
    });

    it("gives way to an apart rule", () => {
      const { services } = withSmallGroups({ together: [], apart: [["p*", "a*"]], minServiceSize: 3 });
      const holder = (node: string) => services.findIndex((service) => service.includes(node));
      expect(holder("p0")).not.toBe(holder("a0"));
    });
  });
});
