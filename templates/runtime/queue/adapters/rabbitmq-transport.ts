import { connect, type Channel, type ConfirmChannel, type ConsumeMessage, type RecoveringChannelModel } from "amqplib";
import type { Delivery, Source, Topology, Transport, WireMessage } from "../queue-port.js";
import type { QueueConfig } from "../read-queue-config.js";

/**
 * RabbitMQ over AMQP 0-9-1. A producer's topic is a durable topic exchange (routing key = event);
 * each consuming service has a quorum queue bound to it, a quorum dead-letter queue, and one retry
 * queue per backoff delay whose TTL dead-letters messages back into the queue. Every publish waits
 * for its publisher confirm. The connection recovers by itself; channels are opened again on demand,
 * and a delivery from a channel that died is never acknowledged (the broker redelivers it).
 */
export async function createRabbitmqTransport(config: QueueConfig): Promise<Transport> {
  const model = await connect(config.amqpUrl, { recovery: { initialDelay: 100, maxDelay: 2000, initialMaxRetries: 5 } });
  model.on("error", () => undefined); // reported through failed operations; recovery reconnects
  const confirms = lazyChannel(() => model.createConfirmChannel());
  const declaredRetryQueues = new Set<string>();
  const sources = new Set<Source>();

  const send = async (exchange: string, routingKey: string, message: WireMessage, attempt: number, extra: Record<string, string> = {}): Promise<void> => {
    const channel = await confirms.get();
    await new Promise<void>((resolve, reject) => {
      channel.publish(exchange, routingKey, Buffer.from(message.body), {
        persistent: true,
        messageId: message.id,
        type: message.event,
        contentType: "application/json",
        // The id and event travel as AMQP properties; each header costs encoding on both sides.
        // The key defaults to the id: carried only when it differs.
        headers: { ...message.headers, ...extra, ...(message.key !== message.id ? { key: message.key } : {}), ...(attempt > 1 ? { "x-attempt": attempt } : {}) },
      }, (error: unknown) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve()));
    });
  };

  const retryQueue = async (topology: Topology, delayMs: number): Promise<string> => {
    const name = `${topology.queue}.retry.${delayMs}`;
    if (!declaredRetryQueues.has(name)) {
      const channel = await confirms.get();
      await channel.assertQueue(name, {
        durable: true,
        arguments: {
          "x-queue-type": "quorum",
          "x-message-ttl": delayMs,
          "x-dead-letter-exchange": "",
          "x-dead-letter-routing-key": topology.queue,
          "x-dead-letter-strategy": "at-least-once",
          "x-overflow": "reject-publish",
        },
      });
      declaredRetryQueues.add(name);
    }
    return name;
  };

  return {
    publish: (topic, message) => send(topic, message.event, message, 1),
    async declare(topology) {
      const channel = await confirms.get();
      await channel.assertExchange(topology.topic, "topic", { durable: true });
      await channel.assertQueue(topology.queue, {
        durable: true,
        arguments: { "x-queue-type": "quorum", ...(topology.ordered ? { "x-single-active-consumer": true } : {}) },
      });
      await channel.assertQueue(topology.deadLetterQueue, { durable: true, arguments: { "x-queue-type": "quorum" } });
      for (const pattern of topology.events ?? ["#"]) await channel.bindQueue(topology.queue, topology.topic, pattern);
    },
    async open(topology, prefetch) {
      const source = openSource(model, topology.queue, prefetch, {
        retry: async (message, attempt, delayMs) => send("", await retryQueue(topology, delayMs), message, attempt + 1),
        deadLetter: (message, attempt, reason) => send("", topology.deadLetterQueue, message, attempt, { "x-dead-letter-reason": reason }),
      });
      sources.add(source);
      return source;
    },
    async openDeadLetters(topology) {
      const source = openSource(model, topology.deadLetterQueue, 100, { retry: async () => undefined, deadLetter: async () => undefined });
      sources.add(source);
      return source;
    },
    async close() {
      await Promise.all([...sources].map((source) => source.close()));
      await model.close().catch(() => undefined);
    },
  };
}

