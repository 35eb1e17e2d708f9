import { existsSync } from "node:fs";
import { join } from "node:path";
import { configSchema, type Config } from "../../../src/api.js";
import { EFFECT_SCOPE, prepareScopeCase, TLDRAW_SCOPE } from "../prepare-scope-case.js";
import { SHARED_LABEL } from "../score-case.js";
import { APP_CASES, type AppCase } from "./app-cases.js";
import { readAppTruth } from "./app-truth.js";
import { prepareAppCase, type AppSources } from "./prepare-app-case.js";
import { scoreAppCase, type AppScore } from "./score-app-case.js";

/** One row of the application tables: a scored case, or one that could not run and why. */
export type AppRow =
  | { app: AppCase; status: "scored"; score: AppScore; applicationFiles: number; unlabelled: number; missing: number }
  | { app: AppCase; status: "skipped"; reason: string };

/** A library case (packages of one release merged): kept beside the applications for contrast. */
export interface LibraryRow {
  label: string;
  score: AppScore;
}

export interface EvaluateAppsOptions {
  sources: AppSources;
  truthDir: string;
  /** Where the library cases are merged and their tarballs cached; undefined: no library rows. */
  libraries?: { corporaDir: string; workDir: string } | undefined;
  /** Case ids to run; empty: all. */
  only?: ReadonlySet<string>;
  log: (line: string) => void;
}

// Defaults, except change coupling: a checkout has no history of its own (it sits in this
// repository's), and the planted and library rows run the same way.
const CONFIG: Config = configSchema.parse({ signals: { changes: { enabled: false } } });

/** Runs every app case whose source and committed truth are at hand; says why it skips the others. */
export async function evaluateApps(options: EvaluateAppsOptions): Promise<{ apps: AppRow[]; libraries: LibraryRow[] }> {
  const apps: AppRow[] = [];
  for (const app of APP_CASES) {
    if (options.only !== undefined && options.only.size > 0 && !options.only.has(app.id)) continue;
    const truth = readAppTruth(options.truthDir, app);
    if (truth === undefined) {
      const reason = `no committed truth of commit ${app.commit.slice(0, 12)} in ${options.truthDir} (run write-app-truth.ts)`;
      options.log(`skipped ${app.id}: ${reason}`);
      apps.push({ app, status: "skipped", reason });
      continue;
    }
    const prepared = prepareAppCase(app, options.sources);
    if (prepared.status === "absent") {
      options.log(`skipped ${app.id}: ${prepared.reason}`);
      apps.push({ app, status: "skipped", reason: prepared.reason });
      continue;
    }
    const reference = new Map(Object.entries(truth.modules));
    const missing = [...reference.keys()].filter((module) => !existsSync(join(prepared.root, module))).length;
    if (missing > 0) options.log(`${app.id}: ${missing} labelled modules are not in ${prepared.root}; they count as unplaced`);
    const score = await scoreAppCase(prepared.root, CONFIG, reference);
    options.log(
      `${app.id}: decouple ${score.decouple.nmi.toFixed(3)}, Louvain ${score.louvain.nmi.toFixed(3)}, folders ${score.folders.nmi.toFixed(3)} ` +
        `(${score.modules} modules, analyze ${(score.analyzeMs / 1000).toFixed(1)} s)`,
    );
    apps.push({ app, status: "scored", score, applicationFiles: truth.applicationFiles, unlabelled: truth.unlabelled, missing });
  }
  const libraries: LibraryRow[] = [];
  if (options.libraries !== undefined) {
    for (const scope of [EFFECT_SCOPE, TLDRAW_SCOPE]) {
      const prepared = prepareScopeCase(options.libraries.corporaDir, options.libraries.workDir, scope);
      const reference = new Map([...prepared.expected].filter(([, domain]) => domain !== SHARED_LABEL));
      const score = await scoreAppCase(prepared.root, CONFIG, reference);
      options.log(`${scope.label}: decouple ${score.decouple.nmi.toFixed(3)}, Louvain ${score.louvain.nmi.toFixed(3)}, folders ${score.folders.nmi.toFixed(3)}`);
      libraries.push({ label: scope.label, score });
    }
  }
  return { apps, libraries };
}
