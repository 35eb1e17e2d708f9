import { randomUUID } from "node:crypto";
import type { Backoff, Queue, QueueObserver, Subscription, Transport, WireMessage } from "./queue-port.js";
import type { QueueConfig } from "./read-queue-config.js";
import { createPayloadCheck, type EventSchemas } from "./validate-payloads.js";
import { nameTopology, topicOf } from "./name-topology.js";
import { runSubscription } from "./run-subscription.js";
import { selectTransport } from "./select-transport.js";

export interface CreateQueueOptions {
  /** This service's name: it publishes to `<service>.events` and consumes through `<service>.<producer>.events`. */
  readonly service: string;
  readonly config: QueueConfig;
  /** Payload schemas of every event it sends or receives (from contracts/asyncapi.yaml). */
  readonly schemas: EventSchemas;
  /** Producers whose events need per-key order across competing consumers (SQS FIFO, RabbitMQ single active consumer). */
  readonly orderedProducers?: readonly string[];
  /** Writes the current trace context into outgoing headers, e.g. OpenTelemetry's `propagation.inject`. */
  readonly injectTraceContext?: (carrier: Record<string, string>) => void;
  readonly observe?: QueueObserver;
  /** An already-open transport (tests, or sharing one connection); otherwise chosen by `config.driver`. */
  readonly transport?: Transport;
}

const defaultBackoff: Backoff = { initialMs: 1000, maxMs: 60_000, factor: 2 };

export async function createQueue(options: CreateQueueOptions): Promise<Queue> {
  const transport = options.transport ?? (await selectTransport(options.config));
  const check = createPayloadCheck(options.schemas);
  const observe = options.observe ?? (() => undefined);
  const ordered = (producer: string): boolean => options.orderedProducers?.includes(producer) ?? false;
  const subscriptions = new Set<Subscription>();
  const namespace = options.config.namespace ?? "";

  return {
    async publish(event, payload, publishOptions = {}) {
      const invalid = check(event, payload);
      if (invalid) throw new Error(`Not published: ${invalid}.`);
      const headers: Record<string, string> = { ...publishOptions.headers };
      options.injectTraceContext?.(headers);
      if (publishOptions.traceparent) headers.traceparent = publishOptions.traceparent;
      const id = publishOptions.messageId ?? randomUUID();
      const message: WireMessage = { id, event, key: publishOptions.key ?? id, headers, body: JSON.stringify(payload) };
      await transport.publish(topicOf(options.service, namespace), message, ordered(options.service));
      return { messageId: id };
    },
    async declare({ from, events }) {
      await transport.declare(nameTopology(options.service, from, events, ordered(from), namespace));
    },
    async subscribe(subscribe) {
      const concurrency = subscribe.concurrency ?? 8;
      const maxAttempts = subscribe.maxAttempts ?? 5;
      if (!(concurrency >= 1 && maxAttempts >= 1)) throw new Error("concurrency and maxAttempts must be at least 1.");
      const topology = nameTopology(options.service, subscribe.from, subscribe.events, ordered(subscribe.from), namespace);
      await transport.declare(topology);
      const source = await transport.open(topology, concurrency);
      const subscription = runSubscription(source, {
        handler: subscribe.handler,
        events: subscribe.events ? new Set(subscribe.events) : null,
        concurrency,
        maxAttempts,
        backoff: { ...defaultBackoff, ...subscribe.backoff },
        check,
        observe,
      });
      subscriptions.add(subscription);
      return {
        close: async () => {
          await subscription.close();
          subscriptions.delete(subscription);
        },
      };
    },
    async close() {
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      subscriptions.clear();
      if (!options.transport) await transport.close();
    },
  };
}
