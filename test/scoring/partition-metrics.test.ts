import { describe, expect, it } from "vitest";
import { computeCutWeight, computeCutWeights } from "../../src/scoring/compute-cut-weight.js";
import { computeInstability } from "../../src/scoring/compute-instability.js";
import { computeInterCallPercentage } from "../../src/scoring/compute-inter-call-percentage.js";
import { computeInterfaceNumber } from "../../src/scoring/compute-interface-number.js";
import { computeModularity } from "../../src/scoring/compute-modularity.js";
import { computeNonExtremeDistribution } from "../../src/scoring/compute-non-extreme-distribution.js";
import { computeStructuralModularity } from "../../src/scoring/compute-structural-modularity.js";
import { computeTurboMq } from "../../src/scoring/compute-turbo-mq.js";
import { findCyclicPartitions } from "../../src/scoring/find-cyclic-partitions.js";
import type { Dependency } from "../../src/model/partition.js";
import { itemAt } from "../../src/model/must-get.js";
import { parseModuleId } from "../../src/model/module-id.js";
import { dependenciesOf, modulePairs, partitionOf } from "../support/branded.js";

/**
 * One small decomposition, worked by hand below:
 *   service a: a1 a2 a3    service b: b1 b2    service c: c1    shared (not in the partition): s
 */
const partition = partitionOf(
  new Map([
    ["a1", "a"],
    ["a2", "a"],
    ["a3", "a"],
    ["b1", "b"],
    ["b2", "b"],
    ["c1", "c"],
  ]),
);

function dependency(from: string, to: string, weight: number): Dependency {
  return itemAt(dependenciesOf([{ from, to, weight }]), 0);
}

const dependencies: Dependency[] = [
  dependency("a1", "a2", 2),
  dependency("a2", "a1", 1), // same link as a1→a2 for SM
  dependency("a2", "a3", 1),
  dependency("a3", "a1", 1),
  dependency("b1", "b2", 3),
  dependency("a1", "b1", 1), // a → b
  dependency("b2", "a3", 2), // b → a: a cycle between a and b
  dependency("c1", "b2", 1), // c → b
  dependency("s", "a1", 5), // from a shared module: left out everywhere
];

describe("TurboMQ (Mitchell & Mancoridis, Bunch)", () => {
  it("sums 2μ_i / (2μ_i + Σ_j (ε_ij + ε_ji)) over services, weighted", () => {
    // μ_a = 2 + 1 + 1 + 1 = 5, μ_b = 3, μ_c = 0.
    // ε_ab = 1, ε_ba = 2, ε_cb = 1.
    // CF_a = 10 / (10 + 1 + 2) = 10/13; CF_b = 6 / (6 + 1 + 2 + 1) = 0.6; CF_c = 0 (μ_c = 0).
    // TurboMQ = 10/13 + 0.6 = 1.369230769…
    const result = computeTurboMq(partition, dependencies);
    expect(result.clusterFactor.get("a")).toBeCloseTo(10 / 13, 12);
    expect(result.clusterFactor.get("b")).toBeCloseTo(0.6, 12);
    expect(result.clusterFactor.get("c")).toBe(0);
    expect(result.value).toBeCloseTo(10 / 13 + 0.6, 12);
  });

  it("is k for k services with no dependency between them, and 0 with no internal ones", () => {
    const apart = [dependency("a1", "a2", 1), dependency("b1", "b2", 4), dependency("c1", "c1", 1)];
    // CF_a = CF_b = 1; CF_c = 0 (a self-dependency is no edge).
    expect(computeTurboMq(partition, apart).value).toBe(2);
    expect(computeTurboMq(partition, [dependency("a1", "b1", 1)]).value).toBe(0);
  });
});

