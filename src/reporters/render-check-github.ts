import type { CheckResult } from "../model/check-result.js";
import { describeKey, plural, withPrefix, type CheckReportOptions } from "./render-check-options.js";

/** GitHub Actions workflow commands: an annotation on the import line for each new violation. */
export function renderCheckGithub(result: CheckResult, options: CheckReportOptions): string {
  const lines: string[] = [];
  for (const violation of result.violations.filter((candidate) => candidate.status === "new")) {
    const command = violation.severity === "error" ? "error" : "warning";
    const properties = `file=${escapeProperty(withPrefix(options, violation.file))},line=${violation.line},title=${escapeProperty(`decouple ${violation.rule}`)}`;
    lines.push(`::${command} ${properties}::${escapeData(`${violation.message} Fix: ${violation.fix}`)}`);
  }
  for (const key of result.stale) {
    lines.push(`::notice title=decouple stale baseline entry::${escapeData(`${describeKey(key)} no longer occurs; remove it with decouple check --update-baseline`)}`);
  }
  const { errors, warnings, known, stale } = result.summary;
  lines.push(`decouple check: ${plural(errors, "new error")}, ${plural(warnings, "new warning")}, ${plural(known, "known violation")} ignored (${options.baselineFile}), ${plural(stale, "stale baseline entry")}`);
  return `${lines.join("\n")}\n`;
}

// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
