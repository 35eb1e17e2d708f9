import { randomUUID } from "node:crypto";
import { createQueue, type CreateQueueOptions } from "../../../../templates/runtime/queue/create-queue.js";
import type { Queue, Transport } from "../../../../templates/runtime/queue/queue-port.js";
import { readQueueConfig, type QueueDriver } from "../../../../templates/runtime/queue/read-queue-config.js";
import type { PrivateBroker } from "./private-brokers.js";
import type { EventSchemas } from "../../../../templates/runtime/queue/validate-payloads.js";
import { rememberCreated } from "./remove-created.js";

/** What differs between adapters in the conformance suite; everything else is the same test. */
export interface Harness {
  readonly driver: QueueDriver;
  /** Environment of a service using this adapter (also given to consumer child processes). */
  env(): Record<string, string>;
  /** Consumers run as separate processes that can be killed (every broker but memory). */
  readonly crash: boolean;
  /** The broker keeps per-key order across competing consumers in an ordered topology. */
  readonly orderAcrossConsumers: boolean;
  /** The broker keeps publish order within one queue (SQS standard queues do not promise it). */
  readonly orderInQueue: boolean;
  /** A broker of the test's own that it may kill and restart (the shared ones must stay up). */
  startPrivateBroker?(dir: string): Promise<PrivateBroker>;
  /** An already-open transport shared by every queue of a test (memory: one process is the broker). */
  sharedTransport?(): Transport;
}

export const schemas: EventSchemas = {
  events: {
    "item.added": {
      type: "object",
      properties: { n: { type: "integer" }, sku: { $ref: "#/components/schemas/Sku" } },
      required: ["n"],
      additionalProperties: false,
    },
  },
  components: { Sku: { type: "string", minLength: 1 } },
};

/**
 * Service names unique to one run of one case (files run in parallel), remembered so the file's
 * `removeCreated` deletes what they made on the shared broker.
 */
export function uniqueNames(driver: string, testCase: string): { producer: string; consumer: string } {
  const run = randomUUID().slice(0, 8);
  const names = { producer: `cf-${driver}-${testCase}-${run}`, consumer: `cs-${driver}-${testCase}-${run}` };
  rememberCreated(names);
  return names;
}

export function openQueue(harness: Harness, service: string, extra: Partial<CreateQueueOptions> = {}): Promise<Queue> {
  const transport = harness.sharedTransport?.();
  return createQueue({
    service,
    config: readQueueConfig({ QUEUE_LEASE_MS: "3000", ...harness.env() }),
    schemas,
    ...(transport ? { transport } : {}),
    ...extra,
  });
}

/** Waits until `done()` holds; fails with `what` after `limitMs` (a bound on waiting, not a speed check). */
export async function waitUntil(what: string, done: () => boolean | Promise<boolean>, limitMs = 20_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`Gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** The `n` of an `item.added` payload (already validated against its schema). */
export function numberOf(payload: unknown): number {
  return typeof payload === "object" && payload !== null && "n" in payload ? Number(payload.n) : Number.NaN;
}
