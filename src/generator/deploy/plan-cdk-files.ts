import { DEFAULT_SERVICE_DEPLOY_CONFIG, DEPLOY_IMAGES, DEPLOY_VERSIONS, type ServiceDeployConfig } from "./deploy-defaults.js";
import { buildDeployConfigSchema } from "./build-deploy-config-schema.js";
import { toStackId, type DeployService } from "./derive-deploy-topology.js";
import type { PlannedDeployFile } from "./plan-deploy-files.js";
import type { DeployLayout, DeployRuntime, DeployServiceSettings } from "./plan-deploy-options.js";
import { renderDeployTemplate, type TemplateSource } from "./render-deploy-template.js";

/** The CDK app's source files, rendered from `templates/deploy/cdk/`; all owned by generate. */
const CDK_SOURCES = [
  ".gitignore",
  "package.json",
  "tsconfig.json",
  "cdk.json",
  "bin/app.ts",
  "src/build-app.ts",
  "src/deploy-config.ts",
  "src/shared-stack.ts",
  "src/service-stack.ts",
  "src/fargate-compute.ts",
  "src/lambda-compute.ts",
  "src/topology.ts",
];

export interface PlanCdkOptions {
  readonly runtime: DeployRuntime;
  readonly appName: string;
  readonly port: number;
  readonly settings: Readonly<Record<string, DeployServiceSettings>>;
  readonly source: TemplateSource;
}

export function planCdkFiles(services: readonly DeployService[], layout: DeployLayout, options: PlanCdkOptions): PlannedDeployFile[] {
  const appId = toStackId(options.appName);
  const data = {
    appId,
    packageName: `${options.appName.toLowerCase().replace(/[^a-z0-9-]+/g, "-")}-deploy`,
    versions: DEPLOY_VERSIONS,
    collectorImage: DEPLOY_IMAGES.otelCollector,
    defaults: DEFAULT_SERVICE_DEPLOY_CONFIG,
    topology: {
      runtime: options.runtime,
      contextFromDeploy: layout.contextFromDeploy,
      rootFromContext: layout.rootFromContext,
      outDirFromContext: layout.outDirFromContext,
      port: options.port,
      services,
    },
  };
  const files: PlannedDeployFile[] = CDK_SOURCES.map((name) => ({
    path: `deploy/${name}`,
    content: renderDeployTemplate(`cdk/${name}`, data, options.source),
  }));
  files.push(
    { path: "deploy/deploy.config.json", content: renderInitialDeployConfig(services, options.settings), once: true },
    // Regenerated with the services, so a new one gets completion in the user's file too.
    {
      path: "deploy/deploy.config.schema.json",
      content: `${JSON.stringify(buildDeployConfigSchema(services.map((service) => service.name)), null, 2)}\n`,
    },
  );
  return files;
}

/** The user's file: written on the first generate only; later services use the defaults until given a section. */
function renderInitialDeployConfig(services: readonly DeployService[], settings: Readonly<Record<string, DeployServiceSettings>>): string {
  const config = {
    $schema: "./deploy.config.schema.json",
    namePrefix: "",
    alarmEmail: "",
    natGateways: 1,
    services: Object.fromEntries(
      services.map((service) => {
        const own = settings[service.name]?.deploy ?? {};
        const d = DEFAULT_SERVICE_DEPLOY_CONFIG;
        const section: ServiceDeployConfig = {
          fargate: { ...d.fargate, ...own.fargate },
          lambda: { ...d.lambda, ...own.lambda },
          queues: { ...d.queues, ...own.queues },
          alarms: { ...d.alarms, ...own.alarms },
          environment: { ...d.environment, ...own.environment },
        };
        return [service.name, section];
      }),
    ),
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
