/**
 * The queue port: what a generated service's publishers and consumers see. Every broker adapter
 * implements `Transport` below; `createQueue` adds the semantics they share (validation, retry with
 * backoff, dead-lettering, concurrency, per-key order inside one process, graceful shutdown), so a
 * service moves between brokers by changing `QUEUE_DRIVER` only.
 */

export type Headers = Readonly<Record<string, string>>;

/** A message as a handler sees it. */
export interface QueueMessage<P = unknown> {
  /** Unique per message; the idempotency record's key. Redeliveries keep it. */
  readonly id: string;
  /** The event's name from the AsyncAPI contract, e.g. `order.placed`. */
  readonly event: string;
  /** Messages with one key are handled in publish order where the broker promises it (see docs). */
  readonly key: string;
  readonly payload: P;
  /** Carried headers, `traceparent` among them (W3C trace context). */
  readonly headers: Headers;
  /** 1 on first delivery; a crash or a failed attempt counts. */
  readonly attempt: number;
}

export type MessageHandler = (message: QueueMessage) => Promise<void>;

export interface PublishOptions {
  readonly key?: string;
  readonly messageId?: string;
  readonly traceparent?: string;
  readonly headers?: Headers;
}

export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
}

export interface SubscribeOptions {
  /** The producing service: reads `<from>.events` through the queue `<service>.<from>.events`. */
  readonly from: string;
  /** Event names to handle; others on the topic are acknowledged unhandled. Default: all. */
  readonly events?: readonly string[];
  readonly handler: MessageHandler;
  /** Messages handled at once by this process (and fetched ahead: no more than this). Default 8. */
  readonly concurrency?: number;
  /** Attempts before the message goes to `<queue>.dlq`. Default 5. */
  readonly maxAttempts?: number;
  readonly backoff?: Partial<Backoff>;
}

export interface Subscription {
  /** Stop fetching, finish the messages in hand, release the unstarted ones unacknowledged. */
  close(): Promise<void>;
}

export interface Queue {
  /** Resolves once the broker has acknowledged the message; rejects otherwise. */
  publish(event: string, payload: unknown, options?: PublishOptions): Promise<{ readonly messageId: string }>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Create the subscription's queue (and dead-letter queue) without consuming: messages published after it are kept. */
  declare(options: Pick<SubscribeOptions, "from" | "events">): Promise<void>;
  close(): Promise<void>;
}

/** Observations for telemetry and tests; never required. */
export type QueueObserver = (event: QueueObservation) => void;
export type QueueObservation =
  | { readonly type: "received" | "acked" | "released"; readonly messageId: string }
  | { readonly type: "retried"; readonly messageId: string; readonly attempt: number; readonly delayMs: number }
  | { readonly type: "dead-lettered"; readonly messageId: string; readonly reason: string }
  | { readonly type: "receive-failed" | "settle-failed"; readonly error: unknown };

// ---- What an adapter implements ------------------------------------------------------------

/** A message on the wire: the payload is serialised JSON; the rest travels as broker headers. */
export interface WireMessage {
  readonly id: string;
  readonly event: string;
  readonly key: string;
  readonly headers: Headers;
  readonly body: string;
}

export interface Delivery {
  readonly message: WireMessage;
  /** Counted by the broker where it can (delivery counts); a crash counts as an attempt. */
  readonly attempt: number;
  ack(): Promise<void>;
  /** Deliver again after `delayMs` as attempt `attempt + 1`, and acknowledge this delivery. */
  retry(delayMs: number): Promise<void>;
  /** Move to the dead-letter queue, and acknowledge this delivery. */
  deadLetter(reason: string): Promise<void>;
  /** Give back unhandled, as soon as the broker allows (shutdown). */
  release(): Promise<void>;
  /** Keep the broker from redelivering while a long handler runs. */
  extend(): Promise<void>;
}

export interface Topology {
  /** `<producer>.events` */
  readonly topic: string;
  /** `<consumer>.<producer>.events` */
  readonly queue: string;
  /** `<queue>.dlq` */
  readonly deadLetterQueue: string;
  readonly events?: readonly string[];
  /** Per-key order across competing consumers, where the broker offers it (SQS FIFO, RabbitMQ single active consumer). */
  readonly ordered: boolean;
}

export interface Source {
  /** Up to `max` deliveries; waits until at least one arrives, the signal aborts, or a poll interval passes ([]). */
  receive(max: number, signal: AbortSignal): Promise<Delivery[]>;
  /** How often `extend` should be called during a handler, or null when the broker needs none. */
  readonly extendEveryMs: number | null;
  /**
   * Deliveries already wait in the client (a push consumer's prefetch, an open pull): a receive
   * costs no round trip, so the consumer loop takes each freed slot at once instead of gathering.
   */
  readonly prefetched?: boolean;
  close(): Promise<void>;
}

export interface Transport {
  publish(topic: string, message: WireMessage, ordered: boolean): Promise<void>;
  declare(topology: Topology): Promise<void>;
  open(topology: Topology, prefetch: number): Promise<Source>;
  /** Reads `<queue>.dlq` (inspection, replay); acknowledging a delivery removes it. */
  openDeadLetters(topology: Topology): Promise<Source>;
  close(): Promise<void>;
}
