import type { Config } from "../model/config.js";
import { buildServiceView, type OutputLayout, type ServiceView } from "./build-service-view.js";
import type { PlannedFile } from "./generation-plan.js";
import { relativeFrom } from "./name-forms.js";
import { planTemplateFolder } from "./plan-template-files.js";
import type { TemplateSet } from "./read-templates.js";
import type { ServiceContract } from "./service-contract.js";

/** Where the strangler-fig facades go in the monolith, relative to its root. */
export const FACADE_DIR = "src/decouple/facade";
/** The routing file the facades re-read: which service's calls go remote. */
export const ROUTING_FILE = "decouple.routing.json";

export interface PlanInput {
  readonly contracts: readonly ServiceContract[];
  readonly layout: Omit<OutputLayout, "facadeDir">;
  readonly generate: Config["generate"];
  readonly templates: TemplateSet;
}

/** What each step sees: the input and one view per service. */
export interface PlanContext extends PlanInput {
  readonly views: readonly ServiceView[];
}

/**
 * One step of the plan: returns the files it wants. Other parts add theirs here (contract
 * documents from the contracts writers, Dockerfiles, compose and CDK from the deploy planner).
 */
export type PlanStep = (context: PlanContext) => PlannedFile[];

const planServices: PlanStep = ({ views, templates }) =>
  views.flatMap((view) => [
    ...planTemplateFolder(templates, { from: "service/", to: view.serviceDir, context: view }),
    // Runtime code (HTTP validation and telemetry, the queue port) is copied verbatim into each service.
    ...planTemplateFolder(templates, { from: "runtime/", to: `${view.serviceDir}/src/runtime`, context: view }),
  ]);

const planClients: PlanStep = ({ views, templates }) => views.flatMap((view) => planTemplateFolder(templates, { from: "client/", to: view.clientDir, context: view }));

const planFacades: PlanStep = ({ views, templates, layout }) => {
  const context = { services: views, routingFileFromFacade: relativeFrom(`${FACADE_DIR}/routing.ts`, ROUTING_FILE), layout };
  const perService = (target: string): boolean => target.includes("[service]");
  return [
    ...views.flatMap((view) => planTemplateFolder(templates, { from: "facade/", to: FACADE_DIR, context: { ...context, ...view }, include: perService })),
    ...planTemplateFolder(templates, { from: "facade/", to: FACADE_DIR, context, include: (target) => !perService(target) }),
  ];
};

/** The routing file starts with every call in process; from then on it is the user's. */
const planRoutingFile: PlanStep = ({ views }) => [
  {
    path: ROUTING_FILE,
    once: true,
    content: `${JSON.stringify({ services: Object.fromEntries(views.map((view) => [view.service, "off"])) }, null, 2)}\n`,
  },
];

export const PLAN_STEPS: readonly PlanStep[] = [planServices, planClients, planFacades, planRoutingFile];

/** The whole plan (pure): every file generate wants, sorted by path. */
export function planGeneration(input: PlanInput, steps: readonly PlanStep[] = PLAN_STEPS): PlannedFile[] {
  const views = input.contracts.map((contract) => buildServiceView(contract, { ...input.layout, facadeDir: FACADE_DIR }, input.generate));
  const files = steps.flatMap((step) => step({ ...input, views }));
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) throw new Error(`two generated files share the path ${file.path}`);
    seen.add(file.path);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
