import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { extractModuleGraph, type ExtractedGraph } from "../../src/graph/extract-module-graph.js";
import { configSchema, type UserConfig } from "../../src/model/config.js";
import { runCli } from "../support/run-cli.js";

const FIXTURES = path.join(import.meta.dirname, "../fixtures/resolution");
const copies: string[] = [];
afterEach(() => copies.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A fresh copy of a fixture, so runs never write into the repository (and no tsconfig of this repo is above it). */
function copyFixture(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `decouple-resolution-${name}-`));
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  copies.push(dir);
  return dir;
}

async function extract(name: string, folder = ".", config: UserConfig = {}): Promise<ExtractedGraph & { root: string }> {
  const root = path.join(copyFixture(name), folder);
  return { ...(await extractModuleGraph({ root, config: configSchema.parse(config), workers: 0 })), root };
}

function edgesOf({ graph }: ExtractedGraph): string[] {
  return graph.edges.map((edge) => `${edge.from} -> ${edge.to}`);
}

describe("resolution: each file with the tsconfig that governs it", () => {
  it("Nx: resolves apps and libs through tsconfig.base.json with no root tsconfig.json", async () => {
    const extracted = await extract("nx-base-config");
    expect(edgesOf(extracted)).toEqual([
      "apps/api/seed-data.ts -> libs/shared/src/index.ts",
      "apps/api/src/main.ts -> libs/billing/src/lib/create-invoice.ts",
      "apps/api/src/main.ts -> libs/shared/src/index.ts",
      "libs/billing/src/lib/create-invoice.ts -> libs/shared/src/index.ts",
      "libs/shared/src/index.ts -> libs/shared/src/lib/format-money.ts",
    ]);
    expect(extracted.graph.externals).toEqual([]);
    expect(extracted.resolution.tsconfigs).toEqual([
      { file: "libs/shared/tsconfig.lib.json", modules: 2, notIncluded: 0 },
      { file: "apps/api/tsconfig.app.json", modules: 1, notIncluded: 0 },
      // A script no project includes: the nearest tsconfig stands in, and the summary says so.
      { file: "apps/api/tsconfig.json", modules: 1, notIncluded: 1 },
      { file: "libs/billing/tsconfig.lib.json", modules: 1, notIncluded: 0 },
    ]);
    expect(extracted.resolution.degraded).toEqual([]);
  });

  it("solution-style references: each file gets the paths of the project that includes it", async () => {
    const extracted = await extract("solution-references");
    expect(edgesOf(extracted)).toEqual(["server.ts -> shared/banner.ts", "src/app.ts -> src/orders/place-order.ts"]);
    expect(extracted.resolution.tsconfigs).toEqual([
      { file: "tsconfig.app.json", modules: 2, notIncluded: 0 },
      { file: "tsconfig.node.json", modules: 2, notIncluded: 0 },
    ]);
  });

  it("nested tsconfigs: one alias, a different folder in each package", async () => {
    const extracted = await extract("nested-paths");
    expect(edgesOf(extracted)).toEqual([
      "packages/orders/src/place-order.ts -> packages/orders/src/order-total.ts",
      "packages/payments/lib/charge-card.ts -> packages/payments/lib/card-fee.ts",
    ]);
    expect(extracted.graph.unresolved).toEqual([]);
  });

  it("finds the tsconfig above the analysed folder", async () => {
    const extracted = await extract("tsconfig-above-root", "src");
    expect(edgesOf(extracted)).toEqual(["app/orders.ts -> app/customers.ts"]);
    expect(extracted.graph.externals).toEqual([]);
    expect(extracted.resolution.tsconfigs).toEqual([{ file: "../tsconfig.json", modules: 2, notIncluded: 0 }]);
  });

  it("a workspace package whose main points at unbuilt dist/ resolves to its source; one with no source is unresolved, not external", async () => {
    const extracted = await extract("workspace-main-only");
    expect(edgesOf(extracted)).toEqual(["packages/orders/src/index.ts -> packages/money/src/money.ts"]);
    expect(extracted.graph.externals).toEqual([]);
    expect(extracted.graph.unresolved.map((entry) => `${entry.from}:${entry.line} ${entry.specifier}`)).toEqual(["packages/orders/src/index.ts:2 @shop/history"]);
    expect(extracted.graph.unresolved[0]?.reason).toMatch(/workspace package @shop\/history .*dist\/history\.js/);
  });

  it("an alias to nowhere is unresolved with the reason, never an external package; a real package stays external", async () => {
    const extracted = await extract("alias-to-nowhere");
    expect(edgesOf(extracted)).toEqual(["src/orders.ts -> src/customers.ts"]);
    expect(extracted.graph.externals.map((entry) => entry.name)).toEqual(["zod"]);
    expect(extracted.graph.unresolved.map((entry) => entry.specifier)).toEqual(["@shop/refunds", "#db/connection"]);
    expect(extracted.graph.unresolved[0]?.reason).toMatch(/tsconfig path alias "@shop\/\*" of tsconfig\.json matches no file/);
    expect(extracted.warnings.map((warning) => warning.message)).toContain(
      `src/orders.ts:2 cannot resolve "@shop/refunds": ${extracted.graph.unresolved[0]?.reason}`,
    );
    // 2 of the 3 relative and alias imports resolve to nothing: far above the default limit.
    expect(extracted.resolution).toMatchObject({ localImports: 3, unresolved: 2 });
    expect(extracted.resolution.degraded).toEqual([expect.stringMatching(/^67% of relative and alias imports are unresolved \(2 of 3\)/)]);
  });

  it("jsconfig.json alike, read as JSONC, with the later entry of an extends list winning", async () => {
    const extracted = await extract("jsconfig-jsonc");
    expect(edgesOf(extracted)).toEqual(["src/checkout.js -> src/lib/format-price.js"]);
    expect(extracted.resolution.tsconfigs).toEqual([{ file: "jsconfig.json", modules: 2, notIncluded: 0 }]);
    expect(extracted.resolution.problems).toEqual([]);
  });

  it("Node built-ins are built-ins, beside a local file named like one", async () => {
    const extracted = await extract("builtin");
    expect(edgesOf(extracted)).toEqual(["src/server.ts -> src/events.ts"]);
    expect(extracted.graph.externals.map((entry) => `${entry.name}:${entry.builtin}`)).toEqual(["events:true", "fs:true", "fs/promises:true", "path:true"]);
    expect(extracted.resolution.localImports).toBe(1);
  });
});

