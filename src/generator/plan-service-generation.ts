import fs from "node:fs";
import path from "node:path";
import type { Boundaries } from "../model/boundaries.js";
import type { Config } from "../model/config.js";
import { UserError } from "../model/errors.js";
import type { ServiceName } from "../model/service-name.js";
import { deployServiceDependencies, type DeployRuntime } from "./deploy/plan-deploy-files.js";
import { diffPlan, nextManifest } from "./diff-plan.js";
import { MANIFEST_FILE, type FileChange, type GenerationManifest, type PlannedFile } from "./generation-plan.js";
import { listCallerChanges, listUnservable, type CallerChange } from "./list-caller-changes.js";
import { loadServiceContracts } from "./load-service-contracts.js";
import { FACADE_DIR, OUTBOX_DIR, planGeneration } from "./plan-generation.js";
import { readDiskState } from "./read-disk-state.js";
import { readTemplates } from "./read-templates.js";
import { queueRuntimeDependencies, RUNTIME_VERSIONS, type PackageDependencies } from "./runtime-versions.js";
import { compareStrings } from "../model/compare-strings.js";
import type { ServiceContract } from "./service-contract.js";

export interface GenerateOptions {
  /** The monolith's root: the boundaries file's folder. */
  readonly root: string;
  readonly boundaries: Boundaries;
  readonly config: Config;
  /** Output folder, absolute (default `<root>/services`). */
  readonly out?: string;
  /** Only these services (default: all of the boundaries file). */
  readonly services?: readonly ServiceName[];
  readonly templatesDir?: string;
  readonly contractsFile?: string;
  readonly force?: boolean;
  /** Where the services run on AWS (the deploy files and the services' dependencies); default fargate. */
  readonly runtime?: DeployRuntime;
}

export interface GenerationResult {
  readonly root: string;
  readonly outDir: string;
  readonly manifestFile: string;
  readonly contracts: readonly ServiceContract[];
  readonly plan: readonly PlannedFile[];
  readonly changes: readonly FileChange[];
  readonly manifest: GenerationManifest;
  readonly callerChanges: readonly CallerChange[];
  /** Packages the facades and clients import that the monolith's package.json does not list (name@version). */
  readonly missingMonolithDependencies: readonly string[];
  /** The queue runtime's packages the monolith lacks, when generate writes the outbox into it (name@version). */
  readonly missingOutboxDependencies: { readonly dependencies: readonly string[]; readonly devDependencies: readonly string[] };
  /** Operations JSON cannot carry, left out with the reasons. */
  readonly unservable: ReturnType<typeof listUnservable>;
}

/** Everything generate would do, read from disk but nothing written: --dry-run and --check stop here. */
export async function planServiceGeneration(options: GenerateOptions): Promise<GenerationResult> {
  const root = path.resolve(options.root);
  const outDir = path.resolve(options.out ?? path.join(root, "services"));
  const known = options.boundaries.services.map((service) => service.name);
  const services = options.services ?? known;
  const unknown = services.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new UserError("DCP006", `--service ${unknown.join(", ")}: no such service in the boundaries file (it has ${known.join(", ")}).`);
  const contracts = await loadServiceContracts({ root, boundaries: options.boundaries, services, contractsFile: options.contractsFile });
  const out = path.relative(root, outDir).split(path.sep).join("/");
  if (out === "" || path.isAbsolute(out)) throw new UserError("DCP006", `--out ${outDir} must be a folder other than the monolith's root, on the same drive.`);
  const tsconfig = fs.existsSync(path.join(root, "tsconfig.json")) ? "tsconfig.json" : undefined;
  const runtime = options.runtime ?? "fargate";
  const templates = readTemplates(options.templatesDir);
  // Packages other parts' code needs in every service: the Lambda adapter, the queue runtime's broker clients.
  const queue = queueRuntimeDependencies(templates);
  const plan = planGeneration({
    contracts,
    layout: {
      root: root.split(path.sep).join("/"),
      out,
      ...(tsconfig === undefined ? {} : { tsconfig }),
      extraDependencies: { ...queue.dependencies, ...deployServiceDependencies(runtime) },
      extraDevDependencies: queue.devDependencies,
    },
    generate: options.config.generate,
    templates,
    deploy: { runtime, rootDir: root, outDir, allServices: options.services === undefined },
  });
  const manifestFile = path.join(outDir, MANIFEST_FILE);
  const disk = readDiskState(root, manifestFile, plan);
  const inScope = options.services === undefined ? () => true : scopeOf(services, out);
  const changes = diffPlan(plan, disk, options.force === true, inScope);
  return { root, outDir, manifestFile, contracts, plan, changes, manifest: nextManifest(plan, changes, disk.manifest, inScope), callerChanges: listCallerChanges(contracts), unservable: listUnservable(contracts), missingMonolithDependencies: findMissingDependencies(root), missingOutboxDependencies: findMissingOutboxDependencies(root, plan, queue) };
}

/** The files that belong to the given services: their folder, their client, their facade, their outbox events. */
function scopeOf(services: readonly ServiceName[], out: string): (file: string) => boolean {
  const prefixes = services.flatMap((service) => [`${out}/${service}/`, `${out}/clients/${service}/`]);
  const facades = new Set(services.flatMap((service) => [`${FACADE_DIR}/${service}.ts`, `${OUTBOX_DIR}/events/${service}.ts`]));
  return (file) => facades.has(file) || prefixes.some((prefix) => file.startsWith(prefix));
}

/** The facades and clients run in the monolith and import @opentelemetry/api: say so when its package.json lacks it. */
function findMissingDependencies(root: string): string[] {
  const listed = listedDependencies(root);
  return listed === null || listed.has("@opentelemetry/api") ? [] : [`@opentelemetry/api@${RUNTIME_VERSIONS.otelApi}`];
}

/** The outbox runs on the queue runtime in the monolith: its broker clients, Ajv and database drivers (and their types). */
function findMissingOutboxDependencies(root: string, plan: readonly PlannedFile[], queue: PackageDependencies): GenerationResult["missingOutboxDependencies"] {
  const listed = listedDependencies(root);
  if (listed === null || !plan.some((file) => file.path.startsWith(`${OUTBOX_DIR}/`))) return { dependencies: [], devDependencies: [] };
  // fauxqs is the queue runtime's test server, not something the relay loads.
  const missing = (entries: Readonly<Record<string, string>>): string[] =>
    Object.entries(entries)
      .filter(([name]) => !listed.has(name) && name !== "fauxqs")
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([name, version]) => `${name}@${version}`);
  return { dependencies: missing(queue.dependencies), devDependencies: missing(queue.devDependencies) };
}

/** Every package the monolith's package.json lists; null without one (or unreadable). */
function listedDependencies(root: string): Set<string> | null {
  const file = path.join(root, "package.json");
  if (!fs.existsSync(file)) return null;
  try {
    const manifest: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    return new Set(
      ["dependencies", "devDependencies", "peerDependencies"].flatMap((field) => {
        const entries = typeof manifest === "object" && manifest !== null && field in manifest ? Object.getOwnPropertyDescriptor(manifest, field)?.value : undefined;
        return typeof entries === "object" && entries !== null ? Object.keys(entries) : [];
      }),
    );
  } catch {
    return null;
  }
}
