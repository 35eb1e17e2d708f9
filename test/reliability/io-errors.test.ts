import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTemporaryProjects } from "../support/create-project.js";
import { runCli } from "../support/run-cli.js";
import { openToAll, useUnprivilegedCli } from "../support/run-unprivileged.js";

const project = useTemporaryProjects();
const runUnprivileged = useUnprivilegedCli();

const violating = {
  "src/orders/place-order.ts": 'import { charge } from "../payments/charge-card.js";\nexport const place = () => charge();',
  "src/payments/charge-card.ts": "export const charge = () => 1;",
  "src/payments/index.ts": 'export { charge } from "./charge-card.js";',
  "decouple.boundaries.json": {
    version: 1,
    services: [
      { name: "orders", modules: ["src/orders/place-order.ts"] },
      { name: "payments", modules: ["src/payments/charge-card.ts", "src/payments/index.ts"], api: [{ module: "src/payments/index.ts", symbol: "charge", usedBy: [] }] },
    ],
    shared: { modules: [] },
  },
};

const boundariesOf = (root: string): string => fs.readFileSync(path.join(root, "decouple.boundaries.json"), "utf8");

describe("file-system errors are user errors with the path (never 'internal error')", () => {
  it("an unreadable source file makes check fail closed (exit 2, DCP013, the path), never pass", () => {
    const root = project(violating);
    openToAll(root);
    fs.chmodSync(path.join(root, "src/orders/place-order.ts"), 0o000);
    const result = runUnprivileged("check", root, "--no-cache");
    expect(result.stderr).toMatch(/place-order\.ts.*EACCES.*\[DCP013\]/);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.code).toBe(2);
  });

  it("an unreadable folder makes check and analyze fail closed (exit 2, DCP013, the folder), where it used to vanish from the graph", () => {
    const root = project(violating);
    openToAll(root);
    const before = boundariesOf(root);
    fs.chmodSync(path.join(root, "src/orders"), 0o000);
    for (const command of ["check", "analyze"]) {
      const result = runUnprivileged(command, root, "--no-cache");
      expect(result.stderr).toMatch(/src\/orders\/ \(EACCES\).*graph\.unreadableFiles.*\[DCP013\]/);
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(result.code).toBe(2);
    }
    expect(boundariesOf(root)).toBe(before);
  });

  it("a folder that can be listed but not entered (r without x) names its files (exit 2)", () => {
    const root = project(violating);
    openToAll(root);
    fs.chmodSync(path.join(root, "src/payments"), 0o444);
    const result = runUnprivileged("check", root, "--no-cache");
    expect(result.stderr).toMatch(/2 paths .*src\/payments\/charge-card\.ts \(EACCES\), src\/payments\/index\.ts \(EACCES\).*\[DCP013\]/);
    expect(result.code).toBe(2);
  });

  it("an unreadable folder the exclude globs leave out is never read, so never reported", () => {
    const root = project({ ...violating, "node_modules/pkg/index.js": "module.exports = 1;" });
    openToAll(root);
    fs.chmodSync(path.join(root, "node_modules"), 0o000);
    const result = runUnprivileged("check", root, "--no-cache");
    expect(result.stderr).not.toMatch(/DCP013/);
    expect(result.code).toBe(1);
  });

  it('graph.unreadableFiles "warn" downgrades unreadable files and folders to warnings naming them; the gate still sees what it can read', () => {
    const root = project({
      ...violating,
      "src/reports/monthly.ts": "export const monthly = 1;",
      "src/audit/log.ts": "export const log = 1;",
      "decouple.config.json": { graph: { unreadableFiles: "warn" } },
    });
    openToAll(root);
    fs.chmodSync(path.join(root, "src/reports"), 0o000);
    fs.chmodSync(path.join(root, "src/audit/log.ts"), 0o000);
    const checked = runUnprivileged("check", root, "--no-cache");
    expect(checked.stderr + checked.stdout).toMatch(/2 warnings reading the code/);
    expect(checked.code).toBe(1);
    const analyzed = runUnprivileged("analyze", root, "--no-cache", "--out", path.join(root, "proposal.json"));
    expect(analyzed.code).toBe(0);
    expect(analyzed.stdout).toMatch(/src\/audit\/log\.ts cannot be read \(EACCES\): left out of the graph/);
    expect(analyzed.stdout).toMatch(/src\/reports\/ cannot be read \(EACCES\): left out of the graph/);
  });

  it("a dangling symlink among the sources is left out like every link (links are not followed); the violation is still found", async () => {
    const root = project(violating);
    fs.symlinkSync(path.join(root, "src/gone.ts"), path.join(root, "src/orders/link.ts"));
    const result = await runCli("check", root, "--no-cache");
    expect(result.code).toBe(1);
  });

  it("--out into an unwritable folder names the folder (exit 2)", () => {
    const root = project(violating);
    openToAll(root);
    fs.mkdirSync(path.join(root, "locked"));
    fs.chmodSync(path.join(root, "locked"), 0o555);
    const result = runUnprivileged("analyze", root, "--no-cache", "--out", path.join(root, "locked/b.json"));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/locked.*EACCES.*\[DCP013\]/);
  });

  it("--out a directory is refused before anything is read or written (exit 2)", async () => {
    const root = project(violating);
    const before = boundariesOf(root);
    const result = await runCli("analyze", root, "--no-cache", "--out", path.join(root, "src"));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/src is a directory.*\[DCP006\]/);
    expect(boundariesOf(root)).toBe(before);
  });

  it("init on a path that is a file says so (exit 2)", async () => {
    const root = project({ "notes.txt": "x" });
    const result = await runCli("init", path.join(root, "notes.txt"));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/notes\.txt is a file.*\[DCP001\]/);
  });

  it("check on a missing directory says DCP001, not a missing boundaries file", async () => {
    const result = await runCli("check", "/nonexistent/decouple-test-root");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/DCP001/);
  });
});

