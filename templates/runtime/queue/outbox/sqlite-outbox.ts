import { randomUUID } from "node:crypto";
import type BetterSqlite3 from "better-sqlite3";

import { outboxRowValues, outboxTable, type OutboxEvent, type OutboxRow, type OutboxStore } from "./outbox-store.js";

type Database = BetterSqlite3.Database;

/** An event as the monolith records it, in the transaction that changes its state. */
export type { OutboxEvent, OutboxRow } from "./outbox-store.js";
export { outboxTable };

/** Creates the outbox tables (apart from any outbox the monolith already has) if missing. */
export function ensureOutboxTables(db: Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${outboxTable} (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    producer TEXT,
    message_id TEXT NOT NULL UNIQUE,
    event TEXT NOT NULL,
    key TEXT NOT NULL,
    payload TEXT NOT NULL,
    headers TEXT NOT NULL,
    created_at TEXT NOT NULL,
    published_at TEXT
  );
  CREATE INDEX IF NOT EXISTS ${outboxTable}_unpublished ON ${outboxTable} (seq) WHERE published_at IS NULL;
  CREATE TABLE IF NOT EXISTS ${outboxTable}_lock (name TEXT PRIMARY KEY, owner TEXT NOT NULL, lease_until INTEGER NOT NULL);`);
  // A table made before events named their producer gains the column; its rows relay as before (null).
  const columns = db.prepare(`PRAGMA table_info(${outboxTable})`).all();
  if (!columns.some((column) => typeof column === "object" && column !== null && "name" in column && column.name === "producer")) {
    db.exec(`ALTER TABLE ${outboxTable} ADD COLUMN producer TEXT`);
  }
}

/**
 * Records an event; call it inside the transaction of the state change (`db.transaction(...)`), so
 * both commit or neither does. Returns the message id the consumers will see.
 */
export function addOutboxEvent(db: Database, event: OutboxEvent): string {
  const messageId = event.messageId ?? randomUUID();
  db.prepare(`INSERT INTO ${outboxTable} (producer, message_id, event, key, payload, headers, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
    ...outboxRowValues(event, messageId),
    new Date().toISOString(),
  );
  return messageId;
}

/** One relay at a time publishes, in `seq` order (so per-key order survives); a dead relay's lease runs out. */
export function acquireRelayLease(db: Database, owner: string, leaseMs: number): boolean {
  const now = Date.now();
  const result = db
    .prepare(
      `INSERT INTO ${outboxTable}_lock (name, owner, lease_until) VALUES ('relay', ?, ?)
       ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until
       WHERE ${outboxTable}_lock.owner = excluded.owner OR ${outboxTable}_lock.lease_until < ?`,
    )
    .run(owner, now + leaseMs, now);
  return result.changes === 1;
}

export function readUnpublished(db: Database, limit: number): OutboxRow[] {
  const rows: OutboxRow[] = [];
  const statement = db.prepare(
    `SELECT seq, producer, message_id, event, key, payload, headers FROM ${outboxTable} WHERE published_at IS NULL ORDER BY seq LIMIT ?`,
  );
  for (const row of statement.all(limit)) {
    if (typeof row !== "object" || row === null) continue;
    const record: Record<string, unknown> = Object.fromEntries(Object.entries(row));
    const value = (name: string): unknown => record[name];
    rows.push({
      seq: Number(value("seq")),
      producer: typeof value("producer") === "string" ? String(value("producer")) : null,
      messageId: String(value("message_id")),
      event: String(value("event")),
      key: String(value("key")),
      payload: String(value("payload")),
      headers: String(value("headers")),
    });
  }
  return rows;
}

export function markPublished(db: Database, seq: number): void {
  db.prepare(`UPDATE ${outboxTable} SET published_at = ? WHERE seq = ?`).run(new Date().toISOString(), seq);
}

/** The relay's view of a SQLite outbox. */
export function sqliteOutboxStore(db: Database): OutboxStore {
  return {
    acquireLease: async (owner, leaseMs) => acquireRelayLease(db, owner, leaseMs),
    readUnpublished: async (limit) => readUnpublished(db, limit),
    markPublished: async (seq) => markPublished(db, seq),
  };
}
