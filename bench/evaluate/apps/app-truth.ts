import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { AppCase } from "./app-cases.js";
import { applyTruthRule, isApplicationFile } from "./truth-rules.js";

/** The committed truth of one case: computed from the checkout by its rule, before decouple runs on it. */
export const appTruthSchema = z.object({
  case: z.string(),
  repo: z.string(),
  commit: z.string(),
  folder: z.string(),
  rule: z.string(),
  /** Source files in the analysed folder (declarations included). */
  sourceFiles: z.number(),
  /** Application files: not tests, migrations, tool configs or declarations. */
  applicationFiles: z.number(),
  /** Application files the rule labels, and those it cannot (not compared). */
  labelled: z.number(),
  unlabelled: z.number(),
  domains: z.array(z.string()),
  /** Module (analysed-folder-relative) -> domain, sorted. */
  modules: z.record(z.string(), z.string()),
});

export type AppTruth = z.infer<typeof appTruthSchema>;

/** Applies the case's rule to the files of its analysed folder. */
export function computeAppTruth(app: AppCase, files: readonly string[]): AppTruth {
  const labels = applyTruthRule(app.rule, files);
  const applicationFiles = files.filter(isApplicationFile).length;
  const modules = Object.fromEntries([...labels].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    case: app.id,
    repo: app.repo,
    commit: app.commit,
    folder: app.folder,
    rule: app.ruleText,
    sourceFiles: files.length,
    applicationFiles,
    labelled: labels.size,
    unlabelled: applicationFiles - labels.size,
    domains: [...new Set(labels.values())].sort(),
    modules,
  };
}

export const truthFile = (truthDir: string, app: AppCase): string => join(truthDir, `${app.id}.json`);

export function writeAppTruth(truthDir: string, truth: AppTruth): void {
  writeFileSync(join(truthDir, `${truth.case}.json`), `${JSON.stringify(truth, null, 2)}\n`);
}

/** The committed truth of `app`, or undefined when none is committed or it is of another commit. */
export function readAppTruth(truthDir: string, app: AppCase): AppTruth | undefined {
  const file = truthFile(truthDir, app);
  if (!existsSync(file)) return undefined;
  const truth = appTruthSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  return truth.commit === app.commit ? truth : undefined;
}
