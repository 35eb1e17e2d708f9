import type { Config } from "../model/config.js";
import type { DeployRuntime } from "./deploy/plan-deploy-files.js";
import { buildServiceView, type OutputLayout, type ServiceView } from "./build-service-view.js";
import type { PlannedFile } from "./generation-plan.js";
import { relativeFrom } from "./name-forms.js";
import { planContractDocuments } from "./plan-contract-documents.js";
import { planDeploy } from "./plan-deploy-step.js";
import { planTemplateFolder } from "./plan-template-files.js";
import type { TemplateSet } from "./read-templates.js";
import type { ServiceContract } from "./service-contract.js";
import { compareStrings } from "../model/compare-strings.js";

/** Where the strangler-fig facades go in the monolith, relative to its root. */
export const FACADE_DIR = "src/decouple/facade";
/** Where the monolith's transactional outbox and its relay go, and the queue runtime they use. */
export const OUTBOX_DIR = "src/decouple/outbox";
export const MONOLITH_QUEUE_RUNTIME_DIR = "src/decouple/runtime/queue";
/** The routing file the facades re-read: which service's calls go remote. */
export const ROUTING_FILE = "decouple.routing.json";

export interface PlanInput {
  readonly contracts: readonly ServiceContract[];
  readonly layout: Omit<OutputLayout, "facadeDir">;
  readonly generate: Config["generate"];
  readonly templates: TemplateSet;
  readonly deploy: DeployInput;
}

/** What the deploy step needs besides the contracts. */
export interface DeployInput {
  readonly runtime: DeployRuntime;
  /** Absolute paths of the monolith's root and the output folder (images build from the folder holding both). */
  readonly rootDir: string;
  readonly outDir: string;
  /** Every service of the boundaries file is generated (no --service): the shared deploy files are planned too. */
  readonly allServices: boolean;
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

const EVENT_HANDLERS = "src/event-handlers.ts";

const planServices: PlanStep = ({ views, templates }) =>
  views.flatMap((view) => [
    // The event handlers to wire by hand only exist for a service that consumes events.
    ...planTemplateFolder(templates, { from: "service/", to: view.serviceDir, context: view, include: (target) => target !== EVENT_HANDLERS || view.consumedEvents.length > 0 }),
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

/**
 * The monolith's side of the events that cross a boundary: the outbox the facades' `record…`
 * functions write in the caller's transaction, the relay that publishes it, and the queue runtime
 * they run on (without the consumers' idempotency stores). Only when some service publishes events.
 */
const planMonolithOutbox: PlanStep = ({ views, templates }) => {
  const producers = views.filter((view) => view.recordedEvents.length > 0);
  if (producers.length === 0) return [];
  const consumerOnly = (target: string): boolean => target.startsWith("idempotency/") || target === "versions.json";
  // One schema file per producer, so `--service` regenerates its own and leaves the others alone.
  const perService = (target: string): boolean => target.includes("[service]");
  return [
    ...producers.flatMap((view) => planTemplateFolder(templates, { from: "outbox/", to: OUTBOX_DIR, context: view, include: perService })),
    ...planTemplateFolder(templates, { from: "outbox/", to: OUTBOX_DIR, context: {}, include: (target) => !perService(target) }),
    ...planTemplateFolder(templates, { from: "runtime/queue/", to: MONOLITH_QUEUE_RUNTIME_DIR, context: {}, include: (target) => !consumerOnly(target) }),
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

export const PLAN_STEPS: readonly PlanStep[] = [planServices, planContractDocuments, planClients, planFacades, planMonolithOutbox, planRoutingFile, planDeploy];

/** The whole plan (pure): every file generate wants, sorted by path. */
export function planGeneration(input: PlanInput, steps: readonly PlanStep[] = PLAN_STEPS): PlannedFile[] {
  const views = input.contracts.map((contract) => buildServiceView(contract, { ...input.layout, facadeDir: FACADE_DIR }, input.generate));
  const files = steps.flatMap((step) => step({ ...input, views }));
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) throw new Error(`two generated files share the path ${file.path}`);
    seen.add(file.path);
  }
  return files.sort((a, b) => compareStrings(a.path, b.path));
}
