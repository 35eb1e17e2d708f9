import path from "node:path";
import type { SourceFile, Symbol as TsSymbol } from "ts-morph";
import type { Boundaries, ServiceBoundary } from "../../model/boundaries.js";
import { UserError } from "../../model/errors.js";
import type { EventContract, Operation, ServiceContract } from "../service-contract.js";
import { buildOperation } from "./build-operation.js";
import { collectApi, type ServiceApi } from "./collect-api.js";
import type { DeriveContext } from "./derive-context.js";
import { deriveInWorker, isStackOverflow } from "./derive-in-worker.js";
import { compareLocations, deriveCommands, deriveEvents, type CommandSource } from "./derive-events.js";
import { findCallSites, type CallSites } from "./find-call-sites.js";
import { findEventSites } from "./find-events.js";
import { loadProject } from "./load-project.js";
import { PROBLEM_DETAILS, problemDetailsName } from "./problem-details.js";
import { SchemaRegistry } from "./schema-registry.js";
import { typeToSchema } from "./type-to-schema.js";
import { compareStrings } from "../../model/compare-strings.js";
import type { ServiceName } from "../../model/service-name.js";
import { toModuleId, type ModuleId } from "../../model/module-id.js";

export interface DeriveOptions {
  /** The analysed project's root (where its tsconfig.json and the boundaries' module paths start). */
  readonly root: string;
  readonly boundaries: Boundaries;
  /** Only these services (default: all). */
  readonly services?: readonly ServiceName[];
  /**
   * `main` derives on this thread; `worker` in a worker thread with a 256 MB stack (compiled build
   * only). Default: this thread, moving to a worker if ts-morph overflows the stack (~3,000 files).
   */
  readonly thread?: "main" | "worker";
}

interface ServiceScan {
  readonly service: ServiceBoundary;
  readonly api: ServiceApi;
  readonly sites: ReadonlyMap<TsSymbol, CallSites>;
}

/**
 * Contracts of each service from the code that crosses its boundary: operations from the API
 * functions other services call, events from the in-process event bus, commands from calls whose
 * result nobody uses, and the named schemas they use. Sorted throughout: same code, same output.
 */
export async function deriveServiceContracts(options: DeriveOptions): Promise<ServiceContract[]> {
  if (options.thread === "worker") return deriveInWorker(options);
  try {
    return await deriveHere(options);
  } catch (error) {
    if (options.thread === undefined && isStackOverflow(error) && import.meta.url.endsWith(".js")) return deriveInWorker(options);
    throw error;
  }
}

async function deriveHere(options: DeriveOptions): Promise<ServiceContract[]> {
  const root = path.resolve(options.root);
  const { boundaries } = options;
  const names = new Set(boundaries.services.map((s) => s.name));
  for (const wanted of options.services ?? []) {
    if (!names.has(wanted)) throw new UserError("DCP005", `no service named "${wanted}" in the boundaries file (services: ${[...names].sort().join(", ")}).`);
  }
  const { tsm, project } = await loadProject(root, boundaries);
  const newContext = (): DeriveContext => ({ tsm, project, root, registry: new SchemaRegistry(), unexpressible: [] });
  const relative = (file: SourceFile): ModuleId => toModuleId(root, file.getFilePath());
  const files = new Map(project.getSourceFiles().map((file) => [relative(file), file] as const));
  const serviceOf = new Map(boundaries.services.flatMap((s) => s.modules.map((m) => [m, s.name] as const)));
  assertApiModulesExist(boundaries, files);
  const sorted = (pick: (module: ModuleId) => boolean): SourceFile[] =>
    [...files].filter(([module]) => pick(module)).sort(([a], [b]) => compareStrings(a, b)).map(([, file]) => file);

  const scratch = newContext();
  const apis = boundaries.services.map((service) => ({ service, api: collectApi(scratch, project, service, names) }));
  const everyFile = sorted(() => true);
  const sites = findCallSites(
    scratch,
    apis.flatMap(({ service, api }) => {
      const ownFiles = new Set(service.modules);
      return api.callables.map((c) => ({ symbol: c.symbol, name: c.method ?? c.exportName, ownFiles }));
    }),
    everyFile,
    relative,
  );
  const scans: ServiceScan[] = apis.map(({ service, api }) => ({ service, api, sites }));
  const eventSites = findEventSites(scratch, sorted((module) => serviceOf.has(module)), relative);
  const commands: CommandSource[] = scans.flatMap((scan) =>
    scan.api.callables.filter((c) => isResultUnused(scan.sites.get(c.symbol))).map((callable) => ({
      service: scan.service.name,
      callable,
      calls: scan.sites.get(callable.symbol)!,
    })),
  );

  const contracts: ServiceContract[] = [];
  for (const scan of [...scans].sort((a, b) => compareStrings(a.service.name, b.service.name))) {
    const { service, api } = scan;
    if (options.services && !options.services.includes(service.name)) continue;
    const ctx = newContext();
    const serviceFiles = new Set(sorted((module) => serviceOf.get(module) === service.name).map((f) => f.getFilePath()));
    const operations: Operation[] = api.callables.map((callable) => ({
      ...buildOperation(ctx, service.name, callable, serviceFiles),
      resultUnused: isResultUnused(scan.sites.get(callable.symbol)),
    }));
    for (const type of api.types) typeToSchema(ctx, type.type, { at: type.node, usedIn: type.exportName });
    const events: EventContract[] = [
      ...deriveEvents(ctx, service.name, eventSites, serviceOf),
      ...deriveCommands(ctx, service.name, commands, serviceOf),
    ].sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.kind, b.kind));
    const { schemas, resolve } = ctx.registry.finish();
    if (operations.some((o) => o.errors.length > 0)) schemas[problemDetailsName(schemas)] = PROBLEM_DETAILS;
    contracts.push({
      service: service.name,
      operations: operations.map((o) => ({
        ...o,
        parameters: o.parameters.map((p) => ({ ...p, schema: resolve(p.schema) })),
        response: o.response === null ? null : resolve(o.response),
      })),
      events: events.map((e) => ({ ...e, payload: resolve(e.payload) })),
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => compareStrings(a, b))),
      unexpressible: [...ctx.unexpressible].sort(
        (a, b) => compareStrings(a.usedIn, b.usedIn) || compareLocations(a.location, b.location) || compareStrings(a.type, b.type),
      ),
    });
  }
  return contracts;
}

/** Called from outside, and every caller throws the result away (a statement, or `void f()`). */
function isResultUnused(calls: CallSites | undefined): boolean {
  return calls !== undefined && calls.used === 0 && calls.discarded.length > 0;
}

function assertApiModulesExist(boundaries: Boundaries, files: ReadonlyMap<string, SourceFile>): void {
  for (const service of boundaries.services) {
    for (const entry of service.api) {
      if (!files.has(entry.module)) {
        throw new UserError("DCP005", `the boundaries file lists ${entry.module} in ${service.name}'s api, but it does not exist. Run \`decouple analyze\` again.`);
      }
    }
  }
}
