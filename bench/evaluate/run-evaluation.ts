import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { configSchema, type Config } from "../../src/model/config.js";
import { appSourcesFromEnv, TRUTH_DIR } from "./apps/app-sources.js";
import { evaluateApps } from "./apps/evaluate-apps.js";
import { renderAppEvaluation } from "./apps/render-app-evaluation.js";
import { preparePlantedCase } from "./prepare-planted-case.js";
import { EFFECT_SCOPE, prepareScopeCase, TLDRAW_SCOPE } from "./prepare-scope-case.js";
import { meanNmi, nmiGain, renderEvaluation, type EvaluatedCase, type Target } from "./render-evaluation.js";
import { scoreCase } from "./score-case.js";

const benchDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const workDir = join(benchDir, ".work", "evaluate");
const corporaDir = join(benchDir, ".corpora", "scopes");
const resultFile = join(benchDir, "results", "evaluation.md");

const MIXINGS = [0.1, 0.2, 0.3, 0.4, 0.5];
const NAMINGS = ["domain", "neutral"] as const;

const { values } = parseArgs({
  options: {
    modules: { type: "string", default: "800" },
    seeds: { type: "string", default: "1,2,3" },
    quick: { type: "boolean", default: false },
    "no-real": { type: "boolean", default: false },
    "no-apps": { type: "boolean", default: false },
  },
});
const modules = Number(values.modules);
const seeds = (values.quick ? "1" : values.seeds).split(",").map(Number);
const mixings = values.quick ? [0.3, 0.4] : MIXINGS;

// Defaults, except change coupling: the generated trees live inside this repository's git
// history, which says nothing about them.
const config: Config = configSchema.parse({ signals: { changes: { enabled: false } } });

const started = performance.now();
const rows: EvaluatedCase[] = [];
for (const names of NAMINGS) {
  for (const mixing of mixings) {
    const row: EvaluatedCase = { name: `planted, ${names} names, mixing ${mixing.toFixed(1)}`, kind: "planted", mixing, names, runs: [] };
    for (const seed of seeds) {
      const prepared = preparePlantedCase(workDir, { modules, mixing, names, seed });
      const score = await scoreCase(prepared.root, config, prepared.expected);
      row.runs.push(score);
      console.error(`${row.name}, seed ${seed}: decouple ${score.decouple.nmi.toFixed(3)}, louvain ${score.louvain.nmi.toFixed(3)} (analyze ${Math.round(score.analyzeMs)} ms)`);
    }
    rows.push(row);
  }
}
for (const scope of values["no-real"] ? [] : [EFFECT_SCOPE, TLDRAW_SCOPE]) {
  const prepared = prepareScopeCase(corporaDir, workDir, scope);
  const score = await scoreCase(prepared.root, config, prepared.expected);
  const name = `real: ${scope.label}`;
  rows.push({ name, kind: "real", runs: [score] });
  console.error(`${name}: decouple ${score.decouple.nmi.toFixed(3)}, louvain ${score.louvain.nmi.toFixed(3)} (analyze ${Math.round(score.analyzeMs)} ms)`);
}

const find = (names: string, mixing: number): EvaluatedCase | undefined =>
  rows.find((row) => row.kind === "planted" && row.names === names && row.mixing === mixing);
const at = (names: string, mixing: number, measure: (row: EvaluatedCase) => number): number | undefined => {
  const row = find(names, mixing);
  return row === undefined ? undefined : measure(row);
};
const targets: Target[] = [
  { text: "domain names, mixing 0.3: decouple NMI", value: at("domain", 0.3, (row) => meanNmi(row, "decouple")), threshold: 0.85 },
  { text: "domain names, mixing 0.4: decouple NMI minus Louvain NMI", value: at("domain", 0.4, nmiGain), threshold: 0.15 },
  { text: "neutral names, mixing 0.3: decouple NMI minus Louvain NMI", value: at("neutral", 0.3, nmiGain), threshold: 0.1 },
];

const markdown = renderEvaluation(rows, targets, seeds);
mkdirSync(dirname(resultFile), { recursive: true });
writeFileSync(resultFile, markdown);
console.log(markdown);

// The real applications (bench/evaluate/apps/): their own table, beside the libraries.
if (!values["no-apps"] && !values["no-real"]) {
  const { apps, libraries } = await evaluateApps({
    sources: appSourcesFromEnv(process.env),
    truthDir: TRUTH_DIR,
    libraries: { corporaDir, workDir },
    log: (line) => console.error(line),
  });
  const appMarkdown = renderAppEvaluation(apps, libraries);
  writeFileSync(join(benchDir, "results", "evaluation-apps.md"), appMarkdown);
  console.log(appMarkdown);
}
console.error(`evaluation took ${((performance.now() - started) / 1000).toFixed(1)} s; written to ${resultFile}`);
