import type { CommandRun, SweepResult } from "./sweep-case.js";

export interface NotRun {
  name: string;
  reason: string;
}

/** The sweep as Markdown: one row per corpus, then the broken promises and what was not run. */
export function renderSweep(results: readonly SweepResult[], notRun: readonly NotRun[], header: string): string {
  const lines = [
    "# Robustness sweep: analyze and check over every benchmark corpus",
    "",
    header,
    "",
    "Per corpus: `analyze` (and `analyze --force` when it refused a degraded graph), then `check` against what it wrote.",
    "Exit codes are decouple's (0 done, 1 new violation, 2 bad input or a graph it cannot trust); seconds are wall time",
    "with a cold parse cache for analyze; *unresolved* is the degraded-graph measure as printed (share of relative and",
    "alias imports resolving to no file, against `graph.maxUnresolvedShare`); *degraded* says whether the graph was",
    "refused (DCP011). A row fails on an unhandled error (no exit code, a stack trace, \"internal error\"), a measure",
    "not printed, a degraded graph not refused or passed by `check`, or `check` not passing right after `analyze`.",
    "",
    "| corpus | kind | modules | analyze | s | check | s | unresolved (limit) | degraded | warnings | result |",
    "|---|---|---:|---:|---:|---:|---:|---|---|---:|---|",
  ];
  for (const result of results) {
    const { analyze, forced, check } = result;
    const degraded = forced !== undefined;
    const measured = forced ?? analyze;
    const analyzeCodes = degraded ? `${analyze.code} → ${forced.code} (--force)` : `${analyze.code}`;
    const analyzeSeconds = degraded ? `${seconds(analyze)} + ${seconds(forced)}` : seconds(analyze);
    lines.push(
      `| ${result.name} | ${result.kind} | ${result.modules?.toLocaleString("en-US") ?? "?"} | ${analyzeCodes} | ${analyzeSeconds} | ${check?.code ?? "–"} | ${check === undefined ? "–" : seconds(check)} | ${measured.measure === undefined ? "not printed" : `${measured.measure} (${measured.limit}%)`} | ${degraded ? `yes: ${cell(degradedReason(analyze.firstError ?? ""))}` : "no"} | ${measured.warnings.toLocaleString("en-US")} | ${result.problems.length === 0 ? "ok" : `**${cell(result.problems.join("; "))}**`} |`,
    );
  }
  const total = results.reduce((sum, result) => sum + result.analyze.seconds + (result.forced?.seconds ?? 0) + (result.check?.seconds ?? 0), 0);
  const broken = results.filter((result) => result.problems.length > 0);
  lines.push("", `${results.length} corpora, ${total.toFixed(0)} s of decouple runs; ${broken.length === 0 ? "no broken promise" : `${broken.length} with a broken promise`}.`);
  if (notRun.length > 0) {
    lines.push("", "Not run (no source on this machine):", "", ...notRun.map(({ name, reason }) => `- ${name}: ${reason}`));
  }
  return `${lines.join("\n")}\n`;
}

/** The reason in analyze's refusal ("…no proposal was written to FILE: REASON (e.g. …). Fix…"). */
function degradedReason(refusal: string): string {
  const reason = /was written to [^:]+: (.*?)(?: \(e\.g\.|\. Fix |$)/.exec(refusal)?.[1];
  return reason ?? refusal;
}

function seconds(run: CommandRun): string {
  return run.seconds.toFixed(1);
}

/** Table-safe text: no pipes or newlines, and long messages cut. */
function cell(text: string): string {
  const flat = text.replace(/\|/g, "\\|").replace(/\s+/g, " ");
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}