describe("output paths that are not regular files", () => {
  it("--out /dev/null is written, never read as previous boundaries, and no baseline lands in /dev", async () => {
    const root = project(violating);
    const result = await runCli("analyze", root, "--no-cache", "--out", "/dev/null");
    expect(result.stderr).not.toMatch(/not valid JSON/);
    expect(result.code).toBe(0);
    expect(fs.statSync("/dev/null").isCharacterDevice()).toBe(true);
    expect(fs.existsSync("/dev/decouple.baseline.json")).toBe(false);
  });

  it("--out /dev/zero does not run on (the device is never read)", async () => {
    const root = project(violating);
    const result = await runCli("analyze", root, "--no-cache", "--out", "/dev/zero");
    expect(result.code).toBe(0);
  });

  it("--out a named pipe gets the whole file, written directly", () => {
    const root = project(violating);
    const fifo = path.join(root, "pipe");
    execFileSync("mkfifo", [fifo]);
    // A reader on the other end; the CLI runs as a child so this process can read the pipe.
    const output = execFileSync("sh", ["-c", `cat "${fifo}" & node bin/decouple.js analyze "${root}" --no-cache --out "${fifo}" >/dev/null; wait`], { encoding: "utf8" });
    expect(JSON.parse(output).version).toBe(1);
  });

  it("an option value that looks like a flag is refused (--out --no-color)", async () => {
    const root = project(violating);
    const result = await runCli("analyze", root, "--out", "--no-color");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/"--no-color" looks like an option/);
    expect(fs.existsSync(path.join(process.cwd(), "--no-color"))).toBe(false);
  });
});

describe("analyze says what it drops from an existing boundaries file", () => {
  it("names the services and pins the new proposal loses", async () => {
    const root = project({
      ...violating,
      "decouple.boundaries.json": {
        version: 1,
        services: [
          { name: "checkout", modules: ["src/orders/place-order.ts"], pinned: [] },
          { name: "billing", modules: ["src/payments/charge-card.ts", "src/payments/index.ts"], pinned: [] },
          { name: "ghost", modules: ["src/ghost/gone.ts"], pinned: ["src/ghost/gone.ts"] },
        ],
        shared: { modules: [] },
      },
    });
    const result = await runCli("analyze", root, "--no-cache");
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: .*services where the previous file had 3/);
    expect(result.stderr).toMatch(/warning: service names no longer in the file: .*ghost/);
    expect(result.stderr).toMatch(/warning: pins not kept: src\/ghost\/gone\.ts \(was pinned to ghost\)/);
  });
});
