import type { OperationView } from "./build-operation-view.js";
import type { ServiceContract } from "./service-contract.js";

/** A command this service serves, delivered by queue: dispatched through its own validated route. */
export interface ConsumedCommandView {
  readonly name: string;
  readonly method: string;
  readonly url: string;
  /** JSON arrays of the payload fields that go in the path, the query and the body. */
  readonly pathFields: string;
  readonly queryFields: string;
  readonly bodyFields: string;
}

/** An event (or a command it does not serve) this service handles: its handler is the user's to wire. */
export interface ConsumedEventView {
  readonly name: string;
  readonly kind: "event" | "command";
  readonly producers: string;
  /** Where the monolith emits it and registers its handlers today (`file:line`). */
  readonly locations: readonly string[];
}

export interface ConsumerView {
  readonly consumedCommands: readonly ConsumedCommandView[];
  readonly consumedEvents: readonly ConsumedEventView[];
  readonly consumesMessages: boolean;
}

/**
 * What the service's queue consumer dispatches (pure): each message its contract says it handles.
 * A command named like one of its served operations goes through that route (same validation,
 * errors and telemetry as over HTTP); anything else goes to a handler in src/event-handlers.ts.
 */
export function buildConsumerView(contract: ServiceContract, operations: readonly OperationView[]): ConsumerView {
  const consumed = contract.events.filter((event) => event.consumers.includes(contract.service));
  const served = new Map(operations.map((operation) => [operation.operationId, operation]));
  const fields = (list: readonly { readonly name: string }[]): string => JSON.stringify(list.map((argument) => argument.name));
  const consumedCommands = consumed.flatMap((event): ConsumedCommandView[] => {
    const operation = event.kind === "command" ? served.get(event.name) : undefined;
    if (operation === undefined) return [];
    return [
      {
        name: event.name,
        method: operation.httpMethod,
        url: operation.fastifyPath,
        pathFields: fields(operation.pathArguments),
        queryFields: fields(operation.queryArguments),
        bodyFields: fields(operation.bodyArguments),
      },
    ];
  });
  const commandNames = new Set(consumedCommands.map((command) => command.name));
  const consumedEvents = consumed
    .filter((event) => !commandNames.has(event.name))
    .map((event) => ({ name: event.name, kind: event.kind, producers: event.producers.join(", "), locations: event.locations }));
  return { consumedCommands, consumedEvents, consumesMessages: consumed.length > 0 };
}
