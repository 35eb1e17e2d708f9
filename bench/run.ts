/**
 * Benchmarks decouple against dependency-cruiser and madge; see bench/README.md.
 * Usage: npx tsx bench/run.ts [--quick] [--only <case>[,<case>]] [--runs N] [--timeout-min M]
 */
import { execFileSync } from "node:child_process";
import { cpus } from "node:os";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, posix, relative } from "node:path";
import { parseArgs } from "node:util";
import type { Edge } from "./lib/diff-edges.js";
import { diffEdges } from "./lib/diff-edges.js";
import type { BenchCase, Tool } from "./lib/define-tools.js";
import { TOOLS, commandFor, readEdgesFor } from "./lib/define-tools.js";
import { listSourceFiles } from "./lib/list-source-files.js";
import { measureCommand } from "./lib/measure-command.js";
import { CASE_NAMES, prepareCase } from "./lib/prepare-cases.js";
import type { CaseResult, ToolResult } from "./lib/render-results.js";
import { renderResults } from "./lib/render-results.js";

const BENCH = import.meta.dirname;
const { values } = parseArgs({
  options: {
    only: { type: "string", multiple: true },
    runs: { type: "string" },
    quick: { type: "boolean", default: false },
    "timeout-min": { type: "string", default: "30" },
  },
});
const selected = values.quick ? ["rxjs", "monolith-1k"] : (values.only?.flatMap((o) => o.split(",")) ?? CASE_NAMES);
for (const name of selected) if (!CASE_NAMES.includes(name)) throw new Error(`unknown case ${name}; cases: ${CASE_NAMES.join(", ")}`);
const timeoutMs = Number(values["timeout-min"]) * 60_000;
const log = (line: string): void => void process.stderr.write(`${line}\n`);

// Each case's result is kept in bench/.work/results/, so runs of a few cases (--only) add up to one table.
const resultsDir = join(BENCH, ".work", "results");
mkdirSync(resultsDir, { recursive: true });
for (const name of selected) {
  let started = performance.now();
  const c = prepareCase(name);
  log(`[${name}] prepared in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const srcRel = relative(c.root, c.srcDir);
  const corpusFiles = new Set(listSourceFiles(c.srcDir, true).map((f) => posix.join(srcRel, f)));
  const files = listSourceFiles(c.srcDir).length;
  const floorSeconds = measureFloor(c);
  log(`[${name}] ${files} files, oxc parse floor ${floorSeconds?.toFixed(2) ?? "failed"} s`);
  // The 50,000-module case takes minutes per tool: one run unless --runs says otherwise.
  const runs = values.runs ? Number(values.runs) : files >= 50_000 ? 1 : 3;
  const edgeSets = new Map<string, ReadonlySet<Edge>>();
  const tools = {} as Record<Tool, ToolResult>;
  for (const tool of TOOLS) {
    started = performance.now();
    const [result, edges] = await runTool(tool, c, runs, corpusFiles);
    tools[tool] = result;
    if (edges) edgeSets.set(tool, edges);
    log(`[${name}] ${tool}: ${result.status} ${result.seconds?.toFixed(2) ?? ""} s, ${result.peakMb?.toFixed(0) ?? "?"} MB, ${result.edges ?? "?"} edges (${((performance.now() - started) / 1000).toFixed(1)} s total)`);
  }
  const result: CaseResult = { name, files, ...(floorSeconds === undefined ? {} : { floorSeconds }), tools, disagreements: diffEdges(edgeSets) };
  writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
}
const results = CASE_NAMES.filter((name) => existsSync(join(resultsDir, `${name}.json`))).map(
  (name) => JSON.parse(readFileSync(join(resultsDir, `${name}.json`), "utf8")) as CaseResult,
);

const cpu = cpus()[0]?.model ?? "unknown CPU";
const header = [
  "# Benchmark: decouple vs dependency-cruiser vs madge",
  "",
  `Node ${process.version}, ${cpus().length} × ${cpu}. Median wall seconds over the runs (1 run for 50,000 modules),`,
  "peak RSS from `/usr/bin/time -f %M`, edges = distinct module pairs within the corpus. See bench/README.md.",
  "Cases may come from separate runs (`--only`); delete bench/.work/results/ to start afresh.",
].join("\n");
const markdown = renderResults(results, header);
process.stdout.write(markdown);
mkdirSync(join(BENCH, "results"), { recursive: true });
writeFileSync(join(BENCH, "results", "latest.md"), markdown);

async function runTool(tool: Tool, c: BenchCase, runs: number, corpusFiles: ReadonlySet<string>): Promise<[ToolResult, Set<Edge> | undefined]> {
  const outDir = join(BENCH, ".work", "out");
  mkdirSync(outDir, { recursive: true });
  const outFile = join(outDir, `${c.name}.${tool}.json`);
  const seconds: number[] = [];
  let peakMb: number | undefined;
  try {
    for (let run = 0; run < runs; run += 1) {
      const m = await measureCommand(commandFor(tool, c, outFile, timeoutMs));
      if (m.peakMb !== undefined) peakMb = Math.max(peakMb ?? 0, m.peakMb);
      // madge prints its errors to stdout, which went to the output file.
      const printed = m.stderrTail || (existsSync(outFile) ? readFileSync(outFile, "utf8").slice(0, 400) : "");
      const note = m.status === "timeout" ? `over ${timeoutMs / 60_000} min` : printed;
      if (m.status !== "ok") return [{ status: m.status, runs: run + 1, note, ...(peakMb === undefined ? {} : { peakMb }) }, undefined];
      seconds.push(m.seconds);
    }
    const edges = await readEdgesFor(tool, c, outFile, corpusFiles);
    const result: ToolResult = { status: "ok", seconds: median(seconds), edges: edges.size, runs };
    if (peakMb !== undefined) result.peakMb = peakMb;
    return [result, edges];
  } catch (error) {
    const note = error instanceof Error ? error.message : String(error);
    return [{ status: "failed", runs: seconds.length, note }, undefined];
  } finally {
    rmSync(outFile, { force: true });
    rmSync(`${outFile}.boundaries.json`, { force: true });
  }
}

function measureFloor(c: BenchCase): number | undefined {
  try {
    const tsx = join(BENCH, "..", "node_modules", ".bin", "tsx");
    const out = execFileSync(tsx, [join(BENCH, "measure-parse-floor.ts"), c.srcDir], { encoding: "utf8" });
    const parsed = JSON.parse(out) as { seconds: number };
    return parsed.seconds;
  } catch {
    return undefined;
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}