describe("resolution: a broken tsconfig fails closed", () => {
  it("circular extends: reported naming the files, relative imports still resolve", async () => {
    const extracted = await extract("circular-extends");
    expect(edgesOf(extracted)).toContain("src/orders/place-order.ts -> src/payments/charge-card.ts");
    expect(extracted.resolution.problems.map((problem) => problem.message)).toEqual([
      'the "extends" of tsconfig.json loops: tsconfig.json -> tsconfig.base.json -> tsconfig.json',
    ]);
    expect(extracted.warnings.filter((warning) => warning.kind === "broken-tsconfig")).toHaveLength(1);
  });

  it("circular extends: check exits 2 where it passed, on a project with a real violation; with the problem accepted it finds the violation", async () => {
    const root = copyFixture("circular-extends");
    const failed = await runCli("check", root, "--no-cache");
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/\[DCP011\]/);
    expect(failed.stderr).toMatch(/tsconfig\.json -> tsconfig\.base\.json -> tsconfig\.json/);
    fs.writeFileSync(path.join(root, "decouple.config.json"), JSON.stringify({ graph: { brokenTsconfigs: "warn" } }));
    const accepted = await runCli("check", root, "--no-cache");
    expect(accepted.code).toBe(1);
    expect(accepted.stdout).toMatch(/no-cross-service-import/);
  });

  it("circular extends: analyze refuses to replace the boundaries file unless --force", async () => {
    const root = copyFixture("circular-extends");
    const file = path.join(root, "decouple.boundaries.json");
    const before = fs.readFileSync(file, "utf8");
    const refused = await runCli("analyze", root, "--no-cache");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/the module graph is degraded, so no proposal was written.*\[DCP011\]/);
    expect(fs.readFileSync(file, "utf8")).toBe(before);
    const forced = await runCli("analyze", root, "--no-cache", "--force");
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/degraded graph: the "extends" of tsconfig\.json loops/);
  });

  it("extends to a missing file: the warning names both files, the tsconfig's own paths are kept, check does not pass", async () => {
    const extracted = await extract("missing-extends");
    expect(edgesOf(extracted)).toEqual(["src/orders/place-order.ts -> src/payments/charge-card.ts", "src/payments/index.ts -> src/payments/charge-card.ts"]);
    expect(extracted.graph.externals).toEqual([]);
    expect(extracted.warnings.find((warning) => warning.kind === "broken-tsconfig")?.message).toMatch(
      /^tsconfig\.json extends "\.\/config\/tsconfig\.strict\.json", which does not exist/,
    );

    const root = copyFixture("missing-extends");
    const failed = await runCli("check", root, "--no-cache");
    expect(failed.code).toBe(2);
    expect(failed.stdout).toMatch(/resolved with tsconfig\.json \(3\)/);
    expect(failed.stderr).toMatch(/tsconfig\.json extends "\.\/config\/tsconfig\.strict\.json", which does not exist.*\[DCP011\]/);
    fs.writeFileSync(path.join(root, "decouple.config.json"), JSON.stringify({ graph: { brokenTsconfigs: "warn" } }));
    expect((await runCli("check", root, "--no-cache")).code).toBe(1);
  });

  it("too many unresolved imports: check exits 2 unless the limit is raised in the config", async () => {
    const root = copyFixture("alias-to-nowhere");
    fs.writeFileSync(path.join(root, "decouple.boundaries.json"), JSON.stringify({ version: 1, services: [], shared: { modules: ["src/orders.ts", "src/customers.ts"] } }));
    const failed = await runCli("check", root, "--no-cache");
    expect(failed.code).toBe(2);
    expect(failed.stdout).toMatch(/67% of 3 relative and alias imports unresolved \(limit 5\.0%\)/);
    expect(failed.stderr).toMatch(/above graph\.maxUnresolvedShare 0\.05/);
    fs.writeFileSync(path.join(root, "decouple.config.json"), JSON.stringify({ graph: { maxUnresolvedShare: 0.7 } }));
    expect((await runCli("check", root, "--no-cache")).code).toBe(0);
  });
});
