import type { Backoff, Delivery, MessageHandler, QueueMessage, QueueObserver, Source, Subscription } from "./queue-port.js";
import type { PayloadCheck } from "./validate-payloads.js";
import { computeBackoff } from "./name-topology.js";

export interface RunOptions {
  readonly handler: MessageHandler;
  readonly events: ReadonlySet<string> | null;
  readonly concurrency: number;
  readonly maxAttempts: number;
  readonly backoff: Backoff;
  readonly check: PayloadCheck;
  readonly observe: QueueObserver;
}

/**
 * The consumer loop every adapter shares. It asks the source for no more deliveries than it has free
 * slots (back-pressure: the rest stay in the broker), runs messages of one key one after another,
 * acknowledges only after the handler succeeded, and on close finishes what started and releases
 * the rest unacknowledged.
 */
export function runSubscription(source: Source, options: RunOptions): Subscription {
  const inflight = new Set<Promise<void>>();
  const keyTails = new Map<string, Promise<void>>();
  const abort = new AbortController();
  // One timer keeps every running handler's lease alive (Redis, NATS, SQS), not one per message.
  const running = new Set<Delivery>();
  const heartbeat = source.extendEveryMs
    ? setInterval(() => running.forEach((delivery) => void delivery.extend().catch(() => undefined)), source.extendEveryMs)
    : null;
  let stopping = false;
  let wakeLoop: (() => void) | null = null;

  const track = (work: Promise<void>): void => {
    inflight.add(work);
    void work.finally(() => {
      inflight.delete(work);
      wakeLoop?.();
    });
  };

  // A failed settle (broker gone) leaves the message unacknowledged: the broker delivers it again.
  const settle = (step: () => Promise<void>): Promise<void> =>
    step().catch((error: unknown) => options.observe({ type: "settle-failed", error }));

  const handle = async (delivery: Delivery): Promise<void> => {
    const { message, attempt } = delivery;
    const id = message.id;
    if (attempt > options.maxAttempts) {
      // Only crashes get here (a failed attempt is dead-lettered below): a message that kills its consumer.
      options.observe({ type: "dead-lettered", messageId: id, reason: `delivered ${attempt} times` });
      return settle(() => delivery.deadLetter(`delivered ${attempt} times without an acknowledgement`));
    }
    if (options.events && !options.events.has(message.event)) {
      options.observe({ type: "acked", messageId: id });
      return settle(() => delivery.ack());
    }
    let payload: unknown;
    try {
      payload = JSON.parse(message.body);
    } catch {
      return deadLetter(delivery, "body is not JSON");
    }
    const invalid = options.check(message.event, payload);
    if (invalid) return deadLetter(delivery, invalid);

    const queueMessage: QueueMessage = { id, event: message.event, key: message.key, payload, headers: message.headers, attempt };
    running.add(delivery);
    try {
      await options.handler(queueMessage);
    } catch (error) {
      if (attempt >= options.maxAttempts) return deadLetter(delivery, `failed ${attempt} times: ${String(error)}`);
      const delayMs = computeBackoff(attempt, options.backoff);
      options.observe({ type: "retried", messageId: id, attempt, delayMs });
      return settle(() => delivery.retry(delayMs));
    } finally {
      running.delete(delivery);
    }
    options.observe({ type: "acked", messageId: id });
    return settle(() => delivery.ack());
  };

  const deadLetter = (delivery: Delivery, reason: string): Promise<void> => {
    options.observe({ type: "dead-lettered", messageId: delivery.message.id, reason });
    return settle(() => delivery.deadLetter(reason));
  };

  const release = (delivery: Delivery): Promise<void> => {
    options.observe({ type: "released", messageId: delivery.message.id });
    return settle(() => delivery.release());
  };

  const start = (delivery: Delivery): void => {
    options.observe({ type: "received", messageId: delivery.message.id });
    const key = delivery.message.key;
    const previous = keyTails.get(key);
    // Same key: wait for the previous message; if shutdown came meanwhile, give this one back unstarted.
    const work = previous ? previous.then(() => (stopping ? release(delivery) : handle(delivery))) : handle(delivery);
    keyTails.set(key, work);
    void work.finally(() => {
      if (keyTails.get(key) === work) keyTails.delete(key);
    });
    track(work);
  };

  // While a backlog waits (the last fetch came back full), give freed slots 10 ms to gather before
  // fetching: a fetch per freed slot costs a fast consumer a round trip per message, and a slow
  // handler loses no more than those 10 ms. Not where deliveries already wait in the client
  // (`prefetched`): there the wait would only hold them back.
  const refillAt = Math.max(1, Math.floor(options.concurrency / 2));
  let backlog = false;
  let gatherUntil = 0;
  const slotFreed = (): Promise<void> => new Promise<void>((resolve) => (wakeLoop = resolve));
  const loop = async (): Promise<void> => {
    while (!stopping) {
      const free = options.concurrency - inflight.size;
      if (free <= 0) {
        await slotFreed();
        wakeLoop = null;
        continue;
      }
      if (backlog && free < refillAt && !source.prefetched) {
        gatherUntil ||= Date.now() + 10;
        const left = gatherUntil - Date.now();
        if (left > 0) {
          // close() wakes the loop itself: no abort listener per wait.
          await Promise.race([slotFreed(), new Promise((resolve) => setTimeout(resolve, left))]);
          wakeLoop = null;
          continue;
        }
      }
      gatherUntil = 0;
      let deliveries: Delivery[];
      try {
        deliveries = await source.receive(free, abort.signal);
        backlog = deliveries.length >= free;
      } catch (error) {
        if (stopping) break;
        options.observe({ type: "receive-failed", error });
        await sleep(500, abort.signal);
        continue;
      }
      for (const delivery of deliveries) {
        if (stopping) track(release(delivery));
        else start(delivery);
      }
    }
  };
  const looping = loop();
  let closing: Promise<void> | null = null;
  const close = async (): Promise<void> => {
    stopping = true;
    abort.abort();
    wakeLoop?.();
    await looping;
    while (inflight.size > 0) await Promise.allSettled([...inflight]);
    if (heartbeat) clearInterval(heartbeat);
    await source.close();
  };
  return { close: () => (closing ??= close()) };
}

/** Resolves after `ms` or at abort, and leaves no listener behind (a consumer sleeps many times). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
