import { Chalk } from "chalk";
import type { CheckResult } from "../model/check-result.js";
import { describeResolution } from "./describe-resolution.js";
import { describeKey, oneLine, plural, withPrefix, type CheckReportOptions } from "./render-check-options.js";

/** For people: each new violation as file:line, rule, why and how to fix; then the baseline's tally. */
export function renderCheckText(result: CheckResult, options: CheckReportOptions): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  for (const violation of result.violations.filter((candidate) => candidate.status === "new")) {
    const level = violation.severity === "error" ? paint.red("error") : paint.yellow("warning");
    lines.push(`${paint.bold(`${oneLine(withPrefix(options, violation.file))}:${violation.line}`)}  ${level}  ${paint.dim(violation.rule)}`);
    lines.push(`  ${oneLine(violation.message)}`);
    lines.push(`  ${paint.cyan("fix:")} ${oneLine(violation.fix)}`);
    lines.push("");
  }
  if (result.scope.mode === "changed") {
    lines.push(`checked ${plural(result.scope.modules.length, "changed module")} since ${result.scope.since} (${result.scope.parsed} parsed)`);
  } else {
    lines.push(`checked ${plural(result.scope.modules, "module")}`);
  }
  if (result.resolution !== null) lines.push(paint.dim(describeResolution(result.resolution)));
  for (const reason of result.resolution?.degraded ?? []) lines.push(paint.red(`degraded graph: ${reason}`));
  for (const skipped of result.skipped) lines.push(paint.dim(`skipped ${skipped.id}: ${skipped.reason}`));
  const { errors, warnings, known, stale } = result.summary;
  const verdict = errors > 0 ? paint.red(`${plural(errors, "new error")}`) : paint.green("no new errors");
  lines.push(`${verdict}, ${plural(warnings, "new warning")}; ${plural(known, "known violation")} ignored (listed in ${options.baselineFile})`);
  if (stale > 0) {
    lines.push(paint.yellow(`${plural(stale, "baseline entry")} no longer occur${stale === 1 ? "s" : ""} (fixed): run \`decouple check --update-baseline\` so the baseline only shrinks:`));
    for (const key of result.stale) lines.push(`  - ${oneLine(describeKey(key))}`);
  }
  if (result.warnings.length > 0) lines.push(paint.dim(`${plural(result.warnings.length, "warning")} reading the code (run \`decouple analyze\` to see them)`));
  return `${lines.join("\n")}\n`;
}
