import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { cruise, type IReporterOutput } from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { afterAll, describe, expect, it } from "vitest";
import { analyze } from "../../src/analyzer/analyze.js";
import { emitDependencyCruiser } from "../../src/checker/emit-dependency-cruiser.js";
import { runRules } from "../../src/checker/run-rules.js";
import { loadConfig } from "../../src/config/load-config.js";

const SHOP = path.resolve("examples/legacy-shop");
const root = fs.mkdtempSync(path.join(os.tmpdir(), "decouple-cruiser-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("--emit dependency-cruiser", () => {
  it("makes dependency-cruiser find the same crossings as decouple check, at module-pair level", async () => {
    fs.cpSync(SHOP, root, { recursive: true, filter: (source) => !source.includes(`${path.sep}node_modules`) });
    const { config } = await loadConfig(root);
    const result = await analyze({ root, config });
    // With every API emptied, each import between services is a crossing for both tools.
    const boundaries = { ...result.boundaries, services: result.boundaries.services.map((service) => ({ ...service, api: [] })) };
    const crossingRules = new Set(["no-cross-service-import", "no-cross-service-type-import"]);

    const decouplePairs = new Set<string>();
    const throughBarrelOnly = new Set<string>();
    const direct = new Set(result.graph.edges.map((edge) => `${edge.from} -> ${edge.to}`));
    for (const finding of runRules(result.graph, boundaries, config).findings) {
      if (!crossingRules.has(finding.rule) || !("to" in finding.key)) continue;
      const pair = `${finding.key.from} -> ${finding.key.to}`;
      if (direct.has(pair)) decouplePairs.add(pair);
      else throughBarrelOnly.add(pair);
    }

    const configFile = path.join(root, ".dependency-cruiser.cjs");
    fs.writeFileSync(configFile, emitDependencyCruiser(boundaries, config));
    const ruleSet = createRequire(import.meta.url)(configFile) as { forbidden: unknown[] };
    expect(ruleSet.forbidden.length).toBe(2 * boundaries.services.length + 1);
    const cruised = await cruise(
      ["src"],
      { baseDir: root, validate: true, ruleSet: { forbidden: ruleSet.forbidden } as never, tsPreCompilationDeps: true, exclude: { path: "node_modules" }, enhancedResolveOptions: { exportsFields: ["exports"] } },
      undefined,
      { tsConfig: extractTSConfig(path.join(root, "tsconfig.json")) },
    );
    const output = (cruised as IReporterOutput).output;
    if (typeof output === "string") throw new Error("expected a cruise result");
    expect(output.summary.totalCruised).toBeGreaterThan(50);
    const cruiserPairs = new Set(
      output.summary.violations.filter((violation) => violation.rule.name.startsWith("no-cross-service")).map((violation) => `${violation.from} -> ${violation.to}`),
    );

    expect(decouplePairs.size).toBeGreaterThan(0);
    expect([...cruiserPairs].sort()).toEqual([...decouplePairs].sort());
    // The one difference by design: dependency-cruiser judges the barrel a name is imported
    // through, decouple the module that declares it. Such pairs have no direct import.
    for (const pair of throughBarrelOnly) expect(direct.has(pair)).toBe(false);
  });
});
