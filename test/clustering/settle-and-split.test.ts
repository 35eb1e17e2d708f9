import { describe, expect, it } from "vitest";
import { settleBoundaryModules } from "../../src/clustering/settle-boundary-modules.js";
import { looseBisection } from "../../src/clustering/split-loose-communities.js";
import { buildWeightedGraph } from "../../src/clustering/weighted-graph.js";
import { moduleIds, modulePairs } from "../support/branded.js";
import { parseModuleId } from "../../src/model/module-id.js";

/** Each module's community, written with plain strings. */
function communities(entries: (readonly [string, number])[]) {
  return new Map(entries.map(([node, community]) => [parseModuleId(node), community]));
}

/** The weighted graph of nodes and pairs written as plain strings. */
function graphOf(nodes: string[], pairs: [string, string, number][]) {
  return buildWeightedGraph(moduleIds(nodes), modulePairs(pairs));
}

/** Every pair of `nodes` linked with weight 1. */
function clique(nodes: string[]): [string, string, number][] {
  return nodes.flatMap((a, i) => nodes.slice(i + 1).map((b): [string, string, number] => [a, b, 1]));
}

const a = ["a1", "a2", "a3", "a4", "a5", "a6"];
const b = ["b1", "b2", "b3", "b4", "b5", "b6"];

describe("settleBoundaryModules", () => {
  it("moves a module to the community it is tied to most", () => {
    const graph = graphOf([...a, ...b, "x"], [...clique(a), ...clique(b), ["x", "a1", 1], ["x", "a2", 1], ["x", "a3", 1], ["x", "b1", 1]]);
    const placed = communities([...a.map((node) => [node, 0] as const), ...b.map((node) => [node, 1] as const), ["x", 1] as const]);
    const settled = new Map<string, number>(settleBoundaryModules(graph, placed));
    expect(settled.get("x")).toBe(settled.get("a1"));
    expect(new Set(b.map((node) => settled.get(node)))).toEqual(new Set([settled.get("b1")]));
  });

  it("never leaves a community with fewer than two modules", () => {
    const graph = graphOf([...a, "y", "z"], [...clique(a), ["y", "a1", 3], ["z", "a2", 3], ["y", "z", 1]]);
    const placed = communities([...a.map((node) => [node, 0] as const), ["y", 1] as const, ["z", 1] as const]);
    const settled = new Map<string, number>(settleBoundaryModules(graph, placed));
    expect(settled.get("y")).toBe(settled.get("z"));
    expect(settled.get("y")).not.toBe(settled.get("a1"));
  });
});

describe("looseBisection", () => {
  it("halves two dense groups joined by one link", () => {
    const graph = graphOf([...a, ...b], [...clique(a), ...clique(b), ["a1", "b1", 1]]);
    const bisection = looseBisection(graph, 42);
    const halves = bisection === undefined ? undefined : new Map<string, number>(bisection);
    expect(halves).toBeDefined();
    expect(new Set(a.map((node) => halves?.get(node))).size).toBe(1);
    expect(new Set(b.map((node) => halves?.get(node))).size).toBe(1);
    expect(halves?.get("a1")).not.toBe(halves?.get("b1"));
  });

  it("leaves one dense group whole, and groups whose halves would be tiny", () => {
    const whole = [...a, ...b];
    expect(looseBisection(graphOf(whole, clique(whole)), 42)).toBeUndefined();
    const small = ["s1", "s2", "s3", "s4"];
    expect(looseBisection(graphOf([...a, ...small], [...clique(a), ...clique(small), ["a1", "s1", 1]]), 42)).toBeUndefined();
  });
});
