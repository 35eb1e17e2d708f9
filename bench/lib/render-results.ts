import type { ToolDisagreement } from "./diff-edges.js";
import type { Tool } from "./define-tools.js";
import { TOOLS } from "./define-tools.js";

export interface ToolResult {
  status: "ok" | "failed" | "timeout";
  /** Median wall seconds over the successful runs. */
  seconds?: number;
  peakMb?: number;
  edges?: number;
  runs: number;
  note?: string;
}

export interface CaseResult {
  name: string;
  files: number;
  floorSeconds?: number;
  tools: Record<Tool, ToolResult>;
  disagreements: ToolDisagreement[];
}

const fmt = (n: number | undefined, digits = 2): string => (n === undefined ? "—" : n.toFixed(digits));

function cell(t: ToolResult, value: number | undefined, digits = 2): string {
  return t.status === "ok" ? fmt(value, digits) : t.status;
}

function ratio(a: ToolResult, b: number | undefined): string {
  return a.status === "ok" && a.seconds !== undefined && b !== undefined ? fmt(a.seconds / b) : "—";
}

/** The Markdown report: one table, then edge disagreements and failures per case. */
export function renderResults(results: CaseResult[], header: string): string {
  const out = [
    header,
    "",
    "| case | files | decouple s | depcruise s | madge s | decouple/depcruise | decouple/madge | decouple/oxc floor | oxc floor s | peak MB decouple | peak MB depcruise | peak MB madge | edges decouple | edges depcruise | edges madge |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
  ];
  for (const r of results) {
    const { decouple, depcruise, madge } = r.tools;
    const okSeconds = (t: ToolResult): number | undefined => (t.status === "ok" ? t.seconds : undefined);
    out.push(
      `| ${[
        r.name, String(r.files), cell(decouple, decouple.seconds), cell(depcruise, depcruise.seconds), cell(madge, madge.seconds),
        ratio(decouple, okSeconds(depcruise)), ratio(decouple, okSeconds(madge)), ratio(decouple, r.floorSeconds), fmt(r.floorSeconds),
        cell(decouple, decouple.peakMb, 0), cell(depcruise, depcruise.peakMb, 0), cell(madge, madge.peakMb, 0),
        cell(decouple, decouple.edges, 0), cell(depcruise, depcruise.edges, 0), cell(madge, madge.edges, 0),
      ].join(" | ")} |`,
    );
  }
  const notes: string[] = [];
  for (const r of results) {
    for (const tool of TOOLS) {
      const t = r.tools[tool];
      if (t.status !== "ok" && t.note) notes.push(`- **${r.name}**, ${tool} ${t.status}: \`${t.note.replace(/\s+/g, " ").slice(0, 300)}\``);
    }
  }
  if (notes.length > 0) out.push("", "## Failures", "", ...notes);
  // A comparison needs two tools that succeeded.
  const diffs = results.filter((r) => r.disagreements.length > 0 && TOOLS.filter((t) => r.tools[t].status === "ok").length >= 2);
  if (diffs.length > 0) {
    out.push("", "## Edge disagreements", "", "Edges (from -> to) that some tools found and others did not; first few of each.");
    for (const r of diffs) {
      out.push("", `### ${r.name}`);
      for (const d of r.disagreements) {
        out.push("", `- ${d.tool}: misses ${d.missing} edge(s) others found, finds ${d.extra} edge(s) no other tool found`);
        for (const e of d.sampleMissing) out.push(`  - missing: \`${e}\``);
        for (const e of d.sampleExtra) out.push(`  - only here: \`${e}\``);
      }
    }
  }
  return `${out.join("\n")}\n`;
}
