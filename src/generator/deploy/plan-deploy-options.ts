import { dirname, isAbsolute, parse, relative, resolve, sep } from "node:path";
import { UserError } from "../../model/errors.js";
import type { ServiceDeployConfig } from "./deploy-defaults.js";

export type DeployRuntime = "fargate" | "lambda";
export type LocalQueueDriver = "rabbitmq" | "redis" | "nats";

export interface PlanDeployOptions {
  /** Absolute path of the monolith's root: every image builds from there. */
  readonly root: string;
  /** Absolute path of generate's output folder: `<root>/services` by default, or beside the monolith. */
  readonly outDir: string;
  /** Where the services run on AWS; default `fargate`. */
  readonly runtime?: DeployRuntime;
  /** The broker docker-compose.yml starts for local work; default `rabbitmq`. */
  readonly localQueueDriver?: LocalQueueDriver;
  /** Generate's template set, keyed like `deploy/docker/Dockerfile.hbs`: the planner then reads no file. */
  readonly templates?: ReadonlyMap<string, string>;
  /** Without `templates`: a folder laid out like `templates/`; its `deploy/<name>.hbs` replaces the built-in one. */
  readonly templatesDir?: string;
  /** Names the CDK app and its stacks (`<appName>-Payment`); default: the root folder's name. */
  readonly appName?: string;
  /** Port every service listens on inside its container; default 3000. */
  readonly port?: number;
  /** Per service (by name): how its image builds and starts, and its first deploy.config.json values. */
  readonly services?: Readonly<Record<string, DeployServiceSettings>>;
}

export interface DeployServiceSettings {
  /**
   * Run in the service's folder in a build stage, e.g. `npm run build`; default none: a generated
   * service runs its TypeScript with tsx, the monolith's modules included.
   */
  readonly buildCommand?: string;
  /** The build's output folder inside the service's folder, copied into the image; default `dist`. */
  readonly buildOutput?: string;
  /** The container's command, run in the service's folder; default `node --import tsx src/main.ts`. */
  readonly startCommand?: readonly string[];
  /** Values of its section in the first deploy.config.json, over the defaults (section by section). */
  readonly deploy?: {
    readonly [Section in Exclude<keyof ServiceDeployConfig, "environment">]?: Partial<ServiceDeployConfig[Section]>;
  } & { readonly environment?: ServiceDeployConfig["environment"] };
}

/**
 * Forward-slash paths between the folders the deploy files refer to. The images build from the
 * nearest folder holding both the monolith's root and the output folder: the root itself in the
 * default layout (`<root>/services`), its parent when the output sits beside the monolith.
 */
export interface DeployLayout {
  /** The monolith's root inside the build context: `""` when it is the context. */
  readonly rootFromContext: string;
  /** The output folder inside the build context, e.g. `services`. */
  readonly outDirFromContext: string;
  /** The build context relative to the output folder, e.g. `..`. */
  readonly contextFromOutDir: string;
  /** The build context relative to `<outDir>/deploy`, e.g. `../..`. */
  readonly contextFromDeploy: string;
}

export function resolveDeployLayout(root: string, outDir: string): DeployLayout {
  const context = commonAncestor(resolve(root), resolve(outDir));
  const outDirFromContext = toPosix(relative(context, outDir));
  if (outDirFromContext === "" || context === parse(context).root) {
    throw new UserError(
      "DCP006",
      `the deploy files need an output folder inside the monolith's root or beside it (images build from the folder holding both): ${outDir} and ${root} share no folder but the file system's root; pass another --out`,
    );
  }
  const contextFromOutDir = outDirFromContext.split("/").map(() => "..").join("/");
  return {
    rootFromContext: toPosix(relative(context, root)),
    outDirFromContext,
    contextFromOutDir,
    contextFromDeploy: `../${contextFromOutDir}`,
  };
}

function commonAncestor(a: string, b: string): string {
  let candidate = a;
  while (relative(candidate, b).startsWith("..") || isAbsolute(relative(candidate, b))) candidate = dirname(candidate);
  return candidate;
}

function toPosix(path: string): string {
  return path.split(sep).join("/");
}
