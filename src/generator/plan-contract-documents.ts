import { renderAsyncApi } from "./contracts/render-asyncapi.js";
import { renderOpenApi } from "./contracts/render-openapi.js";
import { servableOperations } from "./build-service-view.js";
import type { PlannedFile } from "./generation-plan.js";
import type { PlanStep } from "./plan-generation.js";

/** Where a generated service listens by default (config.ts: PORT 3000): the documents' server entry. */
const DEFAULT_SERVER_URL = "http://localhost:3000";

/**
 * Each service's contract documents, owned by the manifest like its code: `contracts/openapi.yaml`
 * (OpenAPI 3.1) with only the operations the service serves (one JSON cannot carry is left out of
 * the routes, so out of the document too), and `contracts/asyncapi.yaml` (AsyncAPI 3.0).
 */
export const planContractDocuments: PlanStep = ({ contracts, views }) =>
  contracts.flatMap((contract): PlannedFile[] => {
    const view = views.find((candidate) => candidate.service === contract.service);
    if (view === undefined) return [];
    return [
      { path: `${view.serviceDir}/contracts/openapi.yaml`, content: renderOpenApi({ ...contract, operations: servableOperations(contract) }, { serverUrl: DEFAULT_SERVER_URL }) },
      { path: `${view.serviceDir}/contracts/asyncapi.yaml`, content: renderAsyncApi(contract) },
    ];
  });
