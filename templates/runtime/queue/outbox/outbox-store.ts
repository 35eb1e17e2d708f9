/** A committed outbox row, as the relay reads it. */
export interface OutboxRow {
  readonly seq: number;
  /** The service whose topic (`<producer>.events`) the event goes to; null when the relay has one queue. */
  readonly producer: string | null;
  readonly messageId: string;
  readonly event: string;
  readonly key: string;
  readonly payload: string;
  readonly headers: string;
}

/** Where the relay reads committed events from: the monolith's database (SQLite or PostgreSQL). */
export interface OutboxStore {
  /** One relay at a time publishes, in `seq` order (so per-key order survives); a dead relay's lease runs out. */
  acquireLease(owner: string, leaseMs: number): Promise<boolean>;
  readUnpublished(limit: number): Promise<OutboxRow[]>;
  markPublished(seq: number): Promise<void>;
}

export const outboxTable = "decouple_outbox";

/** An event to record in the caller's transaction. */
export interface OutboxEvent {
  readonly event: string;
  readonly payload: unknown;
  /** The service that emits it (a monolith with several producers relays each to `<producer>.events`). */
  readonly producer?: string;
  readonly key?: string;
  readonly messageId?: string;
  /** Headers to carry, `traceparent` among them. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** The values of a new row, in column order: producer, message_id, event, key, payload, headers. */
export function outboxRowValues(event: OutboxEvent, messageId: string): [string | null, string, string, string, string, string] {
  return [event.producer ?? null, messageId, event.event, event.key ?? messageId, JSON.stringify(event.payload), JSON.stringify(event.headers ?? {})];
}
