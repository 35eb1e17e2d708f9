import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateMonolith } from "../../bench/generate-monolith.js";
import { runCli } from "../support/run-cli.js";

/**
 * The outputs of `analyze`, `score` and `check` on legacy-shop and on a generated 5,000-module
 * monolith, committed under test/golden/<case>/ and compared here: a refactoring that changes a
 * number shows up as a diff. Paths are normalised (<root>, <work>); no output has timestamps.
 * Update with `npx vitest run test/golden -u` and say in the commit which numbers changed and why.
 */

const LEGACY_SHOP = path.resolve("examples/legacy-shop");
/** JSON documents above this size are kept as a digest per top-level key instead of in full. */
const FULL_JSON_LIMIT = 400_000;

interface GoldenCase {
  name: string;
  root: () => string;
  /** Check formats compared besides json and text (the large case keeps to those two, for time). */
  checkFormats: string[];
}

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), "decouple-golden-"));
let monolithRoot = "";
afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));

const CASES: GoldenCase[] = [
  { name: "legacy-shop", root: () => LEGACY_SHOP, checkFormats: ["markdown", "github", "sarif"] },
  { name: "monolith-5000", root: () => monolithRoot, checkFormats: [] },
];

beforeAll(() => {
  // Outside any git repository, so the history signal is off for the same reason on every machine.
  monolithRoot = path.join(workspace, "monolith-5000");
  generateMonolith({ dir: monolithRoot, modules: 5000, mixing: 0.1, seed: 7 });
}, 120_000);

describe.each(CASES)("golden outputs of $name", ({ name, root, checkFormats }) => {
  const golden = (file: string): string => path.join(import.meta.dirname, name, file);
  const work = (): string => path.join(workspace, `${name}-work`);
  // Runs after the first hit the content-hash caches (parse and partition): same outputs, less time.
  const cache = (): string[] => ["--cache-dir", path.join(work(), "cache")];

  /** Runs the CLI and returns stdout with machine-specific paths replaced. */
  const run = async (expectedCode: number, ...argv: string[]): Promise<string> => {
    const result = await runCli(...argv);
    expect(result.stderr, result.stderr).not.toMatch(/internal error/);
    expect(result.code).toBe(expectedCode);
    return normalise(result.stdout, root(), work());
  };

  it("analyze --format json and text", async () => {
    const json = await run(0, "analyze", root(), "--out", path.join(work(), "json", "decouple.boundaries.json"), "--format", "json", ...cache());
    await expectJson(json, golden("analyze.json"));
    const text = await run(0, "analyze", root(), "--out", path.join(work(), "text", "decouple.boundaries.json"), ...cache(), "--no-color");
    await expect(text).toMatchFileSnapshot(golden("analyze.txt"));
    await expectJson(fs.readFileSync(path.join(work(), "json", "decouple.boundaries.json"), "utf8"), golden("decouple.boundaries.json"));
    // The same proposal whichever format printed it.
    expect(fs.readFileSync(path.join(work(), "text", "decouple.boundaries.json"), "utf8")).toBe(fs.readFileSync(path.join(work(), "json", "decouple.boundaries.json"), "utf8"));
  });

  it("score --format json and text, against the planted or expected domains", async () => {
    const args = ["score", root(), "--boundaries", path.join(work(), "json", "decouple.boundaries.json"), "--reference", path.join(root(), "expected-domains.json")];
    await expectJson(await run(0, ...args, "--format", "json"), golden("score.json"));
    await expect(await run(0, ...args, "--no-color")).toMatchFileSnapshot(golden("score.txt"));
  });

  it("check in every format, without a baseline (every violation new) and with the one analyze wrote", async () => {
    const boundaries = path.join(work(), "json", "decouple.boundaries.json");
    const none = path.join(work(), "no-baseline.json");
    const args = ["check", root(), "--boundaries", boundaries, "--baseline", none, ...cache(), "--no-color"];
    await expectJson(await run(1, ...args, "--format", "json"), golden("check.json"));
    await expect(await run(1, ...args)).toMatchFileSnapshot(golden("check.txt"));
    for (const format of checkFormats) {
      const output = await run(1, ...args, "--format", format);
      if (format === "sarif") await expectJson(output, golden("check.sarif"));
      else await expect(output).toMatchFileSnapshot(golden(`check.${format === "markdown" ? "md" : `${format}.txt`}`));
    }
    const known = await run(0, "check", root(), "--boundaries", boundaries, ...cache(), "--no-color");
    await expect(known).toMatchFileSnapshot(golden("check-with-baseline.txt"));
  });
});

/** Compares a JSON document in full, or by a digest of each top-level key when it is too large to commit. */
async function expectJson(text: string, file: string): Promise<void> {
  if (text.length <= FULL_JSON_LIMIT) {
    await expect(text).toMatchFileSnapshot(file);
    return;
  }
  await expect(`${JSON.stringify(digest(JSON.parse(text)), null, 2)}\n`).toMatchFileSnapshot(file.replace(/(\.\w+)$/, ".digest$1"));
}

/** Per top-level key: its size, the length of an array, and a hash of its JSON. */
function digest(document: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(document).map(([key, value]) => {
      const json = JSON.stringify(value);
      const summary: Record<string, unknown> = { sha256: createHash("sha256").update(json).digest("hex"), bytes: json.length };
      if (Array.isArray(value)) summary.length = value.length;
      else if (typeof value === "object" && value !== null && json.length <= 2_000) summary.value = value;
      return [key, summary];
    }),
  );
}

function normalise(text: string, root: string, work: string): string {
  const relative = (target: string): string => path.relative(process.cwd(), target).split(path.sep).join("/");
  // The relative forms first: a relative path to the temporary folder ends with its absolute path.
  return text
    .replaceAll(relative(work), "<work>")
    .replaceAll(work, "<work>")
    .replaceAll(root, "<root>")
    .replaceAll(relative(root), "<root>");
}
