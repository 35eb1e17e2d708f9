import type { ServiceName } from "../model/service-name.js";

/**
 * What the generation report reads of generate's result. Reporters render data and import no
 * stage (docs/architecture.md), so they own this shape; the generator's GenerationResult is
 * passed in as it is, and the compiler checks the two agree (a new file action fails the build where generate-command passes it).
 */
export type FileAction = "create" | "update" | "unchanged" | "keep-user-edited" | "overwrite" | "remove";

export interface GenerationReport {
  readonly contracts: readonly { readonly service: ServiceName; readonly operations: readonly unknown[] }[];
  readonly changes: readonly { readonly path: string; readonly action: FileAction; readonly reason?: string }[];
  readonly callerChanges: readonly { readonly service: ServiceName; readonly operationId: string; readonly module: string; readonly usedBy: readonly ServiceName[]; readonly facade: string; readonly synchronous: boolean }[];
  readonly missingMonolithDependencies: readonly string[];
  readonly missingOutboxDependencies: { readonly dependencies: readonly string[]; readonly devDependencies: readonly string[] };
  readonly unservable: readonly { readonly service: ServiceName; readonly operationId: string; readonly reasons: readonly string[] }[];
}

const VERB: Readonly<Record<FileAction, string>> = {
  create: "create",
  update: "update",
  unchanged: "unchanged",
  "keep-user-edited": "keep (user-edited)",
  overwrite: "overwrite (user-edited, --force)",
  remove: "remove",
};

export interface GenerationReportOptions {
  /** Whether files were written (false for --dry-run and --check). */
  readonly applied: boolean;
  /** Show unchanged files too. */
  readonly verbose: boolean;
}

/** The plan (or what was done) as text: one line per file that changes, a count per action, what callers must change. */
export function renderGenerationPlan(result: GenerationReport, options: GenerationReportOptions): string {
  const lines: string[] = [];
  const counts = new Map<FileAction, number>();
  for (const change of result.changes) {
    counts.set(change.action, (counts.get(change.action) ?? 0) + 1);
    if (change.action === "unchanged" && !options.verbose) continue;
    if (change.action === "keep-user-edited") continue;
    lines.push(`  ${VERB[change.action].padEnd(12)} ${change.path}`);
  }
  const served = (service: string, total: number) => total - result.unservable.filter((entry) => entry.service === service).length;
  const services = result.contracts.map((contract) => `${contract.service} (${served(contract.service, contract.operations.length)} operations)`).join(", ");
  const summary = [...counts].map(([action, count]) => `${count} ${VERB[action]}`).join(", ");
  const header = options.applied ? "generated" : "would generate";
  const out = [`${header} ${services || "no service"}: ${summary || "nothing to do"}`, ...lines];
  const synchronous = result.callerChanges.filter((change) => change.synchronous);
  if (synchronous.length > 0) {
    out.push("", "Synchronous today, async through the facade: their callers must `await` the result (and move the call out of any synchronous transaction):");
    for (const change of synchronous) {
      out.push(`  ${change.service}.${change.operationId} (${change.module}) used by ${change.usedBy.join(", ") || "no other service"}: import it from ${change.facade}`);
    }
  }
  if (result.missingMonolithDependencies.length > 0) {
    out.push("", `The facades and clients run in the monolith: add ${result.missingMonolithDependencies.join(", ")} to its dependencies (npm install ${result.missingMonolithDependencies.join(" ")}).`);
  }
  const outbox = result.missingOutboxDependencies;
  if (outbox.dependencies.length + outbox.devDependencies.length > 0) {
    const dev = outbox.devDependencies.length > 0 ? ` and ${outbox.devDependencies.join(", ")} to its devDependencies` : "";
    out.push("", `The outbox and its relay (src/decouple/outbox) run in the monolith on the queue runtime: add ${outbox.dependencies.join(", ") || "nothing"} to its dependencies${dev}.`);
  }
  if (result.unservable.length > 0) {
    out.push("", "Left out of the services, clients and facades (JSON cannot carry a parameter or the result; callers keep calling them in process):");
    for (const entry of result.unservable) out.push(`  ${entry.service}.${entry.operationId}: ${entry.reasons.join("; ")}`);
  }
  return `${out.join("\n")}\n`;
}

/** Files kept because the user edited them: warnings, one line each. */
export function renderKeptFiles(result: GenerationReport): string {
  return result.changes
    .filter((change) => change.action === "keep-user-edited")
    .map((change) => `warning: kept ${change.path}: ${change.reason ?? "edited"} (--force replaces it)\n`)
    .join("");
}
