/**
 * `npm run bench:evaluate:apps [-- case ids…] [--no-libraries]`: decouple, plain Louvain and the
 * folder baseline on the pinned real applications; writes bench/results/evaluation-apps.md and,
 * per case, the proposed services against the truth to bench/.work/evaluate/apps/<case>.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { appSourcesFromEnv, TRUTH_DIR } from "./app-sources.js";
import { evaluateApps } from "./evaluate-apps.js";
import { renderAppEvaluation } from "./render-app-evaluation.js";

const benchDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { values, positionals } = parseArgs({ allowPositionals: true, options: { "no-libraries": { type: "boolean", default: false } } });

const started = performance.now();
const { apps, libraries } = await evaluateApps({
  sources: appSourcesFromEnv(process.env),
  truthDir: TRUTH_DIR,
  libraries: values["no-libraries"] ? undefined : { corporaDir: join(benchDir, ".corpora", "scopes"), workDir: join(benchDir, ".work", "evaluate") },
  only: new Set(positionals),
  log: (line) => console.error(line),
});
const detailsDir = join(benchDir, ".work", "evaluate", "apps");
mkdirSync(detailsDir, { recursive: true });
for (const row of apps) if (row.status === "scored") writeFileSync(join(detailsDir, `${row.app.id}.json`), `${JSON.stringify(row.score, null, 2)}\n`);
const markdown = renderAppEvaluation(apps, libraries);
// A partial run (some cases chosen) prints its table but leaves the committed results alone.
if (positionals.length === 0) writeFileSync(join(benchDir, "results", "evaluation-apps.md"), markdown);
console.log(markdown);
console.error(`app evaluation took ${((performance.now() - started) / 1000).toFixed(1)} s`);
