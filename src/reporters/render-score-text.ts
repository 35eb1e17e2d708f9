import { Chalk } from "chalk";
import type { ScoreReport } from "../model/score-report.js";
import { formatTable } from "./format-table.js";

export interface ScoreTextOptions {
  color: boolean;
  /** The boundaries and reference files as shown to the user. */
  boundariesFile: string;
  referenceFile?: string | undefined;
}

/** The terminal view of a score report: overall metrics with their better direction, then per service. */
export function renderScoreText(report: ScoreReport, options: ScoreTextOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const { modules, overall } = report;
  const lines: string[] = [];
  lines.push(c.bold(`Scores of ${options.boundariesFile}: ${overall.services} services over ${modules.scored} of ${modules.total} modules`));
  const left = [`${modules.shared} shared`, `${modules.unassigned} in no service`];
  if (modules.unknown > 0) left.push(`${modules.unknown} listed but not in the code`);
  lines.push(c.dim(`left out: ${left.join(", ")}`));
  lines.push("");

  const fixed = (value: number): string => value.toFixed(3);
  const metrics: [string, string, string][] = [
    ["modularity (Newman, weighted)", fixed(overall.modularity), "higher"],
    ["TurboMQ (Bunch)", fixed(overall.turboMQ), `higher, max ${overall.services}`],
    ["structural modularity SM", fixed(overall.structuralModularity), "higher"],
    ["inter-call percentage ICP", fixed(overall.interCallPercentage), "lower"],
    ["interface number IFN", fixed(overall.interfaceNumber), "lower"],
    [`non-extreme distribution NED [${overall.nonExtremeBounds.min}, ${overall.nonExtremeBounds.max}]`, fixed(overall.nonExtremeDistribution), "higher"],
    ["cyclic dependent partitions", String(overall.cyclicDependentPartitions), "lower"],
    // One row per signal that is on; each cut is in its signal's own units, so the shares compare.
    ...Object.entries(overall.cutWeight).map(([signal, cut]): [string, string, string] => [
      `cut weight, ${signal}`,
      `${fixed(cut.share)} (${cut.cut.toFixed(1)} of ${cut.total.toFixed(1)})`,
      "lower",
    ]),
  ];
  const reference = report.reference;
  if (reference !== null) {
    metrics.push(
      ["NMI against the reference", fixed(reference.nmi), "higher, max 1"],
      ["ARI against the reference", fixed(reference.ari), "higher, max 1"],
      ["MoJoFM against the reference", `${reference.mojoFM.toFixed(2)} (MoJo ${reference.mojo})`, "higher, max 100"],
    );
  }
  lines.push(...formatTable(["metric", "value", "better"], metrics).map((line, index) => (index === 0 ? c.dim(line) : line)));
  if (reference !== null) {
    const referenceFile = options.referenceFile === undefined ? "" : ` ${options.referenceFile}`;
    lines.push(c.dim(`reference${referenceFile} (${reference.kind}): ${reference.compared} modules compared, ${reference.onlyInProposal} only in the services scored, ${reference.onlyInReference} only in the reference`));
  }
  for (const { name, note } of overall.signalsOff) lines.push(c.dim(`no cut weight for ${name}: ${note}`));
  for (const cycle of overall.serviceCycles) lines.push(c.yellow(`services in a dependency cycle: ${cycle.join(", ")}`));
  lines.push("");

  const header = ["service", "modules", "CF", "scoh", "Ca", "Ce", "instability", "interfaces", "cycle"];
  const rows = report.services.map((service) => [
    service.name,
    service.nonExtreme ? String(service.modules) : `${service.modules}*`,
    fixed(service.clusterFactor),
    fixed(service.cohesion),
    String(service.afferent),
    String(service.efferent),
    service.instability === null ? "-" : service.instability.toFixed(2),
    String(service.interfaces),
    service.inCycle ? "yes" : "",
  ]);
  lines.push(...formatTable(header, rows).map((line, index) => (index === 0 ? c.dim(line) : line)));
  lines.push(c.dim("CF: TurboMQ cluster factor; scoh: SM cohesion; * size outside the NED bounds. Definitions: docs/metrics.md"));
  return `${lines.map((line) => line.trimEnd()).join("\n")}\n`;
}
