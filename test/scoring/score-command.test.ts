import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

const SHOP = path.resolve("examples/legacy-shop");
const REFERENCE = path.join(SHOP, "expected-domains.json");
let root = "";

beforeAll(async () => {
  // A copy, so `analyze` writes its boundaries file (and parse cache) outside the repository.
  root = fs.mkdtempSync(path.join(os.tmpdir(), "decouple-score-"));
  fs.cpSync(SHOP, root, { recursive: true, filter: (source) => !source.includes(`${path.sep}node_modules`) });
  fs.rmSync(path.join(root, "decouple.boundaries.json"), { force: true });
  const analyzed = await runCli("analyze", root, "--no-cache");
  expect(analyzed.code, analyzed.stderr).toBe(0);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("decouple score on examples/legacy-shop", () => {
  it("prints every metric as JSON, and NMI >= 0.9 against the authors' domains", async () => {
    const result = await runCli("score", root, "--reference", REFERENCE, "--format", "json");
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    for (const metric of [
      "modularity",
      "turboMQ",
      "structuralModularity",
      "interCallPercentage",
      "interfaceNumber",
      "nonExtremeDistribution",
      "cyclicDependentPartitions",
    ]) {
      expect(typeof report.overall[metric], metric).toBe("number");
    }
    expect(report.overall.cutWeight.imports.share).toBeGreaterThan(0);
    expect(report.overall.nonExtremeBounds).toEqual({ min: 5, max: 20 });
    expect(report.modules.total).toBe(78);
    expect(report.modules.scored + report.modules.shared + report.modules.unassigned).toBe(78);
    for (const service of report.services) {
      expect(Object.keys(service).sort()).toEqual(["afferent", "clusterFactor", "cohesion", "efferent", "inCycle", "instability", "interfaces", "modules", "name", "nonExtreme"]);
    }
    expect(report.reference.kind).toBe("expected-domains");
    expect(report.reference.nmi).toBeGreaterThanOrEqual(0.9);
    expect(report.reference.ari).toBeGreaterThan(0.7);
    expect(report.reference.mojoFM).toBeGreaterThan(80);
    expect(report.reference.mojo).toBeGreaterThanOrEqual(0);
  });

  it("scores a decomposition against itself as a perfect match, and prints a table", async () => {
    const boundaries = path.join(root, "decouple.boundaries.json");
    const json = await runCli("score", root, "--reference", boundaries, "--format", "json");
    expect(JSON.parse(json.stdout).reference).toMatchObject({ kind: "boundaries", nmi: 1, ari: 1, mojo: 0, mojoFM: 100, onlyInProposal: 0, onlyInReference: 0 });
    const text = await runCli("score", root, "--reference", REFERENCE);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/TurboMQ \(Bunch\)\s+\d+\.\d{3}/);
    expect(text.stdout).toMatch(/NMI against the reference\s+(0\.9\d\d|1\.000)/);
    expect(text.stdout).toMatch(/^service\s+modules\s+CF\s+scoh\s+Ca\s+Ce\s+instability\s+interfaces\s+cycle$/m);
  });

  it("takes the NED bounds as options", async () => {
    const result = await runCli("score", root, "--ned-min", "100", "--ned-max", "200", "--format", "json");
    expect(JSON.parse(result.stdout).overall.nonExtremeDistribution).toBe(0);
  });

  it("exits 2 with one line naming the file when the boundaries or reference file is missing or broken", async () => {
    const broken = path.join(root, "broken.json");
    fs.writeFileSync(broken, "{ not json");
    const wrongShape = path.join(root, "wrong-shape.json");
    fs.writeFileSync(wrongShape, JSON.stringify({ version: 1, domains: ["a"], modules: { "src/app.ts": "b" } }));
    const cases = [
      ["--boundaries", path.join(root, "missing.json")],
      ["--boundaries", broken],
      ["--reference", path.join(root, "missing.json")],
      ["--reference", broken],
      ["--reference", wrongShape],
    ];
    for (const flags of cases) {
      const result = await runCli("score", root, ...flags);
      expect(result.code, flags.join(" ")).toBe(2);
      expect(result.stderr).toMatch(/^decouple: .+ \[DCP005\]\n$/);
      expect(result.stdout).toBe("");
    }
  });
});
