/**
 * The robustness sweep (issue 13): `analyze` and `check` over every benchmark corpus (the npm
 * libraries, the generated monoliths, the real applications), recording per corpus the exit codes,
 * times, unresolved share and warnings, and failing on any unhandled error or degraded graph left
 * unreported. Writes bench/results/robustness.md. decouple must be built first.
 * Usage: npx tsx bench/robustness/run-robustness-sweep.ts [--only <case>[,<case>]] [--timeout-min M]
 */
import { cpus } from "node:os";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { APP_CASES } from "../evaluate/apps/app-cases.js";
import { appSourcesFromEnv } from "../evaluate/apps/app-sources.js";
import { prepareAppCase } from "../evaluate/apps/prepare-app-case.js";
import { CASE_NAMES, prepareCase } from "../lib/prepare-cases.js";
import { renderSweep, type NotRun } from "./render-sweep.js";
import { sweepCase, type SweepResult } from "./sweep-case.js";

const BENCH = join(import.meta.dirname, "..");
const BIN = join(BENCH, "..", "bin", "decouple.js");
const { values } = parseArgs({ options: { only: { type: "string", multiple: true }, "timeout-min": { type: "string", default: "15" } } });
const allNames = [...CASE_NAMES, ...APP_CASES.map((app) => app.id)];
const selected = values.only?.flatMap((only) => only.split(",")) ?? allNames;
for (const name of selected) if (!allNames.includes(name)) throw new Error(`unknown case ${name}; cases: ${allNames.join(", ")}`);
const timeoutMs = Number(values["timeout-min"]) * 60_000;
const workDir = join(BENCH, ".work", "robustness");
const log = (line: string): void => void process.stderr.write(`${line}\n`);

const results: SweepResult[] = [];
const notRun: NotRun[] = [];
for (const name of selected) {
  const app = APP_CASES.find((candidate) => candidate.id === name);
  let root: string;
  let kind: string;
  if (app === undefined) {
    const prepared = prepareCase(name);
    root = prepared.decoupleDir;
    kind = name.startsWith("monolith-") ? "generated monolith" : "npm library";
  } else {
    const prepared = prepareAppCase(app, appSourcesFromEnv(process.env));
    if (prepared.status === "absent") {
      notRun.push({ name, reason: prepared.reason });
      log(`[${name}] not run: ${prepared.reason}`);
      continue;
    }
    root = prepared.root;
    kind = `application (${app.category})`;
  }
  const result = sweepCase(BIN, name, kind, root, workDir, timeoutMs);
  results.push(result);
  const check = result.check === undefined ? "no check" : `check exit ${result.check.code} in ${result.check.seconds.toFixed(1)} s`;
  log(`[${name}] ${result.modules ?? "?"} modules; analyze exit ${result.analyze.code} in ${result.analyze.seconds.toFixed(1)} s; ${check}; ${result.problems.length === 0 ? "ok" : result.problems.join("; ")}`);
}

const header = `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}; \`npx tsx bench/robustness/run-robustness-sweep.ts\` (part of \`npm run bench\`).`;
const markdown = renderSweep(results, notRun, header);
mkdirSync(join(BENCH, "results"), { recursive: true });
writeFileSync(join(BENCH, "results", "robustness.md"), markdown);
process.stdout.write(markdown);
const failed = results.filter((result) => result.problems.length > 0);
if (failed.length > 0) {
  log(`robustness sweep: ${failed.length} of ${results.length} corpora broke a promise: ${failed.map((result) => result.name).join(", ")}`);
  process.exitCode = 1;
}
