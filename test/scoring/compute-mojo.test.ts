import { describe, expect, it } from "vitest";
import { mojoDistance, mojoFm } from "../../src/scoring/compute-mojo.js";

/** Items 1..n labelled by cluster: clusters(["x", "x", "y"]) puts items 1 and 2 in x, 3 in y. */
function clusters(labels: string[]): Map<string, string> {
  return new Map(labels.map((label, index) => [String(index + 1), label]));
}

describe("MoJo distance (Tzerpos & Holt 1999; exact algorithm of Wen & Tzerpos 2003)", () => {
  it("is 0 between identical partitions, whatever the cluster names, and MoJoFM is then 100", () => {
    const a = clusters(["x", "x", "y", "y", "y", "z"]);
    const b = clusters(["p", "p", "q", "q", "q", "r"]);
    expect(mojoDistance(a, b)).toBe(0);
    expect(mojoFm(a, b)).toBe(100);
  });

  it("finds the tagging a greedy choice misses: a maximum matching of clusters to groups", () => {
    // A = {1,4} {2,3}; B = {1,2,3} {4}. A1 has one item in each of B's clusters (a tie), A2 is all B1.
    // Moves: Σ (|A_i| − max_k v_ik) = (2 − 1) + (2 − 2) = 1.
    // Tagging A1 with B1 (greedy, first) leaves one group: 1 join, MoJo 2. The matching tags
    // A1 with B2 and A2 with B1: g = 2 groups, 0 joins, MoJo = 1 (move 1 from A1 to A2).
    const a = clusters(["A1", "A2", "A2", "A1"]);
    const b = clusters(["B1", "B1", "B1", "B2"]);
    expect(mojoDistance(a, b)).toBe(1);
    // max MoJo to B: sizes ascending 1, 3 → g = 2; n − g = 4 − 2 = 2. MoJoFM = (1 − 1/2) · 100 = 50.
    expect(mojoFm(a, b)).toBe(50);
  });

  it("counts joins: all singletons against B = {1,2,3} {4} is 2 joins, the farthest possible (MoJoFM 0)", () => {
    // Each singleton is tagged with its B cluster; groups g = 2, l = 4: 0 moves + 4 − 2 joins.
    const a = clusters(["s1", "s2", "s3", "s4"]);
    const b = clusters(["B1", "B1", "B1", "B2"]);
    expect(mojoDistance(a, b)).toBe(2);
    expect(mojoFm(a, b)).toBe(0);
    // One cluster {1,2,3,4}: 4 − 3 = 1 move, 1 − 1 = 0 joins. MoJoFM 50.
    expect(mojoDistance(clusters(["all", "all", "all", "all"]), b)).toBe(1);
    expect(mojoFm(clusters(["all", "all", "all", "all"]), b)).toBe(50);
  });

  it("is not symmetric", () => {
    // A = {1,2,3,4}, B = {1,2} {3,4}: MoJo(A, B) = 2 moves (a new cluster is made by moving into it);
    // MoJo(B, A) = 1 join.
    const a = clusters(["x", "x", "x", "x"]);
    const b = clusters(["p", "p", "q", "q"]);
    expect(mojoDistance(a, b)).toBe(2);
    expect(mojoDistance(b, a)).toBe(1);
  });

  it("leaves out items only one side has", () => {
    const a = new Map([...clusters(["x", "x", "y"]), ["extra", "z"]]);
    expect(mojoDistance(a, clusters(["p", "p", "q"]))).toBe(0);
  });

  it("agrees with a breadth-first search over Move and Join operations on small random partitions", () => {
    let seed = 2004;
    // Park–Miller's generator (exact in doubles): the same cases on every run.
    const random = (): number => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    for (let round = 0; round < 60; round++) {
      const n = 2 + Math.floor(random() * 5);
      const a = Array.from({ length: n }, () => Math.floor(random() * 4));
      const b = Array.from({ length: n }, () => Math.floor(random() * 4));
      const expected = searchMoJo(a, b);
      expect(mojoDistance(clusters(a.map(String)), clusters(b.map(String))), `${a} → ${b}`).toBe(expected);
    }
  });

  it("has MoJoFM's maximum n − g: no partition is farther from B (exhaustive for n = 6)", () => {
    const b = [0, 0, 0, 1, 1, 2]; // sizes 1, 2, 3 → g = 3, farthest = 6 − 3 = 3
    const farthest = Math.max(...allPartitions(6).map((a) => searchMoJo(a, b)));
    expect(farthest).toBe(3);
    for (const a of allPartitions(6)) expect(mojoFm(clusters(a.map(String)), clusters(b.map(String)))).toBeGreaterThanOrEqual(0);
  });
});

/** Canonical form of a partition: labels renumbered in order of first appearance. */
function canonical(labels: number[]): number[] {
  const names = new Map<number, number>();
  return labels.map((label) => {
    if (!names.has(label)) names.set(label, names.size);
    return names.get(label) ?? 0;
  });
}

/** The fewest Moves (one item to another or a new cluster) and Joins turning a into b, by BFS. */
function searchMoJo(a: number[], b: number[]): number {
  const target = canonical(b).join();
  let frontier = [canonical(a)];
  const seen = new Set([frontier[0]?.join()]);
  for (let distance = 0; frontier.length > 0; distance++) {
    const next: number[][] = [];
    for (const state of frontier) {
      if (state.join() === target) return distance;
      const labels = [...new Set(state)];
      const neighbours: number[][] = [];
      for (let item = 0; item < state.length; item++) {
        for (const label of [...labels, labels.length]) neighbours.push(state.map((value, i) => (i === item ? label : value)));
      }
      for (const x of labels) for (const y of labels) if (x < y) neighbours.push(state.map((value) => (value === y ? x : value)));
      for (const neighbour of neighbours.map(canonical)) {
        const key = neighbour.join();
        if (seen.has(key)) continue;
        seen.add(key);
        next.push(neighbour);
      }
    }
    frontier = next;
  }
  throw new Error("unreachable");
}

/** Every partition of n items, in canonical form (restricted growth strings). */
function allPartitions(n: number): number[][] {
  const result: number[][] = [];
  const grow = (prefix: number[], highest: number): void => {
    if (prefix.length === n) {
      result.push(prefix);
      return;
    }
    for (let label = 0; label <= highest + 1; label++) grow([...prefix, label], Math.max(highest, label));
  };
  grow([], -1);
  return result;
}
