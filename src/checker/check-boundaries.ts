import path from "node:path";
import { extractModuleGraph } from "../graph/extract-module-graph.js";
import type { Boundaries } from "../model/boundaries.js";
import type { Config } from "../model/config.js";
import type { ModuleGraph } from "../model/module-graph.js";
import { keyOf, toBaseline, type Baseline } from "./baseline.js";
import { RULES } from "./rules/index.js";
import { runRules } from "./run-rules.js";
import type { CheckResult, CheckScope, CheckViolation, ViolationKey } from "../model/check-result.js";

export type { CheckResult, CheckScope, CheckViolation };

export const RULE_DOCS_URL = "https://unpkg.com/decouple/docs/rules/";


export interface CheckOptions {
  root: string;
  config: Config;
  boundaries: Boundaries;
  baseline: Baseline;
  /** Only the modules changed since a git revision: root-relative paths from `listChangedFiles`. */
  changed?: { since: string; files: string[] } | undefined;
  /** Folder of the content-hash parse cache (shared with `analyze`); undefined: no cache. */
  cacheDirectory?: string | undefined;
}

/** Reads the code and judges it: the whole graph, or only what a diff touches. */
export async function checkBoundaries(options: CheckOptions): Promise<CheckResult> {
  const root = path.resolve(options.root);
  if (options.changed !== undefined) {
    const files = options.changed.files.map((file) => path.join(root, ...file.split("/")));
    const { graph, parsed, resolution } = await extractModuleGraph({ root, config: options.config, cacheDirectory: options.cacheDirectory, files });
    const scope: string[] = graph.modules.map((module) => module.id);
    const result = evaluateCheck(graph, options.boundaries, options.config, options.baseline, { mode: "changed", since: options.changed.since, modules: scope, parsed });
    return { ...result, resolution };
  }
  const { graph, warnings, resolution } = await extractModuleGraph({ root, config: options.config, cacheDirectory: options.cacheDirectory });
  const result = evaluateCheck(graph, options.boundaries, options.config, options.baseline, { mode: "full", modules: graph.modules.length });
  return { ...result, resolution, warnings: warnings.filter((warning) => warning.kind !== "no-tsconfig").map((warning) => warning.message) };
}

/** The pure part: rules, severities and the baseline applied to a graph. */
export function evaluateCheck(graph: ModuleGraph, boundaries: Boundaries, config: Config, baseline: Baseline, scope: CheckScope): CheckResult {
  const partial = scope.mode === "changed";
  const { findings, rules } = runRules(graph, boundaries, config, (rule) => !partial || rule.local);
  const result: CheckResult = {
    version: 1,
    scope,
    rules: RULES.map((rule) => ({
      id: rule.id,
      severity: rules.find((entry) => entry.rule.id === rule.id)?.severity ?? (config.check.rules[rule.id] === "off" ? "off" : rule.defaultSeverity),
      description: rule.description,
      docs: `${RULE_DOCS_URL}${rule.id}.md`,
    })),
    skipped: partial ? RULES.filter((rule) => !rule.local && config.check.rules[rule.id] !== "off").map((rule) => ({ id: rule.id, reason: "needs the whole module graph: judged by a full check only" })) : [],
    violations: findings.map((finding) => ({ ...finding, status: "new" })),
    stale: [],
    summary: { errors: 0, warnings: 0, known: 0, stale: 0 },
    warnings: [],
    resolution: null,
  };
  return applyBaseline(result, baseline);
}

/** Marks the violations a baseline lists as known, finds its stale entries, and counts. */
export function applyBaseline(result: CheckResult, baseline: Baseline): CheckResult {
  const inScope = scopeFilter(result);
  const known = new Set(baseline.violations.map(keyOf));
  const found = new Set(result.violations.map((violation) => keyOf(violation.key)));
  const violations: CheckViolation[] = result.violations.map((violation) => ({ ...violation, status: known.has(keyOf(violation.key)) ? "known" : "new" }));
  const stale = baseline.violations.filter((key) => inScope(key) && !found.has(keyOf(key)));
  const fresh = violations.filter((violation) => violation.status === "new");
  return {
    ...result,
    violations,
    stale,
    summary: {
      errors: fresh.filter((violation) => violation.severity === "error").length,
      warnings: fresh.filter((violation) => violation.severity === "warn").length,
      known: violations.length - fresh.length,
      stale: stale.length,
    },
  };
}

/**
 * The baseline `--update-baseline` writes: what occurs now (new violations accepted, fixed ones
 * dropped), plus the entries this run could not judge (rules that are off or skipped, modules
 * outside a --changed-since diff), which are kept as they were.
 */
export function updatedBaseline(result: CheckResult, baseline: Baseline): Baseline {
  const inScope = scopeFilter(result);
  return toBaseline([...baseline.violations.filter((key) => !inScope(key)), ...result.violations.map((violation) => violation.key)]);
}

/** Whether this run could have found the violation a baseline entry names. */
function scopeFilter(result: CheckResult): (key: ViolationKey) => boolean {
  const { scope } = result;
  const skipped = new Set(result.skipped.map((skip) => skip.id));
  const ran = new Set(result.rules.filter((rule) => rule.severity !== "off" && !skipped.has(rule.id)).map((rule) => rule.id));
  if (scope.mode === "full") return (key) => ran.has(key.rule);
  const modules = new Set(scope.modules);
  return (key) => ran.has(key.rule) && ("from" in key ? modules.has(key.from) : "module" in key ? modules.has(key.module) : false);
}

/** Why the check cannot be trusted (a degraded module graph), one line each; empty when it can. */
export function untrustedBecause(result: CheckResult): string[] {
  return result.resolution?.degraded ?? [];
}

/** The exit status the CLI should give: 1 when an error-level violation is new. */
export function hasNewErrors(result: CheckResult): boolean {
  return result.summary.errors > 0;
}
