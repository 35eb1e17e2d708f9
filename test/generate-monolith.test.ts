import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import { parseSync } from "oxc-parser";
import { afterAll, describe, expect, it } from "vitest";
import type { GenerateMonolithOptions } from "../bench/generate-monolith.js";
import { generateMonolith } from "../bench/generate-monolith.js";
import { DOMAIN_WORDS } from "../bench/lib/vocabulary.js";

const root = mkdtempSync(join(tmpdir(), "generate-monolith-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
function generate(options: Omit<GenerateMonolithOptions, "dir">): { dir: string; result: ReturnType<typeof generateMonolith> } {
  counter += 1;
  const dir = join(root, `case-${counter}`);
  return { dir, result: generateMonolith({ dir, ...options }) };
}

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .filter((e) => e.name !== ".git")
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, posix.join(prefix, e.name)) : [posix.join(prefix, e.name)]))
    .sort();
}

interface ParsedModule {
  lines: number;
  text: string;
  exports: Set<string>;
  imports: { target: string; names: string[] }[];
}

function parseMonolith(dir: string): Map<string, ParsedModule> {
  const modules = new Map<string, ParsedModule>();
  for (const path of listFiles(dir).filter((p) => p.endsWith(".ts"))) {
    const text = readFileSync(join(dir, path), "utf8");
    const parsed = parseSync(path, text);
    if (parsed.errors.length > 0) throw new Error(`${path}: ${parsed.errors[0]?.message ?? "parse error"}`);
    const exports = new Set(parsed.module.staticExports.flatMap((e) => e.entries.map((x) => x.exportName.name ?? "")));
    const imports = parsed.module.staticImports.map((i) => ({
      target: posix.join(posix.dirname(path), i.moduleRequest.value).replace(/\.js$/, ".ts"),
      names: i.entries.map((x) => x.importName.name ?? ""),
    }));
    modules.set(path, { lines: text.split("\n").length - 1, text, exports, imports });
  }
  return modules;
}

function crossShare(modules: Map<string, ParsedModule>, expected: Record<string, string>): number {
  let all = 0;
  let cross = 0;
  for (const [path, m] of modules) {
    const from = expected[path];
    if (from === undefined || from === "shared") continue;
    for (const imp of m.imports) {
      const to = expected[imp.target];
      if (to === "shared") continue;
      all += 1;
      if (to !== from) cross += 1;
    }
  }
  return cross / all;
}

describe("generateMonolith", () => {
  const base = generate({ modules: 600, mixing: 0.25, seed: 11 });
  const parsed = parseMonolith(base.dir);

  it("is deterministic: same options give byte-identical files and git history", () => {
    const options = { modules: 200, mixing: 0.3, seed: 5, git: { commits: 6 } };
    const a = generate(options);
    const b = generate(options);
    const files = listFiles(a.dir);
    expect(listFiles(b.dir)).toEqual(files);
    for (const f of files) expect(readFileSync(join(b.dir, f), "utf8"), f).toBe(readFileSync(join(a.dir, f), "utf8"));
    const head = (dir: string): string => execFileSync("git", ["rev-parse", "HEAD"], { cwd: dir, encoding: "utf8" });
    expect(head(b.dir)).toBe(head(a.dir));
    const count = execFileSync("git", ["rev-list", "--count", "HEAD"], { cwd: a.dir, encoding: "utf8" });
    expect(Number(count)).toBe(6);
    expect(generate({ ...options, seed: 6, git: undefined }).result).not.toEqual(a.result);
  });

  it("resolves every import to a generated file that exports the imported names", () => {
    let imports = 0;
    for (const [path, m] of parsed) {
      for (const imp of m.imports) {
        const target = parsed.get(imp.target);
        expect(target, `${path} -> ${imp.target}`).toBeDefined();
        for (const name of imp.names) expect(target?.exports.has(name), `${path} imports ${name}`).toBe(true);
        imports += 1;
      }
    }
    expect(imports).toBe(base.result.imports);
  });

  it("writes files of 50-300 lines with about 6 imports each", () => {
    expect(parsed.size).toBe(600);
    expect(base.result.files).toBe(600);
    for (const [path, m] of parsed) {
      expect(m.lines, path).toBeGreaterThanOrEqual(50);
      expect(m.lines, path).toBeLessThanOrEqual(300);
      expect(m.imports.length, path).toBeLessThanOrEqual(12);
    }
    const average = base.result.imports / base.result.files;
    expect(average).toBeGreaterThan(5);
    expect(average).toBeLessThan(7);
    const distinctLines = new Set([...parsed.values()].flatMap((m) => m.text.split("\n")));
    expect(distinctLines.size).toBeGreaterThan(parsed.size * 20);
  });

  it.each([0, 0.1, 0.25, 0.5])("honours mixing %s within 0.05", (mixing) => {
    const { dir, result } = generate({ modules: 800, mixing, seed: 3 });
    expect(Math.abs(crossShare(parseMonolith(dir), result.expected) - mixing)).toBeLessThanOrEqual(0.05);
  });

  it("keeps domain words out of neutral names and code", () => {
    const { dir, result } = generate({ modules: 400, mixing: 0.2, names: "neutral", seed: 9, git: { commits: 4 } });
    const words = new RegExp(DOMAIN_WORDS.join("|"), "i");
    for (const path of Object.keys(result.expected)) expect(path).toMatch(/^src\/(controllers|services|repositories|models|utils)\/[a-z]+-\d{4}\.ts$/);
    for (const [path, m] of parseMonolith(dir)) {
      expect(path).not.toMatch(words);
      expect(m.text.match(words)?.[0], path).toBeUndefined();
    }
    const log = execFileSync("git", ["log", "--format=%s"], { cwd: dir, encoding: "utf8" });
    expect(log).not.toMatch(words);
    expect(Object.keys(base.result.expected).some((p) => words.test(p))).toBe(true);
  });

  it("writes expected-domains.json covering every module", () => {
    const document = JSON.parse(readFileSync(join(base.dir, "expected-domains.json"), "utf8")) as {
      version: number;
      domains: string[];
      modules: Record<string, string>;
    };
    expect(document.version).toBe(1);
    expect(Object.keys(document.modules)).toEqual([...parsed.keys()]);
    expect(document.modules).toEqual(base.result.expected);
    expect(document.domains).toEqual([...document.domains].sort());
    expect(document.domains).toHaveLength(15);
    const labels = new Set(Object.values(document.modules));
    expect([...labels].sort()).toEqual([...document.domains, "shared"].sort());
    for (const [path, domain] of Object.entries(document.modules)) expect(path.startsWith("src/utils/")).toBe(domain === "shared");
  });
});