interface Forward {
  retry(message: WireMessage, attempt: number, delayMs: number): Promise<void>;
  deadLetter(message: WireMessage, attempt: number, reason: string): Promise<void>;
}

function openSource(model: RecoveringChannelModel, queue: string, prefetch: number, forward: Forward): Source {
  const buffered: Array<{ channel: Channel; raw: ConsumeMessage }> = [];
  let wake: (() => void) | null = null;
  let poll: NodeJS.Timeout | null = null;
  const listening = new WeakSet<AbortSignal>();
  let closed = false;
  const consumer = lazyChannel(async () => {
    const channel = await model.createChannel();
    await channel.prefetch(prefetch);
    await channel.consume(queue, (raw) => {
      if (raw) buffered.push({ channel, raw });
      wake?.();
    });
    return channel;
  });

  const deliver = ({ channel, raw }: { channel: Channel; raw: ConsumeMessage }): Delivery => {
    const headers = raw.properties.headers ?? {};
    const message = messageOf(raw, headers);
    // Quorum queues count returns (requeue, a consumer's channel closing) in x-delivery-count.
    const attempt = (Number(headers["x-attempt"]) || 1) + (Number(headers["x-delivery-count"]) || 0);
    const ack = async (): Promise<void> => channel.ack(raw);
    return {
      message,
      attempt,
      ack,
      retry: async (delayMs) => (await forward.retry(message, attempt, delayMs), await ack()),
      deadLetter: async (reason) => (await forward.deadLetter(message, attempt, reason), await ack()),
      release: async () => channel.nack(raw, false, true),
      extend: async () => undefined,
    };
  };

  return {
    extendEveryMs: null,
    // The channel pushes up to the prefetch ahead.
    prefetched: true,
    async receive(max, signal) {
      if (closed || signal.aborted) return [];
      await consumer.get();
      if (buffered.length === 0) {
        // An idle consumer waits once per message: one abort listener per signal and one poll timer
        // per source, not a timer and a listener per wait. The poll returns [] now and then, so the
        // next receive reopens a channel that closed meanwhile (broker restart).
        if (!listening.has(signal)) {
          listening.add(signal);
          signal.addEventListener("abort", () => wake?.(), { once: true });
        }
        poll ??= setInterval(() => wake?.(), 1000);
        await new Promise<void>((resolve) => {
          wake = () => {
            wake = null;
            resolve();
          };
        });
      }
      return buffered.splice(0, max).map(deliver);
    },
    async close() {
      closed = true;
      if (poll) clearInterval(poll);
      wake?.();
      // Closing the channel returns every unacknowledged delivery to the queue.
      await consumer.close();
    },
  };
}

function messageOf(raw: ConsumeMessage, headers: Record<string, unknown>): WireMessage {
  const carried: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === "string" && !["event", "key", "message-id"].includes(name) && !name.startsWith("x-")) carried[name] = value;
    if (name === "x-dead-letter-reason" && typeof value === "string") carried[name] = value;
  }
  const id = String(raw.properties.messageId ?? headers["message-id"] ?? "");
  return {
    id,
    event: String(raw.properties.type ?? headers.event ?? ""),
    key: typeof headers.key === "string" ? headers.key : id,
    headers: carried,
    body: raw.content.toString("utf8"),
  };
}

/** One channel opened on first use and again after it closed (broker restart, channel error). */
function lazyChannel<C extends Channel | ConfirmChannel>(open: () => Promise<C>): { get(): Promise<C>; close(): Promise<void> } {
  let current: Promise<C> | null = null;
  return {
    get() {
      if (!current) {
        const opening = open();
        current = opening;
        opening.then(
          (channel) => {
            channel.on("error", () => undefined);
            channel.on("close", () => {
              if (current === opening) current = null;
            });
          },
          () => {
            if (current === opening) current = null;
          },
        );
      }
      return current;
    },
    async close() {
      const opening = current;
      current = null;
      if (opening) await (await opening).close().catch(() => undefined);
    },
  };
}
