import { DEPLOY_IMAGES } from "./deploy-defaults.js";
import type { DeployService } from "./derive-deploy-topology.js";
import type { PlannedDeployFile } from "./plan-deploy-files.js";
import type { DeployLayout, DeployServiceSettings } from "./plan-deploy-options.js";
import { renderDeployTemplate, type TemplateSource } from "./render-deploy-template.js";

/**
 * Each service's Dockerfile and the ignore file BuildKit reads beside it. The build context is the
 * monolith's root, not the service's folder: during the strangler phase the service imports the
 * monolith's modules, which must be in the image at the same relative place.
 */
export function planDockerFiles(
  services: readonly DeployService[],
  layout: DeployLayout,
  settings: Readonly<Record<string, DeployServiceSettings>>,
  port: number,
  source: TemplateSource,
): PlannedDeployFile[] {
  return services.flatMap((service) => {
    const own = settings[service.name] ?? {};
    const serviceDir = `${layout.outDirFromContext}/${service.name}`;
    const data = {
      service,
      port,
      baseImage: DEPLOY_IMAGES.node,
      serviceDir,
      outDirFromContext: layout.outDirFromContext,
      // `shop/` when the monolith is a folder of the context; empty when it is the context.
      rootPrefix: layout.rootFromContext === "" ? "" : `${layout.rootFromContext}/`,
      rootFromContext: layout.rootFromContext,
      dockerfile: `${serviceDir}/Dockerfile`,
      contextFromService: `../${layout.contextFromOutDir}`,
      buildCommand: own.buildCommand ?? null,
      buildOutput: own.buildOutput ?? "dist",
      // tsx is a dependency of every generated service (gen-skeleton's package.json).
      startCommand: own.startCommand ?? ["node", "--import", "tsx", "src/main.ts"],
    };
    return [
      { path: `${service.name}/Dockerfile`, content: renderDeployTemplate("docker/Dockerfile", data, source) },
      {
        path: `${service.name}/Dockerfile.dockerignore`,
        content: renderDeployTemplate("docker/Dockerfile.dockerignore", data, source),
      },
    ];
  });
}
