import { servableOperations } from "./build-service-view.js";
import { FACADE_DIR } from "./plan-generation.js";
import type { ServiceContract } from "./service-contract.js";
import type { ServiceName } from "../model/service-name.js";

/** What the callers of one API function must change to go through the facade. */
export interface CallerChange {
  readonly service: ServiceName;
  readonly operationId: string;
  readonly module: string;
  readonly usedBy: readonly ServiceName[];
  readonly facade: string;
  readonly synchronous: boolean;
}

/**
 * Every API function, with the facade its callers import instead. A function synchronous today
 * becomes async through the facade (a remote call cannot be synchronous): its callers must await
 * it, and a call made inside a synchronous database transaction has to move out of it.
 */
export function listCallerChanges(contracts: readonly ServiceContract[]): CallerChange[] {
  return contracts.flatMap((contract) =>
    servableOperations(contract).map((operation) => ({
      service: contract.service,
      operationId: operation.operationId,
      module: operation.module,
      usedBy: operation.usedBy,
      facade: `${FACADE_DIR}/${contract.service}.ts`,
      synchronous: operation.synchronous,
    })),
  );
}

/** Operations left out because JSON cannot carry a parameter or the result, with the reasons. */
export function listUnservable(contracts: readonly ServiceContract[]): { service: ServiceName; operationId: string; reasons: string[] }[] {
  return contracts.flatMap((contract) => {
    const served = new Set(servableOperations(contract).map((operation) => operation.operationId));
    return contract.operations
      .filter((operation) => !served.has(operation.operationId))
      .map((operation) => ({
        service: contract.service,
        operationId: operation.operationId,
        reasons: contract.unexpressible.filter((entry) => entry.usedIn === operation.operationId).map((entry) => `${entry.type} at ${entry.location}: ${entry.reason}`),
      }));
  });
}
