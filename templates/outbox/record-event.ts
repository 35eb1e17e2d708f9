import { context, propagation } from "@opentelemetry/api";
import type BetterSqlite3 from "better-sqlite3";
import type { PoolClient } from "pg";
import { addPostgresOutboxEvent, ensurePostgresOutboxTables } from "../runtime/queue/outbox/postgres-outbox.js";
import { addOutboxEvent, ensureOutboxTables } from "../runtime/queue/outbox/sqlite-outbox.js";
import { createPayloadCheck, type EventSchemas } from "../runtime/queue/validate-payloads.js";

/**
 * The monolith's open transaction: a better-sqlite3 database inside `db.transaction(...)`, or the pg
 * client between BEGIN and COMMIT.
 */
export type OutboxTransaction = BetterSqlite3.Database | PoolClient;

/** The service that emits the events, and their schemas (src/decouple/outbox/events/<service>.ts). */
export interface EventSource {
  readonly producer: string;
  readonly schemas: EventSchemas;
}

export interface RecordOptions {
  /** Events with one key reach a consumer in order (the order's id, the customer's id...). */
  readonly key?: string;
  /** The id consumers deduplicate on; a new UUID by default. */
  readonly messageId?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** PostgreSQL: the schema holding decouple_outbox, when not on the connection's search_path. */
  readonly schema?: string;
}

/**
 * Creates decouple_outbox and its lease table if missing. Call it where the monolith migrates its
 * database (the relay calls it too when it starts); not inside a transaction that may roll back.
 */
export function prepareOutbox(db: BetterSqlite3.Database): void;
export function prepareOutbox(db: PoolClient, schema?: string): Promise<void>;
export function prepareOutbox(db: OutboxTransaction, schema?: string): void | Promise<void> {
  if ("prepare" in db) return ensureOutboxTables(db);
  return ensurePostgresOutboxTables(db, schema);
}

/**
 * Writes `event` into decouple_outbox through `tx`, the transaction that changes the monolith's
 * state, after checking the payload against the event's AsyncAPI schema: it commits with the
 * change or not at all, and the outbox relay publishes it on `<producer>.events` once committed.
 * Returns the message id (SQLite at once, PostgreSQL as a promise).
 */
export function recordEvent(tx: BetterSqlite3.Database, source: EventSource, event: string, payload: unknown, options?: RecordOptions): string;
export function recordEvent(tx: PoolClient, source: EventSource, event: string, payload: unknown, options?: RecordOptions): Promise<string>;
export function recordEvent(tx: OutboxTransaction, source: EventSource, event: string, payload: unknown, options?: RecordOptions): string | Promise<string>;
export function recordEvent(tx: OutboxTransaction, { producer, schemas }: EventSource, event: string, payload: unknown, options: RecordOptions = {}): string | Promise<string> {
  const invalid = createPayloadCheck(schemas)(event, payload);
  if (invalid) throw new Error(`Not recorded: ${invalid}.`);
  // The caller's trace goes with the event: the consumer's span continues it.
  const headers: Record<string, string> = { ...options.headers };
  propagation.inject(context.active(), headers);
  const row = { producer, event, payload, headers, ...(options.key === undefined ? {} : { key: options.key }), ...(options.messageId === undefined ? {} : { messageId: options.messageId }) };
  if ("prepare" in tx) {
    // Outside a transaction the event would commit alone, whatever happens to the state change.
    if (!tx.inTransaction) throw new Error(`Not recorded: record "${event}" inside the transaction of the state change (db.transaction(...)).`);
    return addOutboxEvent(tx, row);
  }
  return addPostgresOutboxEvent(tx, row, options.schema);
}
