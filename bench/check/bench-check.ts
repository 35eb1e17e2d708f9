/**
 * `decouple check` on a generated 5,000-module git repository: a full check (run twice: cold, then
 * with the OS file cache warm), a one-file `--changed-since` check, and dependency-cruiser
 * validating the same rules (emitted with `--emit dependency-cruiser`). Each timing is a whole CLI
 * process, start-up included. Run: `npm run build && npx tsx bench/check/bench-check.ts [modules|corpus]`
 * (default 5000 generated modules; `viem` for the largest real corpus).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { analyze } from "../../src/analyzer/analyze.js";
import { baselinePathFor } from "../../src/checker/baseline.js";
import { computeBaseline } from "../../src/checker/compute-baseline.js";
import { toStableJson } from "../../src/io/write-json-file.js";
import { configSchema } from "../../src/model/config.js";
import { generateMonolith } from "../generate-monolith.js";

// A number: a generated monolith of that many modules. A name: a real corpus fetched by
// `npm run bench` into bench/.corpora/ (e.g. viem, the largest), copied and made a git repository.
const target = process.argv[2] ?? "5000";
const generated = /^\d+$/.test(target);
const dir = path.resolve("bench/.work/check", generated ? `monolith-${target}` : target);
const cli = path.resolve("bin/decouple.js");
const depcruise = path.resolve("node_modules/.bin/depcruise");

const TIMEOUT_MS = Number(process.env.BENCH_CHECK_TIMEOUT_MS ?? 600_000);

function timed(label: string, command: string, args: string[], cwd: string): void {
  const started = performance.now();
  let status: string = "0";
  try {
    execFileSync(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024, timeout: TIMEOUT_MS, killSignal: "SIGKILL" });
  } catch (error) {
    const failure = error as { status?: number | null; signal?: string | null };
    status = failure.signal === "SIGKILL" ? `timed out after ${TIMEOUT_MS / 1000} s` : String(failure.status ?? -1);
  }
  console.log(`${label.padEnd(44)} ${String(Math.round(performance.now() - started)).padStart(6)} ms  (exit ${status})`);
}

fs.rmSync(dir, { recursive: true, force: true });
if (generated) {
  generateMonolith({ dir, modules: Number(target), mixing: 0.1, seed: 7 });
} else {
  const source = path.resolve("bench/.corpora", target);
  if (!fs.existsSync(source)) throw new Error(`${source} is missing: run \`npm run bench -- --only ${target}\` once to fetch it`);
  fs.cpSync(source, dir, { recursive: true, filter: (file) => !file.split(path.sep).includes("node_modules") });
}
const git = (...args: string[]): string => execFileSync("git", ["-c", "user.email=bench@decouple", "-c", "user.name=bench", ...args], { cwd: dir, encoding: "utf8" });
git("init", "-q");
const config = configSchema.parse({});
const result = await analyze({ root: dir, config });
const boundariesFile = path.join(dir, "decouple.boundaries.json");
fs.writeFileSync(boundariesFile, toStableJson(result.boundaries));
fs.writeFileSync(baselinePathFor(boundariesFile), toStableJson(computeBaseline(result.graph, result.boundaries, config)));
git("add", "-A");
git("commit", "-qm", "generated monolith");
console.log(`${result.graph.modules.length} modules, ${result.graph.edges.length} edges, ${result.boundaries.services.length} services`);

// One changed file: a controller of one service imports a repository of another (a new crossing).
const serviceOf = new Map<string, string>(result.boundaries.services.flatMap((service) => service.modules.map((module) => [module, service.name] as const)));
const files = [...serviceOf.keys()].sort();
const from = files.find((file) => file.includes("controller")) ?? (files[0] as string);
const to =
  files.find((file) => serviceOf.get(file) !== serviceOf.get(from) && file.includes("repositor")) ??
  files.find((file) => serviceOf.get(file) !== serviceOf.get(from)) ??
  (files.at(-1) as string);
const specifier = path.posix.relative(path.posix.dirname(from), to).replace(/\.ts$/, ".js");
fs.appendFileSync(path.join(dir, from), `\nimport * as benchProbe from "${specifier.startsWith(".") ? specifier : `./${specifier}`}";\nexport const benchProbeUse = benchProbe;\n`);

timed("decouple check (full, cold)", "node", [cli, "check", "."], dir);
timed("decouple check (full, warm OS cache)", "node", [cli, "check", "."], dir);
timed("decouple check --changed-since HEAD (1 file)", "node", [cli, "check", ".", "--changed-since", "HEAD"], dir);
execFileSync("node", [cli, "check", ".", "--emit", "dependency-cruiser", "--output", ".dependency-cruiser.cjs"], { cwd: dir });
const cruised = generated || fs.existsSync(path.join(dir, "src")) ? "src" : ".";
timed("depcruise --validate (same rules, cold)", depcruise, [cruised, "--config", ".dependency-cruiser.cjs", "--output-type", "err"], dir);
timed("depcruise --validate (same rules, again)", depcruise, [cruised, "--config", ".dependency-cruiser.cjs", "--output-type", "err"], dir);
