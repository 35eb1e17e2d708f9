import { planDeployFiles } from "./deploy/plan-deploy-files.js";
import type { PlannedFile } from "./generation-plan.js";
import type { PlanStep } from "./plan-generation.js";

/**
 * The deploy files (deploy/plan-deploy-files.ts): each service's Dockerfile (and, on Lambda, its
 * entry), docker-compose.yml and the CDK app, moved under the output folder. The shared files
 * describe every service, so generating only some (--service) leaves them as they are.
 * `deploy/deploy.config.json` keeps its `once`: the user's settings, written only when missing.
 */
export const planDeploy: PlanStep = ({ contracts, layout, templates, deploy }) => {
  const services = new Set<string>(contracts.map((contract) => contract.service));
  return planDeployFiles(contracts, { root: deploy.rootDir, outDir: deploy.outDir, runtime: deploy.runtime, templates })
    .filter((file) => deploy.allServices || services.has(file.path.split("/")[0] ?? ""))
    .map((file): PlannedFile => ({ path: `${layout.out}/${file.path}`, content: file.content, ...(file.once === true ? { once: true } : {}) }));
};
