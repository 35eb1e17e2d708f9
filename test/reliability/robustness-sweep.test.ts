import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { unpackCorpus } from "../support/packed-corpus.js";

// Real TypeScript as published (../shared/CORPORA.md): rxjs resolves with its own tsconfig; ox's
// tsconfig extends a file of its monorepo that the package does not ship, so its graph is degraded.
const CORPORA = [
  { name: "rxjs", version: "7.8.2" },
  { name: "ox", version: "1.8.3" },
] as const;

/** The whole slice, tarballs fetched or not, stays within this. */
const BUDGET_MS = 60_000;
const BIN = path.resolve("bin/decouple.js");
const started = Date.now();
const roots: string[] = [];
afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

function decouple(...argv: string[]): { code: number | null; stdout: string; stderr: string } {
  const left = BUDGET_MS - (Date.now() - started);
  if (left <= 0) throw new Error(`the robustness sweep went past its ${BUDGET_MS / 1000} s budget before: decouple ${argv.join(" ")}`);
  const result = spawnSync(process.execPath, [BIN, ...argv], { encoding: "utf8", timeout: left, env: { ...process.env, NO_COLOR: "1" } });
  if (result.error !== undefined) throw new Error(`decouple ${argv.join(" ")} did not finish within the sweep's budget: ${result.error.message}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** An answer a user can act on: a documented exit code and no crash. */
function expectHandled(result: { code: number | null; stdout: string; stderr: string }): void {
  expect([0, 1, 2], result.stderr).toContain(result.code);
  expect(result.stderr).not.toMatch(/internal error/i);
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  // A number that is not one (a NaN weight once spread into cohesion and evidence) is a silent bug.
  expect(result.stdout + result.stderr).not.toMatch(/\bNaN\b|\bInfinity\b/);
}

const MEASURE = /\d+(\.\d+)?% of \d+ relative and alias imports unresolved \(limit \d+(\.\d+)?%\)/;

describe("robustness sweep over published packages (npm pack, cached in .cache/)", () => {
  for (const { name, version } of CORPORA) {
    it(`${name}@${version}: analyze and check answer with 0, 1 or 2, print the degraded-graph measure, and never pass a degraded graph`, () => {
      const root = unpackCorpus(name, version);
      roots.push(root);
      const analyzed = decouple("analyze", root);
      expectHandled(analyzed);
      expect(analyzed.code).not.toBe(1);
      const degraded = analyzed.code === 2;
      if (degraded) {
        // The refusal names the degraded graph, and --force is the documented way past it.
        expect(analyzed.stderr).toMatch(/module graph is degraded.*\[DCP011\]/);
        expect(fs.existsSync(path.join(root, "decouple.boundaries.json"))).toBe(false);
        const forced = decouple("analyze", root, "--force");
        expectHandled(forced);
        expect(forced.code).toBe(0);
        expect(forced.stdout).toMatch(MEASURE);
      } else {
        expect(analyzed.stdout).toMatch(MEASURE);
      }
      const checked = decouple("check", root);
      expectHandled(checked);
      expect(checked.stdout + checked.stderr).toMatch(MEASURE);
      // Right after analyze the gate passes on a trusted graph and fails closed on a degraded one.
      expect(checked.code, checked.stderr).toBe(degraded ? 2 : 0);
    }, BUDGET_MS);
  }

  it("the slice stayed within its budget", () => {
    expect(Date.now() - started).toBeLessThan(BUDGET_MS);
  });
});
