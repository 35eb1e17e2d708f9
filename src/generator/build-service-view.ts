import type { Config } from "../model/config.js";
import { assertSafeRelativePath } from "./assert-safe-path.js";
import { buildComponentsSchema } from "./build-route-schemas.js";
import { buildConsumerView, type ConsumerView } from "./build-consumer-view.js";
import { buildQueueView, type QueueView } from "./build-queue-view.js";
import { buildOperationView, type ModuleAliases, type OperationView } from "./build-operation-view.js";
import { importSpecifier, relativeFrom, toEnvName, toPascalCase } from "./name-forms.js";
import { RUNTIME_VERSIONS, serviceDependencies, serviceDevDependencies } from "./runtime-versions.js";
import type { ServiceContract } from "./service-contract.js";
import { compareKeys } from "../model/compare-strings.js";
import type { ServiceName } from "../model/service-name.js";

/** Where generated files go, all relative to the monolith root (the boundaries file's folder). */
export interface OutputLayout {
  /** The monolith's root, absolute with forward slashes: relative imports are computed under it. */
  readonly root: string;
  /** The output folder, e.g. `services`. */
  readonly out: string;
  /** The monolith's tsconfig, when it has one: generated code type-checks the monolith's modules under it. */
  readonly tsconfig?: string;
  /** Where the facades go, e.g. `src/decouple/facade`. */
  readonly facadeDir: string;
  /**
   * Packages other parts' code needs in every service (the queue adapters' broker clients, the
   * Lambda handler's), name to exact version; added to the service's package.json.
   */
  readonly extraDependencies?: Readonly<Record<string, string>>;
  /** The same for devDependencies (the queue runtime's type packages). */
  readonly extraDevDependencies?: Readonly<Record<string, string>>;
}

export interface ImportView {
  readonly alias: string;
  readonly path: string;
}

/** What the templates of one service read. */
export interface ServiceView extends ConsumerView, QueueView {
  readonly service: ServiceName;
  readonly pascalName: string;
  readonly envName: string;
  /** Root-relative folders. */
  readonly serviceDir: string;
  readonly clientDir: string;
  /** From the service folder to the folder holding both the monolith and the service (tsconfig rootDir). */
  readonly monolithRoot: string;
  readonly operations: readonly OperationView[];
  readonly hasOperations: boolean;
  readonly components: ReturnType<typeof buildComponentsSchema>;
  readonly versions: typeof RUNTIME_VERSIONS;
  /** package.json `dependencies` and `devDependencies` as JSON text, sorted by name. */
  readonly dependenciesJson: string;
  readonly devDependenciesJson: string;
  readonly tsconfigExtends: string | null;
  readonly setup: { readonly importPath: string; readonly export: string; readonly teardown: string | null } | null;
  readonly testEnv: readonly { readonly name: string; readonly value: string }[];
  /** The monolith modules the client (types only) and the facade import, each under an alias. */
  readonly clientImports: readonly ImportView[];
  readonly facadeImports: readonly ImportView[];
  readonly facadeClientImport: string;
}

/** Turns a contract into the view its templates read (pure); module paths become import specifiers from where each file lands. */
export function buildServiceView(contract: ServiceContract, layout: OutputLayout, generate: Config["generate"]): ServiceView {
  assertSafeRelativePath(contract.service, "service name");
  const service = contract.service;
  const serviceDir = `${layout.out}/${service}`;
  const clientDir = `${layout.out}/clients/${service}`;
  const facadeFile = `${layout.facadeDir}/${service}.ts`;
  const operations = servableOperations(contract);
  const modules = [...new Set(operations.map((operation) => operation.module))].sort();
  const aliases: ModuleAliases = new Map(modules.map((module, index) => [module, `m${index}`]));
  const importsFrom = (file: string): ImportView[] => modules.map((module, index) => ({ alias: `m${index}`, path: importSpecifier(file, module, layout.root) }));
  const operationViews = operations.map((operation) => buildOperationView(operation, `${serviceDir}/src/routes/route.ts`, aliases, layout.root));
  return {
    service,
    pascalName: toPascalCase(service),
    envName: toEnvName(service),
    serviceDir,
    clientDir,
    monolithRoot: relativeFrom(`${serviceDir}/tsconfig.json`, commonAncestor(layout.out), layout.root),
    operations: operationViews,
    ...buildConsumerView(contract, operationViews),
    ...buildQueueView(contract),
    hasOperations: operations.length > 0,
    components: buildComponentsSchema(contract),
    versions: RUNTIME_VERSIONS,
    dependenciesJson: sortedJson({ ...serviceDependencies(), ...layout.extraDependencies }),
    devDependenciesJson: sortedJson({ ...serviceDevDependencies(), ...layout.extraDevDependencies }),
    tsconfigExtends: layout.tsconfig === undefined ? null : relativeFrom(`${serviceDir}/tsconfig.json`, layout.tsconfig, layout.root),
    setup:
      generate.setup === undefined
        ? null
        : {
            importPath: importSpecifier(`${serviceDir}/src/monolith.ts`, generate.setup.module, layout.root),
            export: generate.setup.export,
            teardown: generate.setup.teardown ?? null,
          },
    testEnv: Object.entries(generate.testEnv)
      .sort(compareKeys)
      .map(([name, value]) => ({ name, value })),
    clientImports: importsFrom(`${clientDir}/index.ts`),
    facadeImports: importsFrom(facadeFile),
    facadeClientImport: importSpecifier(facadeFile, `${clientDir}/index.ts`, layout.root),
  };
}

function sortedJson(entries: Readonly<Record<string, string>>): string {
  const sorted = Object.fromEntries(Object.entries(entries).sort(compareKeys));
  return JSON.stringify(sorted, null, 2).replace(/\n/g, "\n  ");
}

/**
 * Operations whose parameters and result JSON can carry. One that takes or returns a function, a
 * Map or a framework object (Express middleware) cannot be called over HTTP: it is left out of the
 * service, client and facade, and generate lists it with the reason.
 */
export function servableOperations(contract: ServiceContract): ServiceContract["operations"] {
  const unservable = new Set(contract.unexpressible.map((entry) => entry.usedIn));
  return contract.operations.filter((operation) => !unservable.has(operation.operationId));
}

/** The folder holding both the monolith root and an output folder that may lie beside it (`../generated`). */
function commonAncestor(out: string): string {
  const ups = out.split("/").filter((segment) => segment === "..").length;
  return ups === 0 ? "." : Array.from({ length: ups }, () => "..").join("/");
}
