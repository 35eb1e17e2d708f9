import { describe, expect, it } from "vitest";
import { dependencyMap, moduleIds, modulePairs } from "../support/branded.js";
import { toServiceName } from "../../src/model/service-name.js";
import { explainServices } from "../../src/analyzer/explain-services.js";
import { measureStability } from "../../src/analyzer/measure-stability.js";
import { runCli } from "../support/run-cli.js";
import path from "node:path";

describe("explainServices", () => {
  it("says which signals hold a service together and names its strongest pairs", () => {
    const dependencies = dependencyMap([
      ["a1", "a2", 2],
      ["a2", "a3", 1],
    ]);
    const [evidence] = explainServices([{ name: toServiceName("a"), modules: moduleIds(["a1", "a2", "a3"]) }], moduleIds(["a1", "a2", "a3"]), dependencies, [
      { name: "changes", weight: 1, pairs: modulePairs([["a1", "a3", 5]]) },
    ]);
    expect(evidence?.service).toBe("a");
    expect(Object.keys(evidence?.signals ?? {})).toEqual(["changes", "imports"]);
    expect((evidence?.signals.changes ?? 0) + (evidence?.signals.imports ?? 0)).toBeCloseTo(1, 3);
    // Imports: a1-a2 weighs 2, a2-a3 1 (mean 1.5); the one change pair is scaled to that mean.
    expect(evidence?.strongest).toEqual([
      { a: "a1", b: "a2", weight: 2, by: { imports: 2 } },
      { a: "a1", b: "a3", weight: 1.5, by: { changes: 1.5 } },
      { a: "a2", b: "a3", weight: 1, by: { imports: 1 } },
    ]);
  });
});

describe("measureStability", () => {
  it("is 1 when every run agrees and drops for modules that move or land in shared", () => {
    const services = [
      { name: "x", modules: ["a", "b"] },
      { name: "y", modules: ["c", "d"] },
    ];
    const agreeing = measureStability(services, [[["a", "b"], ["c", "d"]]]);
    expect(agreeing.modules).toEqual({ a: 1, b: 1, c: 1, d: 1 });
    const moving = measureStability(services, [[["a", "b", "c"]], [["a", "b"], ["c", "d"]]]);
    // c: run 1 {a,b,c} vs {c,d}: 1/4; run 2: 1 -> 0.625. d: shared in run 1 (0), 1 in run 2 -> 0.5.
    expect(moving.modules.c).toBe(0.625);
    expect(moving.modules.d).toBe(0.5);
    expect(moving.services[toServiceName("y")]).toBe(0.5625);
  });
});

describe("analyze --confidence", () => {
  it("adds a stability column and evidence lines", async () => {
    const result = await runCli("analyze", path.resolve("examples/legacy-shop"), "--confidence", "--out", path.join(await tmp(), "b.json"));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/api\s+stability\n/);
    expect(result.stdout).toMatch(/held by imports \d+%/);
    expect(result.stdout).toMatch(/stability over 6 other seeds and resolutions/);
  });
});

async function tmp(): Promise<string> {
  const { mkdtemp } = await import("node:fs/promises");
  const os = await import("node:os");
  return mkdtemp(path.join(os.tmpdir(), "decouple-confidence-"));
}
