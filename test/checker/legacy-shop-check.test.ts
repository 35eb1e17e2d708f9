import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../../src/analyzer/analyze.js";
import { baselinePathFor } from "../../src/checker/baseline.js";
import { computeBaseline } from "../../src/checker/compute-baseline.js";
import { run } from "../../src/cli/main.js";
import { toStableJson } from "../../src/io/write-json-file.js";
import type { Boundaries } from "../../src/model/boundaries.js";
import { configSchema } from "../../src/model/config.js";

const SHOP = path.resolve("examples/legacy-shop");
const SYMBOL = "auditTrailForCheckTest";
let root = "";
let boundaries: Boundaries;
let repository = "";
let controller = "";
let controllerSource = "";

/** Runs the CLI in-process and captures what it prints. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { out: (text) => void (out += text), err: (text) => void (err += text), color: false });
  return { code, out, err };
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "decouple-legacy-shop-check-"));
  fs.cpSync(SHOP, root, { recursive: true, filter: (source) => !source.includes(`${path.sep}node_modules`) });
  const config = configSchema.parse({});
  const result = await analyze({ root, config });
  boundaries = result.boundaries;
  const boundariesFile = path.join(root, "decouple.boundaries.json");
  fs.writeFileSync(boundariesFile, toStableJson(boundaries));
  // What `analyze` writes beside the boundaries file.
  fs.writeFileSync(baselinePathFor(boundariesFile), toStableJson(computeBaseline(result.graph, boundaries, config)));

  // A repository of one service, and a controller of another.
  const serviceOf = new Map(boundaries.services.flatMap((service) => service.modules.map((module) => [module, service.name] as const)));
  const repositories = [...serviceOf.keys()].filter((module) => /^src\/repositories\/.*-repository\.ts$/.test(module)).sort();
  const controllers = [...serviceOf.keys()].filter((module) => /^src\/controllers\/.*-controller\.ts$/.test(module)).sort();
  const pair = repositories.flatMap((r) => controllers.filter((c) => serviceOf.get(c) !== serviceOf.get(r)).map((c) => [r, c] as const))[0];
  if (pair === undefined) throw new Error("legacy-shop has no repository and controller in different services");
  [repository, controller] = pair;
  controllerSource = fs.readFileSync(path.join(root, controller), "utf8");
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("decouple check on examples/legacy-shop", () => {
  it("passes right after analyze (crossings are API, tangles are in the baseline)", async () => {
    const { code, out } = await cli("check", root);
    expect(out).toMatch(/no new errors, 0 new warnings; \d+ known violations? ignored/);
    expect(code).toBe(0);
  });

  it("fails on a new function of one service's repository imported by another service's controller, then passes once baselined, then reports the stale entry", async () => {
    fs.appendFileSync(path.join(root, repository), `\nexport function ${SYMBOL}(): string {\n  return "audit";\n}\n`);
    const specifier = `../repositories/${path.basename(repository, ".ts")}.js`;
    fs.writeFileSync(path.join(root, controller), `import { ${SYMBOL} } from "${specifier}";\n${controllerSource}\nexport const auditTrail = ${SYMBOL}();\n`);

    const failing = await cli("check", root);
    expect(failing.code).toBe(1);
    expect(failing.out).toContain(`${controller}:1`);
    expect(failing.out).toContain("no-cross-service-import");
    expect(failing.out).toContain(controller);
    expect(failing.out).toContain(repository);
    expect(failing.out).toContain(`\`${SYMBOL}\``);

    const baselineFile = path.join(root, "decouple.baseline.json");
    const before = (JSON.parse(fs.readFileSync(baselineFile, "utf8")) as { violations: unknown[] }).violations.length;
    const updating = await cli("check", root, "--update-baseline");
    expect(updating.code).toBe(0);
    const baseline = JSON.parse(fs.readFileSync(baselineFile, "utf8")) as { violations: unknown[] };
    // The crossing, and a service cycle when the new import closes one: each is stale once it goes.
    const added = baseline.violations.length - before;
    expect(added).toBeGreaterThanOrEqual(1);
    expect(baseline.violations).toContainEqual({ rule: "no-cross-service-import", from: controller, to: repository, symbol: SYMBOL });
    const passing = await cli("check", root);
    expect(passing.code).toBe(0);
    expect(passing.out).toMatch(/\d+ known violations? ignored/);

    fs.writeFileSync(path.join(root, controller), controllerSource);
    const stale = await cli("check", root);
    expect(stale.code).toBe(0);
    expect(stale.out).toContain(added === 1 ? "1 baseline entry no longer occurs" : `${added} baseline entries no longer occur`);
    expect(stale.out).toContain(`no-cross-service-import: ${controller} -> ${repository} (${SYMBOL})`);
  });

  it("--changed-since checks only the files a commit touches", async () => {
    const git = (...args: string[]): string => execFileSync("git", args, { cwd: root, encoding: "utf8" });
    git("init", "-q");
    git("-c", "user.email=check@test", "-c", "user.name=check", "add", "-A");
    git("-c", "user.email=check@test", "-c", "user.name=check", "commit", "-qm", "shop");
    fs.writeFileSync(path.join(root, controller), `import { ${SYMBOL}Again } from "../repositories/${path.basename(repository, ".ts")}.js";\n${controllerSource}\nexport const again = ${SYMBOL}Again;\n`);
    fs.appendFileSync(path.join(root, repository), `\nexport const ${SYMBOL}Again = 1;\n`);

    const result = await cli("check", root, "--changed-since", "HEAD", "--format", "json");
    expect(result.code).toBe(1);
    const document = JSON.parse(result.out) as { scope: { mode: string; modules: string[] }; violations: { status: string; key: unknown }[]; skipped: { id: string }[] };
    expect(document.scope.mode).toBe("changed");
    expect(document.scope.modules).toEqual([controller, repository].sort());
    expect(document.violations.filter((violation) => violation.status === "new").map((violation) => violation.key)).toEqual([
      { rule: "no-cross-service-import", from: controller, to: repository, symbol: `${SYMBOL}Again` },
    ]);
    expect(document.skipped.map((skip) => skip.id)).toEqual(["no-service-cycle"]);
    fs.writeFileSync(path.join(root, controller), controllerSource);
    expect((await cli("check", root, "--changed-since", "HEAD")).code).toBe(0);
  });

  it("exits 2 with a coded message on a broken baseline", async () => {
    const file = path.join(root, "broken.baseline.json");
    fs.writeFileSync(file, '{ "version": 1, "violations": [{ "rule": "x" }] }');
    const result = await cli("check", root, "--baseline", file);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/\[DCP008\]/);
  });
});
