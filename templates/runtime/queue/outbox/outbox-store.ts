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
