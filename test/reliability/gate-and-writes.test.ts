import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { boundariesSchema } from "../../src/model/boundaries.js";
import { useTemporaryProjects } from "../support/create-project.js";
import { openToAll, useUnprivilegedCli } from "../support/run-unprivileged.js";

const project = useTemporaryProjects();
const runUnprivileged = useUnprivilegedCli();
const BIN = path.resolve("bin/decouple.js");

const boundaries = {
  version: 1,
  services: [
    { name: "orders", modules: ["src/orders/place-order.ts"] },
    { name: "payments", modules: ["src/payments/charge-card.ts", "src/payments/index.ts"], api: [{ module: "src/payments/index.ts", symbol: "charge", usedBy: [] }] },
  ],
  shared: { modules: [] },
};

/** orders reaches into payments' internals: `check` must exit 1 on it, whatever else is broken. */
const violating = {
  "src/orders/place-order.ts": 'import { charge } from "../payments/charge-card.js";\nexport const place = () => charge();',
  "src/payments/charge-card.ts": "export const charge = () => 1;",
  "src/payments/index.ts": 'export { charge } from "./charge-card.js";',
  "decouple.boundaries.json": boundaries,
};

function cli(...argv: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...argv], { encoding: "utf8" });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe("the gate: check cannot be made to pass on a real violation by breaking its inputs", () => {
  it("the intact project fails (exit 1)", () => {
    expect(cli("check", project(violating), "--no-cache").code).toBe(1);
  });

  const breakages: [string, (root: string) => void][] = [
    ["boundaries file deleted", (root) => fs.rmSync(path.join(root, "decouple.boundaries.json"))],
    ["boundaries file emptied", (root) => fs.writeFileSync(path.join(root, "decouple.boundaries.json"), "")],
    ["boundaries file truncated mid-JSON", (root) => fs.writeFileSync(path.join(root, "decouple.boundaries.json"), JSON.stringify(boundaries).slice(0, 60))],
    ["boundaries file replaced by a folder", (root) => { fs.rmSync(path.join(root, "decouple.boundaries.json")); fs.mkdirSync(path.join(root, "decouple.boundaries.json")); }],
    ["two services given one name", (root) => fs.writeFileSync(path.join(root, "decouple.boundaries.json"), JSON.stringify({ ...boundaries, services: boundaries.services.map((service) => ({ ...service, name: "orders" })) }))],
    ["the violating module also listed in the other service", (root) => fs.writeFileSync(path.join(root, "decouple.boundaries.json"), JSON.stringify({ ...boundaries, services: [boundaries.services[0], { ...boundaries.services[1], modules: [...(boundaries.services[1]?.modules ?? []), "src/orders/place-order.ts"] }] }))],
    ["the violating module also listed in shared", (root) => fs.writeFileSync(path.join(root, "decouple.boundaries.json"), JSON.stringify({ ...boundaries, shared: { modules: ["src/orders/place-order.ts"] } }))],
    ["a tsconfig whose extends loops", (root) => { fs.writeFileSync(path.join(root, "tsconfig.json"), '{ "extends": "./tsconfig.base.json" }'); fs.writeFileSync(path.join(root, "tsconfig.base.json"), '{ "extends": "./tsconfig.json" }'); }],
    ["a tsconfig that extends a missing file", (root) => fs.writeFileSync(path.join(root, "tsconfig.json"), '{ "extends": "./missing.json" }')],
    ["a tsconfig that is not JSON", (root) => fs.writeFileSync(path.join(root, "tsconfig.json"), '{ "compilerOptions": ')],
    ["a baseline that is not JSON", (root) => fs.writeFileSync(path.join(root, "decouple.baseline.json"), '{ "version": 1, ')],
  ];
  for (const [name, breakIt] of breakages) {
    it(`${name}: exit 2, never 0`, () => {
      const root = project(violating);
      breakIt(root);
      const result = cli("check", root, "--no-cache");
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/\[DCP\d{3}\]/);
    });
  }

  it("the violating source file made unreadable (run as a non-root user): exit 2, never 0", () => {
    const root = project(violating);
    openToAll(root);
    fs.chmodSync(path.join(root, "src/orders/place-order.ts"), 0o000);
    const result = runUnprivileged("check", root, "--no-cache");
    expect(result.code, result.stderr).toBe(2);
  });

  it("the violating module's folder made unreadable (run as a non-root user): exit 2, never 0", () => {
    const root = project(violating);
    openToAll(root);
    fs.chmodSync(path.join(root, "src/orders"), 0o000);
    const result = runUnprivileged("check", root, "--no-cache");
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/src\/orders\/ \(EACCES\).*\[DCP013\]/);
  });

  it("the tsconfig made unreadable (run as a non-root user): exit 2, never 0", () => {
    const root = project({ ...violating, "tsconfig.json": { compilerOptions: { strict: true } } });
    openToAll(root);
    fs.chmodSync(path.join(root, "tsconfig.json"), 0o000);
    const result = runUnprivileged("check", root, "--no-cache");
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/tsconfig\.json \(EACCES\).*\[DCP011\]/);
  });

  it("the boundaries file made unreadable (run as a non-root user): exit 2, never 0", () => {
    const root = project(violating);
    openToAll(root);
    fs.chmodSync(path.join(root, "decouple.boundaries.json"), 0o000);
    const result = runUnprivileged("check", root, "--no-cache");
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/decouple\.boundaries\.json.*EACCES/);
  });
});

describe("writes: concurrent runs and kill -9 never leave a torn file", () => {
  it("two concurrent analyze runs on one output both exit 0; the file is one run's complete output", async () => {
    const root = project(violating);
    fs.rmSync(path.join(root, "decouple.boundaries.json"));
    const out = path.join(root, "out.json");
    const runs = await Promise.all([0, 1].map(() => new Promise<number | null>((resolve) => spawn(process.execPath, [BIN, "analyze", root, "--no-cache", "--out", out], { stdio: "ignore" }).once("exit", resolve))));
    expect(runs).toEqual([0, 0]);
    const written = fs.readFileSync(out, "utf8");
    expect(boundariesSchema.safeParse(JSON.parse(written)).success).toBe(true);
    const single = path.join(root, "single.json");
    expect(cli("analyze", root, "--no-cache", "--out", single).code).toBe(0);
    expect(written).toBe(fs.readFileSync(single, "utf8"));
  });

  it("kill -9 at any moment leaves the old file or the new one, never a mix", async () => {
    const root = project(violating);
    const file = path.join(root, "decouple.boundaries.json");
    const old = `${JSON.stringify({ ...boundaries, services: boundaries.services.map((service) => ({ ...service, pinned: service.modules })) }, null, 2)}\n`;
    fs.writeFileSync(file, old);
    expect(cli("analyze", root, "--no-cache").code).toBe(0);
    const fresh = fs.readFileSync(file, "utf8");
    expect(fresh).not.toBe(old);
    const seen = new Set<string>();
    // Kill points spread over the run: before the write, during it, after it.
    for (const delay of [20, 200, 400, 600, 800, 1000, 1300, 1700]) {
      fs.writeFileSync(file, old);
      const child = spawn(process.execPath, [BIN, "analyze", root, "--no-cache"], { stdio: "ignore" });
      const exited = new Promise((resolve) => child.once("exit", resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill("SIGKILL");
      await exited;
      const now = fs.readFileSync(file, "utf8");
      expect([old, fresh]).toContain(now);
      seen.add(now === old ? "old" : "new");
    }
    expect(seen.has("old")).toBe(true);
  }, 60_000);
});
