import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analyzer/analyze.js";
import { loadConfig } from "../../src/config/load-config.js";
import { normalizedMutualInformation } from "../../src/scoring/compare-partitions.js";
import { readRuntimeCoverage, splitCommand } from "../../src/signals/read-runtime-coverage.js";

const SHOP = path.resolve("examples/legacy-shop");

describe("runtime coverage on legacy-shop's own test suite", () => {
  it("records, per test file, the modules whose functions ran in the application", async () => {
    const { config } = await loadConfig(SHOP);
    const useCases = await readRuntimeCoverage(SHOP, { ...config.signals.coverage, testFiles: ["test/catalog.test.ts", "test/refund.test.ts"] });
    expect(useCases.map((useCase) => [useCase.testFile, useCase.exitCode])).toEqual([
      ["test/catalog.test.ts", 0],
      ["test/refund.test.ts", 0],
    ]);
    const [catalog, refund] = useCases;
    expect(catalog?.modules).toEqual(expect.arrayContaining(["src/controllers/catalog-controller.ts", "src/services/catalog-service.ts", "src/services/product-search.ts"]));
    expect(catalog?.modules).not.toContain("src/services/refund-service.ts");
    expect(refund?.modules).toEqual(expect.arrayContaining(["src/services/refund-service.ts", "src/services/payment-service.ts", "src/services/order-service.ts"]));
  }, 120_000);

  it("becomes a coupling signal of analyze", async () => {
    const { config } = await loadConfig(SHOP);
    const coverage = { ...config.signals.coverage, enabled: true, testFiles: ["test/catalog.test.ts", "test/shipping.test.ts"] };
    const result = await analyze({ root: SHOP, config: { ...config, signals: { ...config.signals, coverage } } });
    const signal = result.signals.find((summary) => summary.name === "coverage");
    expect(signal?.pairs).toBeGreaterThan(10);
    const evidence = result.evidence.flatMap((entry) => Object.keys(entry.signals));
    expect(evidence).toContain("coverage");
  }, 120_000);

  it("with the whole suite, still finds the authors' domains: a dense signal does not drown the imports", async () => {
    const { config } = await loadConfig(SHOP);
    const coverage = { ...config.signals.coverage, enabled: true };
    const result = await analyze({ root: SHOP, config: { ...config, signals: { ...config.signals, coverage } } });
    expect(result.signals.find((summary) => summary.name === "coverage")?.pairs).toBeGreaterThan(100);
    const expected = JSON.parse(fs.readFileSync(path.join(SHOP, "expected-domains.json"), "utf8")) as { modules: Record<string, string> };
    const reference = new Map(Object.entries(expected.modules).filter(([, domain]) => domain !== "shared"));
    const proposed = new Map([...reference.keys()].map((module) => [module, "shared"]));
    for (const service of result.boundaries.services) for (const module of service.modules) if (reference.has(module)) proposed.set(module, service.name);
    // Before the cap on a signal's whole weight, every journey's modules pulled together: NMI 0.43.
    expect(normalizedMutualInformation(reference, proposed)).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it("splits a command line without a shell", () => {
    expect(splitCommand('npx vitest run --root . "test/a b.test.ts"')).toEqual(["npx", "vitest", "run", "--root", ".", "test/a b.test.ts"]);
  });
});
