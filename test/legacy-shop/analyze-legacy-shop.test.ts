import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyze, type AnalysisResult } from "../../src/analyzer/analyze.js";
import { loadConfig } from "../../src/config/load-config.js";
import { normalizedMutualInformation } from "../../src/scoring/compare-partitions.js";
import { DEFAULT_SIZE_BOUNDS } from "../../src/scoring/compute-non-extreme-distribution.js";
import { scoreDecomposition } from "../../src/scoring/score-decomposition.js";
import { neutralizeFileNames } from "../support/neutralize-file-names.js";

const SHOP = path.resolve("examples/legacy-shop");
const expected = JSON.parse(fs.readFileSync(path.join(SHOP, "expected-domains.json"), "utf8")) as {
  domains: string[];
  modules: Record<string, string>;
};
const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** NMI between the proposal and the authors' domains, over modules neither side calls shared. */
function score(result: AnalysisResult, truth: Record<string, string>) {
  const proposed = new Map<string, string>();
  for (const service of result.boundaries.services) for (const module of service.modules) proposed.set(module, service.name);
  const reference = new Map(Object.entries(truth).filter(([, domain]) => domain !== "shared"));
  const compared = new Map([...proposed].filter(([module]) => reference.has(module)));
  return {
    nmi: normalizedMutualInformation(compared, reference),
    /** Share of the authors' domain modules that the proposal put in a service (not in shared). */
    coverage: compared.size / reference.size,
  };
}

describe("analyze on examples/legacy-shop", () => {
  it("expected-domains.json lists every source module exactly once", async () => {
    const result = await analyze({ root: SHOP, config: (await loadConfig(SHOP)).config });
    expect(Object.keys(expected.modules).sort()).toEqual(result.graph.modules.map((module) => module.id));
  });

  it("proposes services that match the authors' domains (NMI >= 0.9)", async () => {
    const result = await analyze({ root: SHOP, config: (await loadConfig(SHOP)).config });
    const { nmi, coverage } = score(result, expected.modules);
    console.log(`legacy-shop: ${result.boundaries.services.length} services, NMI ${nmi.toFixed(3)}, coverage ${coverage.toFixed(2)}`);
    expect(nmi).toBeGreaterThanOrEqual(0.9);
    expect(coverage).toBeGreaterThanOrEqual(0.8);
  });

  it("finds the domains from structure alone when file names carry no domain words (NMI >= 0.8)", async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "decouple-neutral-shop-"));
    temporary.push(copy);
    const renames = neutralizeFileNames(SHOP, copy, Object.keys(expected.modules));
    const truth = Object.fromEntries(Object.entries(expected.modules).map(([module, domain]) => [renames.get(module) ?? module, domain]));
    const result = await analyze({ root: copy, config: (await loadConfig(copy)).config });
    expect(result.graph.unresolved).toEqual([]);
    expect(result.graph.modules.filter((module) => /order|payment|cart|catalog/.test(module.id))).toEqual([]);
    const { nmi, coverage } = score(result, truth);
    console.log(`legacy-shop, neutral names: ${result.boundaries.services.length} services, NMI ${nmi.toFixed(3)}, coverage ${coverage.toFixed(2)}`);
    expect(nmi).toBeGreaterThanOrEqual(0.8);
    expect(coverage).toBeGreaterThanOrEqual(0.8);
  });

  it("matches the committed decouple.boundaries.json (what `npm run demo` writes)", async () => {
    const result = await analyze({ root: SHOP, config: (await loadConfig(SHOP)).config });
    const committed = fs.readFileSync(path.join(SHOP, "decouple.boundaries.json"), "utf8");
    expect(`${JSON.stringify(result.boundaries, null, 2)}\n`).toBe(committed);
  });

  it("reports each service's Ca, Ce and instability as decouple score does (Martin's definitions)", async () => {
    const { config } = await loadConfig(SHOP);
    const result = await analyze({ root: SHOP, config });
    const report = scoreDecomposition({
      graph: result.graph,
      couplings: result.couplings,
      boundaries: result.boundaries,
      sizeBounds: DEFAULT_SIZE_BOUNDS,
    });
    const rounded = (value: number | null): number => Math.round((value ?? 0) * 10_000) / 10_000;
    const fromScore = report.services.map(({ name, afferent, efferent, instability }) => ({ name, afferent, efferent, instability: rounded(instability) }));
    const fromAnalyze = result.scores.services.map(({ name, afferent, efferent, instability }) => ({ name, afferent, efferent, instability: rounded(instability) }));
    expect(fromAnalyze).toEqual(fromScore);
  });

  it("gives the same boundaries on every run", async () => {
    const first = await analyze({ root: SHOP, config: (await loadConfig(SHOP)).config });
    const second = await analyze({ root: SHOP, config: (await loadConfig(SHOP)).config });
    expect(JSON.stringify(second.boundaries)).toBe(JSON.stringify(first.boundaries));
  });
});
