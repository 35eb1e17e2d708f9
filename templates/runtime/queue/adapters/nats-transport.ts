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
      return openSource(js, stream, durable, config.leaseMs, 16, async () => undefined);
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

function openSource(js: ReturnType<typeof jetstream>, stream: string, durable: string, leaseMs: number, prefetch: number, deadLetter: DeadLetter): Source {
  // Up to `prefetch` (the subscription's concurrency) messages held at once, counting those in
  // handlers, those waiting in the client and those asked for (as RabbitMQ's prefetch counts
  // unacknowledged ones): a busy consumer takes nothing its idle rival could handle. Within that
  // window pulls overlap: a new one as soon as a quarter of the window is free, so messages are on the way
  // while the last ones are handled (no round trip between batches). Each pull ends on its own
  // (filled, or after a second), so close() stops asking and waits for the open pulls to end,
  // giving back (nak) what they bring: nothing is left sent to a subscription that is gone,
  // waiting out its ack wait, and nothing unhandled is acknowledged.
  let consumer: Promise<Consumer> | null = null;
  const abortedOf = new WeakMap<AbortSignal, Promise<null>>();
  const buffered: JsMsg[] = [];
  let requested = 0;
  let inHand = 0;
  const pulls = new Set<Promise<void>>();
  let failure: { readonly error: unknown } | null = null;
  let wake: (() => void) | null = null;
  let closed = false;
  /** Wakes a receive waiting for messages or for room in the window. */
  const arrived = (): void => {
    const waiting = wake;
    wake = null;
    waiting?.();
  };

  const deliver = (msg: JsMsg): Delivery => {
    const message = messageOf(msg);
    const attempt = msg.info.deliveryCount;
    inHand += 1;
    // Settled once, however: its slot in the window frees and the next pull may start.
    let settled = false;
    const settle = async (work: () => Promise<void> | void): Promise<void> => {
      try {
        await work();
      } finally {
        if (!settled) {
          settled = true;
          inHand -= 1;
          pullMore();
          arrived();
        }
      }
    };
    return {
      message,
      attempt,
      ack: () => settle(async () => void (await msg.ackAck())),
      retry: (delayMs) => settle(() => msg.nak(delayMs)),
      deadLetter: (reason) => settle(async () => (await deadLetter(message, attempt, reason), void (await msg.ackAck()))),
      release: () => settle(() => msg.nak()),
      extend: async () => msg.working(),
    };
  };
  const pullMore = (): void => {
    if (closed || failure) return;
    const wanted = prefetch - inHand - buffered.length - requested;
    if (wanted < Math.ceil(prefetch / 4)) return;
    requested += wanted;
    const pulling: Promise<void> = (async () => {
      let got = 0;
      try {
        // Looked up once (a round trip), not per pull; looked up again after a pull failed.
        consumer ??= js.consumers.get(stream, durable);
        const batch = await (await consumer).fetch({ max_messages: wanted, expires: 1000 });
        for await (const msg of batch) {
          got += 1;
          requested -= 1;
          if (closed) msg.nak();
          else buffered.push(msg);
          arrived();
        }
      } catch (error) {
        // Heartbeats missed while the server held messages back, a reconnect: the next receive says so and pulls again.
        failure = { error };
        consumer = null;
      } finally {
        requested -= wanted - got;
      }
    })().finally(() => {
      pulls.delete(pulling);
      arrived();
    });
    pulls.add(pulling);
  };

  return {
    extendEveryMs: Math.floor(leaseMs / 3),
    // Messages are on the way or waiting in the client: each freed slot takes one at once.
    prefetched: true,
    async receive(max, signal) {
      // One abort listener per signal, not one per wait.
      let aborted = abortedOf.get(signal);
      if (!aborted) {
        aborted = new Promise<null>((resolve) => signal.addEventListener("abort", () => resolve(null), { once: true }));
        abortedOf.set(signal, aborted);
      }
      while (!closed && !signal.aborted) {
        if (failure) {
          const { error } = failure;
          failure = null;
          throw error;
        }
        if (buffered.length > 0) {
          const deliveries = buffered.splice(0, max).map(deliver);
          pullMore();
          return deliveries;
        }
        pullMore();
        // Woken by a message, a pull that ended (empty after a second: then pull again), or a slot
        // of the window freed. Never a turn without a wait: that would starve the acks' I/O.
        await Promise.race([new Promise<void>((resolve) => (wake = resolve)), aborted]);
      }
      return [];
    },
    async close() {
      closed = true;
      arrived();
      for (const msg of buffered.splice(0)) msg.nak();
      // The open pulls end within their second; what they still bring is given back as it comes.
      await Promise.allSettled([...pulls]);
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
