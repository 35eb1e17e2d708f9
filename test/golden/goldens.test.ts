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
  /** Runs a command with --format json, keeps its output as a file, and returns it normalised. */
  const runJson = async (expectedCode: number, file: string, ...argv: string[]): Promise<string> => {
    const result = await runCli(...argv, "--format", "json");
    expect(result.code, result.stderr).toBe(expectedCode);
    fs.writeFileSync(path.join(work(), file), result.stdout);
    return normalise(result.stdout, root(), work());
  };
  /** `decouple report` of a saved result: the same renderers, fed from the file. */
  const report = (file: string, format: string, ...options: string[]): Promise<string> => run(0, "report", path.join(work(), file), "--format", format, "--no-color", ...options);
  const shown = (file: string): string => path.relative(process.cwd(), file).split(path.sep).join("/");

  it("analyze --format json and text", { timeout: 240_000 }, async () => {
    fs.mkdirSync(work(), { recursive: true });
    const json = await runJson(0, "analysis.json", "analyze", root(), "--out", path.join(work(), "json", "decouple.boundaries.json"), ...cache());
    await expectJson(json, golden("analyze.json"));
    const text = await run(0, "analyze", root(), "--out", path.join(work(), "text", "decouple.boundaries.json"), ...cache(), "--no-color");
    await expect(text).toMatchFileSnapshot(golden("analyze.txt"));
    // Rendered again from the saved result: the same summary, less what only the run knows (the files it wrote).
    expect(await report("analysis.json", "text")).toBe(text.split("\n").filter((line) => !line.startsWith("wrote ")).join("\n"));
    await expectJson(fs.readFileSync(path.join(work(), "json", "decouple.boundaries.json"), "utf8"), golden("decouple.boundaries.json"));
    // The same proposal whichever format printed it.
    expect(fs.readFileSync(path.join(work(), "text", "decouple.boundaries.json"), "utf8")).toBe(fs.readFileSync(path.join(work(), "json", "decouple.boundaries.json"), "utf8"));
  });

  it("score --format json and text, against the planted or expected domains", { timeout: 240_000 }, async () => {
    const args = ["score", root(), ...cache(), "--boundaries", path.join(work(), "json", "decouple.boundaries.json"), "--reference", path.join(root(), "expected-domains.json")];
    const json = await runJson(0, "score.json", ...args);
    await expectJson(json, golden("score.json"));
    const text = await run(0, ...args, "--no-color");
    await expect(text).toMatchFileSnapshot(golden("score.txt"));
    const names = ["--boundaries-file", shown(path.join(work(), "json", "decouple.boundaries.json")), "--reference-file", shown(path.join(root(), "expected-domains.json"))];
    expect(await report("score.json", "text", ...names)).toBe(text);
    expect(await report("score.json", "json")).toBe(json);
  });

  it("check in every format, without a baseline (every violation new) and with the one analyze wrote", { timeout: 240_000 }, async () => {
    const boundaries = path.join(work(), "json", "decouple.boundaries.json");
    const none = path.join(work(), "no-baseline.json");
    const args = ["check", root(), "--boundaries", boundaries, "--baseline", none, ...cache(), "--no-color"];
    await expectJson(await runJson(1, "check.json", ...args), golden("check.json"));
    const shownAs = ["--path-prefix", shown(root()), "--baseline-file", shown(none)];
    const text = await run(1, ...args);
    await expect(text).toMatchFileSnapshot(golden("check.txt"));
    expect(await report("check.json", "text", ...shownAs)).toBe(text);
    for (const format of checkFormats) {
      const output = await run(1, ...args, "--format", format);
      expect(await report("check.json", format, ...shownAs), `report --format ${format}`).toBe(output);
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
  // Longest first: a relative path to a temporary folder ends with its absolute path, and an absolute
  // path inside the repository ends with its relative one.
  const forms: [string, string][] = [
    [work, "<work>"],
    [relative(work), "<work>"],
    [root, "<root>"],
    [relative(root), "<root>"],
  ];
  return forms.sort(([a], [b]) => b.length - a.length).reduce((result, [form, name]) => result.replaceAll(form, name), text);
}