describe("structural modularity SM (Jin et al. 2019)", () => {
  it("is mean μ_i/N_i² minus the mean over pairs of σ_ij/(N_i N_j)", () => {
    // Links (module pairs with a dependency either way): in a {a1,a2} {a2,a3} {a1,a3} = 3,
    // in b {b1,b2} = 1, in c none. scoh_a = 3/3² = 1/3, scoh_b = 1/2² = 1/4, scoh_c = 0.
    // Mean cohesion = (1/3 + 1/4 + 0) / 3 = 7/36.
    // Between: a–b {a1,b1} {a3,b2} = 2 → 2/(3·2) = 1/3; a–c none → 0; b–c {b2,c1} = 1 → 1/(2·1) = 1/2.
    // In the paper's terms scop_ab = 2/(2·3·2) = 1/6, scop_bc = 1/4, summed over ordered pairs
    // = 2·(1/6 + 1/4) = 5/6, over K(K−1)/2 = 3 pairs: 5/18.
    // SM = 7/36 − 10/36 = −1/12.
    const result = computeStructuralModularity(partition, dependencies);
    expect(result.cohesion.get("a")).toBeCloseTo(1 / 3, 12);
    expect(result.cohesion.get("b")).toBeCloseTo(1 / 4, 12);
    expect(result.cohesion.get("c")).toBe(0);
    expect(result.coupling).toBeCloseTo(5 / 18, 12);
    expect(result.value).toBeCloseTo(-1 / 12, 12);
  });

  it("has no coupling term with one service", () => {
    // One service of 3 modules with all 3 links: SM = 3/9.
    const one = partitionOf(new Map([["x", "s"], ["y", "s"], ["z", "s"]]));
    expect(computeStructuralModularity(one, [dependency("x", "y", 1), dependency("y", "z", 1), dependency("z", "x", 1)]).value).toBeCloseTo(1 / 3, 12);
  });
});

describe("inter-call percentage ICP (Jin et al. 2019)", () => {
  it("is the share of calls between services", () => {
    // Calls: a1→a2 ×7, a1→b1 ×2, b1→b2 ×1, c1→a3 ×1, s→a1 ×10 (shared: left out).
    // Between services: 2 + 1 = 3 of 7 + 2 + 1 + 1 = 11.
    const calls = [dependency("a1", "a2", 7), dependency("a1", "b1", 2), dependency("b1", "b2", 1), dependency("c1", "a3", 1), dependency("s", "a1", 10)];
    expect(computeInterCallPercentage(partition, calls)).toEqual({ value: 3 / 11, between: 3, total: 11 });
    expect(computeInterCallPercentage(partition, []).value).toBe(0);
  });
});

describe("interface number IFN (Jin et al. 2019)", () => {
  it("averages, over all services, the symbols other services use", () => {
    const uses = [
      { from: "b2", declaredIn: "a3", symbol: "save" },
      { from: "b2", declaredIn: "a3", symbol: "load" },
      { from: "c1", declaredIn: "a3", symbol: "save" }, // same interface, another user
      { from: "c1", declaredIn: "b2", symbol: "find" },
      { from: "a1", declaredIn: "b1", symbol: "get" },
      { from: "a2", declaredIn: "b1", symbol: "get" },
      { from: "b1", declaredIn: "b2", symbol: "internal" }, // inside b: no interface
      { from: "s", declaredIn: "c1", symbol: "notify" }, // from shared: no interface
    ];
    // I_a = {a3.save, a3.load} = 2, I_b = {b2.find, b1.get} = 2, I_c = {} = 0. IFN = 4/3.
    const result = computeInterfaceNumber(partition, uses.map((use) => ({ ...use, from: parseModuleId(use.from), declaredIn: parseModuleId(use.declaredIn) })));
    expect(Object.fromEntries(result.interfaces)).toEqual({ a: 2, b: 2, c: 0 });
    expect(result.value).toBeCloseTo(4 / 3, 12);
  });
});

describe("non-extreme distribution NED (Wu et al. 2005; Mono2Micro, CARGO)", () => {
  it("is the share of modules in services of 5 to 20 modules by default", () => {
    // Sizes 4, 5, 20, 21: non-extreme 5 + 20 = 25 of 50 modules → 0.5 (Mono2Micro reports 1 − 0.5).
    const sizes = { tiny: 4, low: 5, high: 20, huge: 21 };
    const serviceOf = new Map<string, string>();
    for (const [service, size] of Object.entries(sizes)) for (let i = 0; i < size; i++) serviceOf.set(`${service}/${i}`, service);
    expect(computeNonExtremeDistribution(partitionOf(serviceOf))).toEqual({ value: 0.5, modules: 25, total: 50, bounds: { min: 5, max: 20 } });
  });

  it("takes the bounds as parameters", () => {
    // Sizes 3, 2, 1 with bounds [2, 3]: 5 of 6 modules.
    expect(computeNonExtremeDistribution(partition, { min: 2, max: 3 }).value).toBeCloseTo(5 / 6, 12);
  });
});

