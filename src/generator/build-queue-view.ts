import type { EventContract, JsonSchema, ServiceContract } from "./service-contract.js";
import { compareStrings as compare } from "../model/compare-strings.js";
import { toPascalCase } from "./name-forms.js";

/** One producer whose events the service reads through its queue `<service>.<producer>.events`. */
export interface EventSubscriptionView {
  readonly from: string;
  /** JSON array of the event names, sorted. */
  readonly eventsJson: string;
}

/** An event the service emits, recorded by the monolith through the facade while the code lives there. */
export interface RecordedEventView {
  readonly name: string;
  /** `order.placed` -> `recordOrderPlaced`. */
  readonly functionName: string;
  /** Where the monolith emits and handles it today (`file:line`). */
  readonly locations: readonly string[];
}

export interface QueueView {
  /** The events it consumes, by producer, sorted: what src/queue.ts subscribes. */
  readonly eventSubscriptions: readonly EventSubscriptionView[];
  /** JSON array of the events it publishes on `<service>.events`, sorted. */
  readonly publishedEventsJson: string;
  /** The port's payload schemas (the contract's, draft 2020-12) of every event it sends or receives, as JSON. */
  readonly eventSchemasJson: string;
  /** The events it publishes, as the monolith's outbox records them (facade `record…` functions). */
  readonly recordedEvents: readonly RecordedEventView[];
  /** The payload schemas of those events alone, as JSON: src/decouple/outbox/events/<service>.ts. */
  readonly outboxSchemasJson: string;
}

/**
 * What the service's queue wiring needs from its contract (pure). Events only: they travel on the
 * producer's `<producer>.events` topic, which the queue port names and reads. Commands by queue
 * (`<service>.commands`) reach src/consumers.ts through the Lambda entry; the port has no command
 * topic yet.
 */
export function buildQueueView(contract: ServiceContract): QueueView {
  const events = contract.events.filter((event) => event.kind === "event");
  const consumed = events.filter((event) => event.consumers.includes(contract.service));
  const published = events.filter((event) => event.producers.includes(contract.service));
  const byProducer = new Map<string, string[]>();
  for (const event of consumed) {
    for (const producer of event.producers) {
      if (producer !== contract.service) byProducer.set(producer, [...(byProducer.get(producer) ?? []), event.name]);
    }
  }
  const eventSubscriptions = [...byProducer.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([from, names]) => ({ from, eventsJson: JSON.stringify([...new Set(names)].sort(compare)) }));
  const carried = [...new Set([...consumed, ...published])].sort((a, b) => compare(a.name, b.name));
  const sortedPublished = [...published].sort((a, b) => compare(a.name, b.name));
  return {
    eventSubscriptions,
    publishedEventsJson: JSON.stringify(sortedPublished.map((event) => event.name)),
    eventSchemasJson: JSON.stringify(eventSchemas(carried, contract.schemas), null, 2),
    recordedEvents: sortedPublished.map((event) => ({ name: event.name, functionName: `record${toPascalCase(event.name)}`, locations: event.locations })),
    outboxSchemasJson: JSON.stringify(eventSchemas(sortedPublished, contract.schemas), null, 2),
  };
}

/** The port's schema set of some events: their payloads, and the named schemas as $defs (only those the payloads reach). */
function eventSchemas(events: readonly EventContract[], named: Readonly<Record<string, JsonSchema>>): { events: Record<string, JsonSchema>; components: Record<string, JsonSchema> } {
  const payloads: Record<string, JsonSchema> = Object.fromEntries(events.map((event) => [event.name, event.payload]));
  return { events: payloads, components: reachableSchemas(Object.values(payloads), named) };
}

/** The named schemas the given ones refer to (`#/components/schemas/X`), transitively, sorted by name. */
function reachableSchemas(roots: readonly JsonSchema[], named: Readonly<Record<string, JsonSchema>>): Record<string, JsonSchema> {
  const found = new Set<string>();
  const pending: unknown[] = [...roots];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) pending.push(...value);
    else if (value !== null && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        const name = key === "$ref" && typeof inner === "string" ? /^#\/components\/schemas\/(.+)$/.exec(inner)?.[1] : undefined;
        if (name !== undefined && !found.has(name) && named[name] !== undefined) {
          found.add(name);
          pending.push(named[name]);
        } else pending.push(inner);
      }
    }
  }
  return Object.fromEntries([...found].sort(compare).map((name) => [name, named[name] ?? true]));
}
