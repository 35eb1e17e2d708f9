import type { ModulePair, Signal } from "./signal.js";
import type { ModuleId } from "../model/module-id.js";
import type { Config } from "../model/config.js";
import type { ModuleGraph } from "../model/module-graph.js";
import { entityCoupling, readGraphRoles } from "./entity-coupling.js";
import { detectFolderShape, folderCoupling } from "./folder-shape.js";
import { barrelMembership } from "./barrel-membership.js";
import { changeCoupling } from "./change-coupling.js";
import { dataCoupling, tableUses } from "./data-coupling.js";
import { groupTraceUseCases, type TraceUseCases } from "./group-trace-use-cases.js";
import { createSpanMapper } from "./map-span-to-module.js";
import { nameSimilarity } from "./name-similarity.js";
import { readChangeHistory } from "./read-change-history.js";
import { readRuntimeCoverage } from "./read-runtime-coverage.js";
import { readTraceExport } from "./read-trace-export.js";
import type { SignalSummary } from "../model/analysis-result.js";
import { compareStrings } from "../model/compare-strings.js";

export type { SignalSummary };

/** How much more the folders signal weighs where the folders are cut by feature. */
const FEATURE_FOLDER_FACTOR = 3;

/** Gathers the coupling signals the config turns on, beyond imports. */
export async function collectSignals(root: string, graph: ModuleGraph, config: Config): Promise<{ signals: Signal[]; summary: SignalSummary[] }> {
  const signals: Signal[] = [];
  const summary: SignalSummary[] = [];
  const modules = graph.modules.map((module) => module.id);
  const { names, barrels, entities, folders, changes, data, coverage, traces } = config.signals;
  const notes = new Map<string, string>();
  const warnings = new Map<string, string>();

  if (entities.enabled) signals.push({ name: "entities", weight: entities.weight, pairs: entityCoupling(readGraphRoles(graph), graph) });
  if (folders.enabled) {
    // Folders cut by feature are followed unless the coupling disagrees: there the signal may
    // weigh up to three times the imports (hoppscotch 0.944 -> 0.984, 1.5x: 0.955; @effect 0.903 ->
    // 0.943). Cut by role or mixed, it keeps its weight: a feature folder inside a layer
    // (routes/api/documents/) is still evidence, but the layers must not be followed.
    const weight = folders.weight * (detectFolderShape(modules).shape === "domain" ? FEATURE_FOLDER_FACTOR : 1);
    signals.push({ name: "folders", weight, pairs: folderCoupling(modules) });
  }
  if (barrels.enabled) signals.push({ name: "barrels", weight: barrels.weight, pairs: barrelMembership(graph) });
  if (names.enabled) {
    const exportsOf = new Map(graph.modules.map((module) => [module.id, module.exports]));
    signals.push({ name: "names", weight: names.weight, pairs: nameSimilarity(modules, exportsOf), weak: true });
  }
  if (changes.enabled !== false) {
    const history = readChangeHistory(root, changes.maxCommits);
    if (history === undefined) {
      summary.push({ name: "changes", weight: changes.weight, pairs: 0, note: "not a git repository" });
    } else {
      signals.push({ name: "changes", weight: changes.weight, pairs: changeCoupling(history, modules, changes) });
    }
  }
  if (coverage.enabled) {
    const useCases = await readRuntimeCoverage(root, coverage);
    const pairs = useCaseCoupling(useCases.map((useCase) => useCase.modules), modules, coverage.maxModulesPerUseCase);
    signals.push({ name: "coverage", weight: coverage.weight, pairs });
  }
  if (traces.enabled) {
    const spans = await readTraceExport(root, traces.files);
    const grouped = groupTraceUseCases(spans, createSpanMapper(graph));
    const pairs = useCaseCoupling(grouped.useCases, modules, traces.maxModulesPerTrace);
    signals.push({ name: "traces", weight: traces.weight, pairs });
    notes.set("traces", traceNote(grouped));
    const warning = traceWarning(grouped, pairs.length);
    if (warning !== undefined) warnings.set("traces", warning);
  }
  if (data.enabled) signals.push({ name: "data", weight: data.weight, pairs: dataCoupling(tableUses(graph.modules)) });

  for (const signal of signals) {
    const note = notes.get(signal.name);
    const warning = warnings.get(signal.name);
    summary.push({
      name: signal.name,
      weight: signal.weight,
      pairs: signal.pairs.length,
      ...(note === undefined ? {} : { note }),
      ...(warning === undefined ? {} : { warning }),
    });
  }
  summary.sort((a, b) => compareStrings(a.name, b.name));
  return { signals, summary };
}

/**
 * A use case (a test file, a trace) is to runtime what a commit is to history: modules that show
 * up together. Same weighting (1 / (n - 1) per pair), no age decay (all "commits" at time 0); one
 * touching more than `maxShare` of all modules says little and is skipped.
 */
function useCaseCoupling(useCases: readonly string[][], modules: ModuleId[], maxShare: number): ModulePair[] {
  return changeCoupling(
    useCases.map((files) => ({ time: 0, files })),
    modules,
    { maxFilesPerCommit: Math.max(2, Math.floor(maxShare * modules.length)), halfLifeDays: 1 },
  );
}

/**
 * Said when a trace export can hardly help: most spans name no module (auto-instrumentation's HTTP
 * and database spans name none), or no trace holds two modules.
 */
function traceWarning({ spans, mapped }: TraceUseCases, pairs: number): string | undefined {
  const advice = "give your spans code.file.path or code.function.name attributes, or use --coverage";
  if (spans > 0 && mapped < spans / 2) return `traces: only ${mapped} of ${spans} spans name a module of the codebase: ${advice}`;
  if (pairs === 0) return `traces: no trace runs two modules of the codebase, so they couple nothing: ${advice}`;
  return undefined;
}

/** How much of the export decouple could use: unmapped spans name no file or symbol of the codebase. */
function traceNote({ spans, mapped, traces, useCases }: TraceUseCases): string {
  return `${mapped} of ${spans} spans mapped to modules (${spans - mapped} unmapped), ${traces} traces, ${useCases.length} distinct module sets`;
}
