import type { CheckResult } from "../model/check-result.js";
import { describeKey, plural, withPrefix, type CheckReportOptions } from "./render-check-options.js";

/** A summary for `$GITHUB_STEP_SUMMARY` or a pull-request comment. */
export function renderCheckMarkdown(result: CheckResult, options: CheckReportOptions): string {
  const { errors, warnings, known, stale } = result.summary;
  const icon = errors > 0 ? "❌" : warnings > 0 ? "⚠️" : "✅";
  const lines = [`## ${icon} decouple check`, "", `${plural(errors, "new error")}, ${plural(warnings, "new warning")}; ${plural(known, "known violation")} ignored (listed in \`${options.baselineFile}\`).`, ""];
  const fresh = result.violations.filter((violation) => violation.status === "new");
  if (fresh.length > 0) {
    lines.push("| | Where | Rule | Why | Fix |", "|---|---|---|---|---|");
    for (const violation of fresh) {
      const rule = result.rules.find((candidate) => candidate.id === violation.rule);
      lines.push(`| ${violation.severity === "error" ? "error" : "warning"} | ${codeSpan(`${withPrefix(options, violation.file)}:${violation.line}`)} | [${violation.rule}](${rule?.docs ?? ""}) | ${cell(violation.message)} | ${cell(violation.fix)} |`);
    }
    lines.push("");
  }
  if (stale > 0) {
    lines.push(`<details><summary>${plural(stale, "stale baseline entry")} (fixed: run <code>decouple check --update-baseline</code>)</summary>`, "");
    for (const key of result.stale) lines.push(`- ${cell(describeKey(key))}`);
    lines.push("", "</details>", "");
  }
  for (const skipped of result.skipped) lines.push(`_${skipped.id} skipped: ${skipped.reason}._`, "");
  return `${lines.join("\n").trimEnd()}\n`;
}

/** Text safe in a table cell: HTML in a file name stays text, and a pipe or newline cannot end the cell. */
function cell(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/\r?\n|\r/g, " ");
}

/** A code span (HTML inside stays text) fenced by more backticks than the name holds in a row. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const padded = longest > 0 ? ` ${text} ` : text;
  return `${fence}${padded.replace(/\|/g, "\\|").replace(/\r?\n|\r/g, " ")}${fence}`;
}
