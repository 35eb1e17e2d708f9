/**
 * Writes the truth table of every app case from its checkout, by the rule the case states:
 * `npx tsx bench/evaluate/apps/write-app-truth.ts [case ids…]`. Run it, and commit its output,
 * before decouple is run on a new case: the truth must not be chosen after seeing the proposal.
 */
import { mkdirSync } from "node:fs";
import { APP_CASES } from "./app-cases.js";
import { appSourcesFromEnv, TRUTH_DIR } from "./app-sources.js";
import { computeAppTruth, writeAppTruth } from "./app-truth.js";
import { listSourceFiles, prepareAppCase } from "./prepare-app-case.js";

const wanted = new Set(process.argv.slice(2));
const sources = appSourcesFromEnv(process.env);
mkdirSync(TRUTH_DIR, { recursive: true });
for (const app of APP_CASES) {
  if (wanted.size > 0 && !wanted.has(app.id)) continue;
  const prepared = prepareAppCase(app, sources);
  if (prepared.status === "absent") {
    console.error(`skipped ${app.id}: ${prepared.reason}`);
    continue;
  }
  const truth = computeAppTruth(app, listSourceFiles(prepared.root));
  writeAppTruth(TRUTH_DIR, truth);
  const share = truth.applicationFiles === 0 ? 0 : truth.labelled / truth.applicationFiles;
  console.log(
    `${app.id}: ${truth.applicationFiles} application files of ${truth.sourceFiles}, ${truth.labelled} labelled (${(share * 100).toFixed(0)} %) ` +
      `in ${truth.domains.length} domains, ${truth.unlabelled} unlabelled; from ${prepared.origin}`,
  );
}
