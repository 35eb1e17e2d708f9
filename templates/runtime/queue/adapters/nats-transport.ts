import { connect, headers as natsHeaders, nanos } from "@nats-io/transport-node";
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, StorageType, type Consumer, type JsMsg } from "@nats-io/jetstream";
import type { Delivery, Source, Topology, Transport, WireMessage } from "../queue-port.js";
import type { QueueConfig } from "../read-queue-config.js";

/**
 * NATS JetStream. A producer's topic is a file-backed stream on `<topic>.>` (subject = topic + event);
 * each consuming service is a durable pull consumer with explicit acks. Publishes carry the message
 * id as `Nats-Msg-Id`, so a republish inside the duplicate window (an outbox relay after a crash)
 * is stored once. Retries are negative acknowledgements with a delay; the server counts deliveries.
 */
export async function createNatsTransport(config: QueueConfig): Promise<Transport> {
  const nc = await connect({ servers: config.natsUrl, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  const streams = new Map<string, Promise<void>>();

  const ensureStream = (name: string, subject: string): Promise<void> => {
    let ensured = streams.get(name);
    if (!ensured) {
      ensured = jsm.streams.add({ name, subjects: [subject], storage: StorageType.File }).then(
        () => undefined,
        (error: unknown) => {
          streams.delete(name);
          if (!String(error).includes("already in use")) throw error;
        },
      );
      streams.set(name, ensured);
    }
    return ensured;
  };

  const send = async (subject: string, message: WireMessage, msgID: string, extra: Record<string, string> = {}): Promise<void> => {
    const h = natsHeaders();
    for (const [name, value] of Object.entries({ ...message.headers, ...extra })) h.set(name, value);
    // The message id travels as Nats-Msg-Id (the duplicate window's key); a header only when that differs (dead letters).
    if (msgID !== message.id) h.set("message-id", message.id);
    h.set("event", message.event);
    // The key defaults to the id: carried only when it differs.
    if (message.key !== message.id) h.set("key", message.key);
    await js.publish(subject, message.body, { msgID, headers: h });
  };

  const deadLetterSubject = (topology: Topology): string => topology.deadLetterQueue;

  return {
    async publish(topic, message) {
      await ensureStream(streamName(topic), `${topic}.>`);
      await send(`${topic}.${message.event}`, message, message.id);
    },
    async declare(topology) {
      await ensureStream(streamName(topology.topic), `${topology.topic}.>`);
      await ensureStream(streamName(topology.deadLetterQueue), deadLetterSubject(topology));
      const durable = streamName(topology.queue);
      const existing = await jsm.consumers.info(streamName(topology.topic), durable).catch(() => null);
      if (existing && existing.config.ack_wait !== nanos(config.leaseMs)) {
        await jsm.consumers.update(streamName(topology.topic), durable, { ack_wait: nanos(config.leaseMs) });
      }
      if (!existing) {
        await jsm.consumers.add(streamName(topology.topic), {
          durable_name: durable,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.New,
          ack_wait: nanos(config.leaseMs),
          filter_subject: `${topology.topic}.>`,
          // One message in flight for the whole group keeps stream order across consumers.
          ...(topology.ordered ? { max_ack_pending: 1 } : {}),
        });
      }
    },
    async open(topology) {
      return openSource(js, streamName(topology.topic), streamName(topology.queue), config.leaseMs, (message, attempt, reason) =>
        send(deadLetterSubject(topology), message, `${message.id}:dlq`, { "x-dead-letter-reason": reason, "x-attempt": String(attempt) }),
      );
    },
    async openDeadLetters(topology) {
      const stream = streamName(topology.deadLetterQueue);
      const durable = `${stream}_reader`;
      if (!(await jsm.consumers.info(stream, durable).catch(() => null))) {
        await jsm.consumers.add(stream, { durable_name: durable, ack_policy: AckPolicy.Explicit, ack_wait: nanos(config.leaseMs) });
      }
      return openSource(js, stream, durable, config.leaseMs, async () => undefined);
    },
    async close() {
      await nc.drain().catch(() => undefined);
    },
  };
}

/** Stream and consumer names may not hold dots. */
function streamName(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, "_");
}

type DeadLetter = (message: WireMessage, attempt: number, reason: string) => Promise<void>;

function openSource(js: ReturnType<typeof jetstream>, stream: string, durable: string, leaseMs: number, deadLetter: DeadLetter): Source {
  // One pull at a time, sized by the free slots when it was made: a message arrives only for a slot
  // that waits for it (back-pressure), and each is handed over as soon as it arrives.
  let consumer: Promise<Consumer> | null = null;
  const abortedOf = new WeakMap<AbortSignal, Promise<null>>();
  let batch: AsyncIterator<JsMsg> | null = null;
  let pending: Promise<IteratorResult<JsMsg>> | null = null;
  let closed = false;

  const deliver = (msg: JsMsg): Delivery => {
    const message = messageOf(msg);
    const attempt = msg.info.deliveryCount;
    return {
      message,
      attempt,
      ack: async () => void (await msg.ackAck()),
      retry: async (delayMs) => msg.nak(delayMs),
      deadLetter: async (reason) => (await deadLetter(message, attempt, reason), void (await msg.ackAck())),
      release: async () => msg.nak(),
      extend: async () => msg.working(),
    };
  };
  const next = async (): Promise<IteratorResult<JsMsg> | null> => {
    if (!batch) return null;
    if (!pending) {
      pending = batch.next();
      pending.catch(() => undefined); // awaited below or by close(); never left unhandled
    }
    try {
      const result = await pending;
      if (result.done) batch = null;
      return result;
    } catch (error) {
      // A pull that failed (heartbeats missed while the server held messages back, a reconnect): start another.
      batch = null;
      consumer = null;
      throw error;
    } finally {
      pending = null;
    }
  };

  return {
    extendEveryMs: Math.floor(leaseMs / 3),
    // An open pull brings its messages as they come: asking for the next one costs nothing. A new
    // pull costs a request and a subscription: then let freed slots gather first.
    get prefetched() {
      return batch !== null;
    },
    async receive(max, signal) {
      if (closed || signal.aborted) return [];
      if (!batch) {
        // Looked up once (a round trip), not per pull; looked up again after a pull failed.
        consumer ??= js.consumers.get(stream, durable).catch((error: unknown) => {
          consumer = null;
          throw error;
        });
        batch = (await (await consumer).fetch({ max_messages: max, expires: 1000 }))[Symbol.asyncIterator]();
      }
      // One abort listener per signal, not one per message.
      let aborted = abortedOf.get(signal);
      if (!aborted) {
        aborted = new Promise<null>((resolve) => signal.addEventListener("abort", () => resolve(null), { once: true }));
        abortedOf.set(signal, aborted);
      }
      const result = await Promise.race([next(), aborted]);
      return result && !result.done ? [deliver(result.value)] : [];
    },
    async close() {
      closed = true;
      // What the open pull still brings (until it expires) goes back at once rather than after the ack wait.
      try {
        for (let result = await next(); result && !result.done; result = await next()) result.value.nak();
      } catch {
        // The pull failed: what it would have brought stays with the server.
      }
    },
  };
}

function messageOf(msg: JsMsg): WireMessage {
  const carried: Record<string, string> = {};
  let id = "";
  let natsMsgId = "";
  let event = "";
  let key = "";
  for (const [name, values] of msg.headers ?? []) {
    const value = values[0] ?? "";
    if (name === "message-id") id = value;
    else if (name === "Nats-Msg-Id") natsMsgId = value;
    else if (name === "event") event = value;
    else if (name === "key") key = value;
    else if (!name.startsWith("Nats-") && name !== "x-attempt") carried[name] = value;
  }
  const messageId = id || natsMsgId;
  return { id: messageId, event, key: key || messageId, headers: carried, body: msg.string() };
}
