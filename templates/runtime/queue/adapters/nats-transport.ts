import { connect, headers as natsHeaders, nanos } from "@nats-io/transport-node";
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, StorageType, type JsMsg } from "@nats-io/jetstream";
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
    h.set("message-id", message.id);
    h.set("event", message.event);
    h.set("key", message.key);
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
    async open(topology, prefetch) {
      return openSource(js, streamName(topology.topic), streamName(topology.queue), config.leaseMs, prefetch, (message, attempt, reason) =>
        send(deadLetterSubject(topology), message, `${message.id}:dlq`, { "x-dead-letter-reason": reason, "x-attempt": String(attempt) }),
      );
    },
    async openDeadLetters(topology) {
      const stream = streamName(topology.deadLetterQueue);
      const durable = `${stream}_reader`;
      if (!(await jsm.consumers.info(stream, durable).catch(() => null))) {
        await jsm.consumers.add(stream, { durable_name: durable, ack_policy: AckPolicy.Explicit, ack_wait: nanos(config.leaseMs) });
      }
      return openSource(js, stream, durable, config.leaseMs, 100, async () => undefined);
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

function openSource(
  js: ReturnType<typeof jetstream>,
  stream: string,
  durable: string,
  leaseMs: number,
  prefetch: number,
  deadLetter: DeadLetter,
): Source {
  const buffered: JsMsg[] = [];
  let wake: (() => void) | null = null;
  let makeSpace: (() => void) | null = null;
  let closed = false;
  const messages = js.consumers.get(stream, durable).then((consumer) => consumer.consume({ max_messages: prefetch }));
  // Pull as the handlers free up: the iterator pauses while the buffer is full, so the client holds
  // about `prefetch` messages, and keeps their ack timers from running out while they wait.
  const pumping = messages.then(async (iterator) => {
    for await (const msg of iterator) {
      buffered.push(msg);
      wake?.();
      while (buffered.length >= prefetch && !closed) await new Promise<void>((resolve) => (makeSpace = resolve));
      if (closed) break;
    }
  });
  pumping.catch(() => undefined);
  const keepAlive = setInterval(() => buffered.forEach((msg) => msg.working()), Math.floor(leaseMs / 3));

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
  return {
    extendEveryMs: Math.floor(leaseMs / 3),
    async receive(max, signal) {
      if (closed || signal.aborted) return [];
      await messages;
      if (buffered.length === 0) {
        await new Promise<void>((resolve) => {
          const done = (): void => (clearTimeout(timer), (wake = null), resolve());
          const timer = setTimeout(done, 1000);
          wake = done;
          signal.addEventListener("abort", done, { once: true });
        });
      }
      const taken = buffered.splice(0, max);
      makeSpace?.();
      return taken.map(deliver);
    },
    async close() {
      closed = true;
      clearInterval(keepAlive);
      makeSpace?.();
      (await messages.catch(() => null))?.stop();
      for (const msg of buffered.splice(0)) msg.nak();
    },
  };
}

function messageOf(msg: JsMsg): WireMessage {
  const carried: Record<string, string> = {};
  let id = "";
  let event = "";
  let key = "";
  for (const [name, values] of msg.headers ?? []) {
    const value = values[0] ?? "";
    if (name === "message-id") id = value;
    else if (name === "event") event = value;
    else if (name === "key") key = value;
    else if (!name.startsWith("Nats-") && name !== "x-attempt") carried[name] = value;
  }
  return { id, event, key, headers: carried, body: msg.string() };
}
