import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { preparePlantedCase } from "../../bench/evaluate/prepare-planted-case.js";
import { runPlainLouvain } from "../../bench/evaluate/run-plain-louvain.js";
import { scoreAgainst, scoreCase } from "../../bench/evaluate/score-case.js";
import { configSchema } from "../../src/model/config.js";
import type { ModuleEdge, ModuleGraph } from "../../src/model/module-graph.js";
import { parseModuleId } from "../../src/model/module-id.js";

function graphOf(imports: [string, string][]): ModuleGraph {
  const ids = [...new Set(imports.flat())].sort();
  const edges: ModuleEdge[] = imports.map(([from, to]) => ({
    from: parseModuleId(from),
    to: parseModuleId(to),
    kind: "value",
    line: 1,
    specifier: `./${to}`,
    symbols: [],
  }));
  return { modules: ids.map((id) => ({ id: parseModuleId(id), lines: 1, exports: [] })), edges, externals: [], unresolved: [], syntaxErrors: [] };
}

const clique = (names: string[]): [string, string][] => names.flatMap((a, i) => names.slice(i + 1).map((b): [string, string] => [a, b]));

describe("plain Louvain baseline", () => {
  const graph = graphOf([...clique(["a1.ts", "a2.ts", "a3.ts", "a4.ts"]), ...clique(["b1.ts", "b2.ts", "b3.ts", "b4.ts"]), ["a1.ts", "b1.ts"]]);

  it("finds two cliques joined by one import", () => {
    const labels = runPlainLouvain(graph);
    expect(new Set(["a1.ts", "a2.ts", "a3.ts", "a4.ts"].map((m) => labels.get(m))).size).toBe(1);
    expect(new Set(["b1.ts", "b2.ts", "b3.ts", "b4.ts"].map((m) => labels.get(m))).size).toBe(1);
    expect(labels.get("a1.ts")).not.toBe(labels.get("b1.ts"));
  });

  it("gives the same communities every run (fixed seed, sorted insertion)", () => {
    expect([...runPlainLouvain(graph)]).toEqual([...runPlainLouvain(graph)]);
  });
});

describe("scoring against a reference", () => {
  const reference = new Map([["a1", "a"], ["a2", "a"], ["b1", "b"], ["b2", "b"]]);

  it("scores a perfect split 1 with full coverage", () => {
    const score = scoreAgainst(reference, new Map([["a1", "x"], ["a2", "x"], ["b1", "y"], ["b2", "y"]]), 2);
    expect(score).toMatchObject({ nmi: 1, ari: 1, coverage: 1, nmiAssigned: 1 });
  });

  it("punishes modules put in shared, and leaves them out of the in-services NMI", () => {
    const score = scoreAgainst(reference, new Map([["a1", "x"], ["a2", "shared"], ["b1", "y"]]), 2);
    expect(score.coverage).toBe(0.5);
    expect(score.nmi).toBeLessThan(1);
    expect(score.nmiAssigned).toBe(1);
  });
});

describe("decouple against plain Louvain on a planted monolith", () => {
  // One case of the harness (bench/evaluate) in the test suite: 800 modules in 20 domains with
  // neutral names at mixing 0.3, seed 5 (the harness table averages seeds 1-3). At 400 modules in 10
  // domains plain Louvain is nearly as good: the resolution limit bites as domains grow in number.
  it("recovers planted domains from structure alone better than plain Louvain", async () => {
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "decouple-planted-"));
    try {
      const { root, expected } = preparePlantedCase(workDir, { modules: 800, mixing: 0.3, names: "neutral", seed: 5 });
      const score = await scoreCase(root, configSchema.parse({ signals: { changes: { enabled: false } } }), expected);
      expect(score.decouple.nmi).toBeGreaterThan(0.93);
      expect(score.decouple.nmi - score.louvain.nmi).toBeGreaterThan(0.1);
    } finally {
      fs.rmSync(workDir, { recursive: true, force: true });
    }
  });
});
