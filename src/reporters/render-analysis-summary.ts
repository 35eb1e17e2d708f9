import { Chalk } from "chalk";
import type { AnalysisResult } from "../model/analysis-result.js";
import { describeResolution } from "./describe-resolution.js";
import { formatTable } from "./format-table.js";

export interface SummaryOptions {
  color: boolean;
  /** Where the boundaries file was written, as shown to the user; left out when re-rendering a saved result. */
  boundariesFile?: string | undefined;
}

/** What the folder layout says and how decouple uses it. */
export function describeFolders({ shape, roleFolderShare, featureFolderShare }: AnalysisResult["folders"]): string {
  const percent = (share: number): string => `${Math.round(share * 100)}%`;
  switch (shape) {
    case "role":
      return `folders by role (${percent(roleFolderShare)} of modules in folders such as controllers/, services/): layers are not services, so the folders are not followed`;
    case "domain":
      return `folders by feature (${percent(featureFolderShare)} of modules in feature folders): followed unless the coupling disagrees`;
    case "mixed":
      return `folders mixed (${percent(featureFolderShare)} of modules in feature folders, ${percent(roleFolderShare)} in role folders): feature folders followed unless the coupling disagrees`;
  }
}

/** The terminal summary of an analysis: graph size, proposed services with scores, what changed, warnings. */
export function renderAnalysisSummary(result: AnalysisResult, options: SummaryOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const { graph, scores, boundaries } = result;
  const lines: string[] = [];
  const edgePairs = new Set(graph.edges.map((edge) => `${edge.from}\0${edge.to}`)).size;
  lines.push(
    c.bold(`${graph.modules.length} modules, ${edgePairs} dependencies`) +
      c.dim(` (${graph.externals.length} external packages, ${graph.unresolved.length} unresolved imports, ${result.cycles.length} import cycles)`),
  );
  lines.push(c.dim(describeResolution(result.resolution)));
  for (const reason of result.resolution.degraded) lines.push(c.red(`degraded graph: ${reason}`));
  lines.push(c.dim(describeFolders(result.folders)));
  if (result.leftOut.length > 0) {
    const kinds = result.leftOut.map(({ kind, count, reason }) => `${count} ${kind} (${reason})`).join(", ");
    lines.push(c.dim(`left out by default: ${kinds}; \`exclude\` in the config changes this`));
  }
  lines.push("");
  lines.push(c.bold(`Proposed services: ${scores.overall.services}`));
  const stability = result.stability;
  const header = ["service", "files", "lines", "cohesion", "Ca", "Ce", "instability", "api", ...(stability ? ["stability"] : [])];
  const rows = scores.services.map((service) => [
    service.name,
    String(service.files),
    String(service.lines),
    service.cohesion.toFixed(2),
    String(service.afferent),
    String(service.efferent),
    service.instability === null ? "-" : service.instability.toFixed(2),
    String(service.apiSymbols),
    ...(stability ? [(stability.services[service.name] ?? 0).toFixed(2)] : []),
  ]);
  lines.push(...formatTable(header, rows).map((line, index) => (index === 0 ? c.dim(line) : line)));
  lines.push("");
  const evidence = new Map(result.evidence.map((entry) => [entry.service, entry]));
  for (const service of boundaries.services) {
    lines.push(`${c.cyan.bold(service.name)} ${c.dim(`(${service.modules.length})`)} ${c.dim(abbreviate(service.modules, 6))}`);
    const why = evidence.get(service.name);
    const top = why?.strongest[0];
    if (why !== undefined && top !== undefined) {
      const carried = Object.entries(why.signals)
        .sort((a, b) => b[1] - a[1])
        .map(([signal, share]) => `${signal} ${Math.round(share * 100)}%`)
        .join(", ");
      lines.push(c.dim(`  held by ${carried}; strongest: ${top.a.replace(/^src\//, "")} + ${top.b.replace(/^src\//, "")}`));
    }
  }
  if (stability) {
    const shaky = Object.entries(stability.modules).filter(([, value]) => value < 0.5).sort((a, b) => a[1] - b[1]);
    lines.push(c.dim(`stability over ${stability.runs} other seeds and resolutions: ${shaky.length} modules below 0.5${shaky.length ? ` (${shaky.slice(0, 5).map(([module, value]) => `${module} ${value.toFixed(2)}`).join(", ")})` : ""}`));
  }
  lines.push(`${c.yellow.bold("shared")} ${c.dim(`(${boundaries.shared.modules.length})`)} ${c.dim(abbreviate(boundaries.shared.modules, 8))}`);
  lines.push("");
  const overall = scores.overall;
  lines.push(
    `modularity ${c.bold(overall.modularity.toFixed(3))}, cross-boundary dependencies ${c.bold(String(overall.crossBoundaryEdges.value))} value + ${overall.crossBoundaryEdges.typeOnly} type-only, weight cut ${c.bold(`${(overall.cutWeightShare * 100).toFixed(1)}%`)}`,
  );
  if (result.plan.length > 0) {
    lines.push("");
    lines.push(c.bold("Extraction plan") + c.dim(" (fewest callers and least shared data first; --format json has every call site)"));
    for (const step of result.plan.slice(0, 5)) {
      const parts = [`${step.callSites.length} call sites to switch to a client`];
      if (step.tables.length > 0) parts.push(`tables to split: ${step.tables.map((table) => `${table.table} (also ${table.alsoUsedBy.join(", ")})`).join("; ")}`);
      if (step.events.length > 0) parts.push(`events instead of calls to ${step.events.map((event) => `${event.to} (${event.symbols.slice(0, 3).join(", ")})`).join("; ")}`);
      lines.push(`  ${step.step}. ${c.cyan(step.service)}: ${parts.join("; ")}`);
    }
    if (result.plan.length > 5) lines.push(c.dim(`  … ${result.plan.length - 5} more steps`));
  }
  if (result.changes !== null) {
    const { kept, added, removed, moved } = result.changes;
    lines.push(
      `changes since the last run: ${kept.length} services kept, ${added.length} added${added.length ? ` (${added.join(", ")})` : ""}, ${removed.length} removed${removed.length ? ` (${removed.join(", ")})` : ""}, ${moved.length} modules moved`,
    );
    for (const move of moved.slice(0, 10)) lines.push(c.dim(`  ${move.module}: ${move.from} -> ${move.to}`));
  }
  const counts = new Map<string, number>();
  for (const warning of result.warnings) counts.set(warning.kind, (counts.get(warning.kind) ?? 0) + 1);
  if (counts.size > 0) {
    lines.push("");
    for (const [kind, count] of [...counts].sort()) {
      const examples = result.warnings.filter((warning) => warning.kind === kind).slice(0, 3);
      lines.push(c.yellow(`warning: ${count} ${kind}${count === 1 ? "" : "s"}`));
      for (const example of examples) lines.push(c.dim(`  ${example.message}`));
    }
  }
  lines.push("");
  if (options.boundariesFile !== undefined) lines.push(`wrote ${c.bold(options.boundariesFile)}`);
  return `${lines.join("\n")}\n`;
}

function abbreviate(items: string[], max: number): string {
  const shown = items.slice(0, max).map((item) => item.replace(/^src\//, ""));
  return items.length > max ? `${shown.join(", ")}, … +${items.length - max}` : shown.join(", ");
}
