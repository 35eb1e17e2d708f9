import type { JsonSchema, ServiceContract } from "./service-contract.js";
import { compareStrings as compare } from "../model/compare-strings.js";

/** One producer whose events the service reads through its queue `<service>.<producer>.events`. */
export interface EventSubscriptionView {
  readonly from: string;
  /** JSON array of the event names, sorted. */
  readonly eventsJson: string;
}

export interface QueueView {
  /** The events it consumes, by producer, sorted: what src/queue.ts subscribes. */
  readonly eventSubscriptions: readonly EventSubscriptionView[];
  /** JSON array of the events it publishes on `<service>.events`, sorted. */
  readonly publishedEventsJson: string;
  /** The port's payload schemas (the contract's, draft 2020-12) of every event it sends or receives, as JSON. */
  readonly eventSchemasJson: string;
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
  const payloads: Record<string, JsonSchema> = Object.fromEntries(carried.map((event) => [event.name, event.payload]));
  // The port compiles each payload with the named schemas as $defs: only those the payloads reach.
  const components = reachableSchemas(Object.values(payloads), contract.schemas);
  return {
    eventSubscriptions,
    publishedEventsJson: JSON.stringify(published.map((event) => event.name).sort(compare)),
    eventSchemasJson: JSON.stringify({ events: payloads, components }, null, 2),
  };
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
