/**
 * The deploy files of the services `generate` writes: per service a Dockerfile (and the ignore
 * file BuildKit reads beside it), a docker-compose.yml for local work, and an AWS CDK app with a
 * shared stack and one stack per service (Fargate or Lambda).
 *
 *   planDeployFiles(contracts: readonly ServiceContract[], options: PlanDeployOptions): PlannedDeployFile[]
 *
 * - `options.root` / `options.outDir`: absolute paths of the monolith's root and of generate's
 *   output folder (inside the root: images build from the root).
 * - `options.runtime`: `"fargate"` (default) or `"lambda"`; the CLI's `--runtime`.
 * - `options.templates`: generate's template set (`readTemplates()`, overrides applied); with it the
 *   planner reads no file. Without it, `options.templatesDir` (a folder laid out like
 *   `templates/`, `deploy/<name>.hbs` there wins) and the built-in templates are read.
 * - `options.services[name]`: how that service's image builds and starts, and its first settings.
 * Returned paths are forward-slash and relative to `outDir`, sorted. Pure when given `templates`. `once` marks deploy/deploy.config.json: the user's file, written only when absent
 * and never replaced, not even by --force (generate's PlannedFile has the same field). With `runtime: "lambda"` each service also
 * gets `src/lambda.ts`, which needs `lambdaServiceDependencies()` in its package.json.
 */
import { basename } from "node:path";
import type { ServiceContract } from "../service-contract.js";
import { LAMBDA_SERVICE_DEPENDENCIES } from "./deploy-defaults.js";
import { deriveDeployTopology } from "./derive-deploy-topology.js";
import { planCdkFiles } from "./plan-cdk-files.js";
import { planComposeFiles } from "./plan-compose-files.js";
import { resolveDeployLayout, type DeployRuntime, type PlanDeployOptions } from "./plan-deploy-options.js";
import { planDockerFiles } from "./plan-docker-files.js";
import { renderDeployTemplate } from "./render-deploy-template.js";
import { compareStrings } from "../../model/compare-strings.js";

export type { DeployRuntime, DeployServiceSettings, LocalQueueDriver, PlanDeployOptions } from "./plan-deploy-options.js";

/** The shape of generate's PlannedFile, but with paths relative to the output folder. */
export interface PlannedDeployFile {
  /** Forward-slash path relative to generate's output folder. */
  readonly path: string;
  readonly content: string;
  /** Written only when missing; the user owns it from then on (deploy.config.json). */
  readonly once?: boolean;
}

export function planDeployFiles(contracts: readonly ServiceContract[], options: PlanDeployOptions): PlannedDeployFile[] {
  const layout = resolveDeployLayout(options.root, options.outDir);
  const { services } = deriveDeployTopology(contracts);
  const runtime = options.runtime ?? "fargate";
  const port = options.port ?? 3000;
  const appName = options.appName ?? basename(options.root);
  const settings = options.services ?? {};
  const source = { templates: options.templates, templatesDir: options.templatesDir };
  const files = [
    ...planDockerFiles(services, layout, settings, port, source),
    ...planComposeFiles(services, layout, {
      driver: options.localQueueDriver ?? "rabbitmq",
      port,
      projectName: appName.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^[^a-z0-9]+/, "") || "decouple",
      source,
    }),
    ...planCdkFiles(services, layout, { runtime, appName, port, settings, source }),
  ];
  if (runtime === "lambda") {
    for (const service of services) {
      files.push({
        path: `${service.name}/src/lambda.ts`,
        content: renderDeployTemplate("lambda/lambda.ts", { service }, source),
      });
    }
  }
  return files.sort((a, b) => compareStrings(a.path, b.path));
}

/** Dependencies each generated service's package.json needs for the runtime (exact versions). */
export function deployServiceDependencies(runtime: DeployRuntime): Readonly<Record<string, string>> {
  return runtime === "lambda" ? LAMBDA_SERVICE_DEPENDENCIES : {};
}