describe("cyclic dependent partitions", () => {
  it("counts the services in a dependency cycle with another service", () => {
    // a → b and b → a make one cycle {a, b}; c → b is not in a cycle.
    expect(findCyclicPartitions(partition, dependencies)).toEqual({ value: 2, cycles: [["a", "b"]] });
    expect(findCyclicPartitions(partition, [dependency("a1", "b1", 1), dependency("b1", "c1", 1)]).value).toBe(0);
  });

  it("finds every cycle: p → q → r → p and s ⇄ t (t → p joins no cycle) make 5 services", () => {
    const five = partitionOf(new Map(["p", "q", "r", "s", "t", "u"].map((service) => [`${service}1`, service])));
    const edges = [["p", "q"], ["q", "r"], ["r", "p"], ["s", "t"], ["t", "s"], ["t", "p"], ["u", "p"]].map(([x, y]) => dependency(`${x}1`, `${y}1`, 1));
    expect(findCyclicPartitions(five, edges)).toEqual({ value: 5, cycles: [["p", "q", "r"], ["s", "t"]] });
  });
});

describe("instability (Martin)", () => {
  it("is Ce / (Ca + Ce) with modules as Martin's classes", () => {
    // a: Ca = {b2} (b2 → a3), Ce = {a1} (a1 → b1): 1/2. The shared s → a1 does not count.
    // b: Ca = {a1, c1}, Ce = {b2}: 1/3.   c: Ca = {}, Ce = {c1}: 1.
    const result = computeInstability(partition, dependencies);
    expect(result.get("a")).toEqual({ afferent: 1, efferent: 1, instability: 0.5 });
    expect(result.get("b")).toEqual({ afferent: 2, efferent: 1, instability: 1 / 3 });
    expect(result.get("c")).toEqual({ afferent: 0, efferent: 1, instability: 1 });
    expect(computeInstability(partition, []).get("a")).toEqual({ afferent: 0, efferent: 0, instability: null });
  });
});

describe("cut weight", () => {
  it("is the weight between services over the weight inside the partition", () => {
    // Between: a1→b1 1 + b2→a3 2 + c1→b2 1 = 4; all but s→a1: 2+1+1+1+3+1+2+1 = 12.
    expect(computeCutWeight(partition, dependencies)).toEqual({ cut: 4, total: 12, share: 1 / 3 });
  });

  it("is reported per signal, over each signal's own pairs with both ends in the partition", () => {
    const signals = [
      // Names first, to show the order is imports, then by name.
      { name: "names", pairs: modulePairs([["a1", "a3", 0.2], ["a2", "c1", 0.6]]) },
      // Between a and b 1, b and c 0.5; inside a 2; the shared s is left out: 1.5 of 3.5.
      { name: "changes", pairs: modulePairs([["a1", "a2", 2], ["a1", "b1", 1], ["b2", "c1", 0.5], ["s", "a1", 4]]) },
      { name: "data", pairs: [] },
    ];
    const weights = computeCutWeights(partition, dependencies, signals);
    expect([...weights.keys()]).toEqual(["imports", "changes", "data", "names"]);
    expect(weights.get("imports")).toEqual({ cut: 4, total: 12, share: 1 / 3 });
    expect(weights.get("changes")).toEqual({ cut: 1.5, total: 3.5, share: 1.5 / 3.5 });
    // A signal on but without pairs in the partition cuts nothing.
    expect(weights.get("data")).toEqual({ cut: 0, total: 0, share: 0 });
    expect(weights.get("names")?.cut).toBeCloseTo(0.6, 12);
    expect(weights.get("names")?.share).toBeCloseTo(0.75, 12);
  });
});

describe("modularity (Newman)", () => {
  it("is 1/2 for two disconnected triangles, each its own service", () => {
    // m = 6; each service: L_c = 3, d_c = 6: Q = 2 · (3/6 − (6/12)²) = 0.5.
    const two = partitionOf(new Map([["x1", "x"], ["x2", "x"], ["x3", "x"], ["y1", "y"], ["y2", "y"], ["y3", "y"]]));
    const triangles = ["x", "y"].flatMap((s) => [dependency(`${s}1`, `${s}2`, 1), dependency(`${s}2`, `${s}3`, 1), dependency(`${s}3`, `${s}1`, 1)]);
    expect(computeModularity(two, triangles)).toBeCloseTo(0.5, 12);
  });

  it("sums both directions of a pair and matches the formula on the worked example", () => {
    // Undirected pairs: a1–a2 3, a2–a3 1, a1–a3 1, b1–b2 3, a1–b1 1, a3–b2 2, b2–c1 1; m = 12.
    // a: L = 5, d = 2·5 + 1 + 2 = 13; b: L = 3, d = 2·3 + 1 + 2 + 1 = 10; c: L = 0, d = 1.
    // Q = 5/12 − (13/24)² + 3/12 − (10/24)² + 0 − (1/24)² = 2/3 − 270/576.
    expect(computeModularity(partition, dependencies)).toBeCloseTo(2 / 3 - 270 / 576, 12);
  });
});
