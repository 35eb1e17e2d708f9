import type BetterSqlite3 from "better-sqlite3";

type Database = BetterSqlite3.Database;
import { idempotencyTable, type IdempotencyStore } from "./handle-once.js";

/**
 * SQLite through better-sqlite3. Its transactions are synchronous, so the effect must be too: an
 * `await` inside would let the transaction commit before the effect ran.
 */
export function createSqliteIdempotency(db: Database): IdempotencyStore<Database> {
  // Competing consumer processes share the file: wait for the write lock instead of failing.
  db.pragma("busy_timeout = 10000");
  const ensure = (): void => {
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${idempotencyTable} (consumer TEXT NOT NULL, message_id TEXT NOT NULL, processed_at TEXT NOT NULL, PRIMARY KEY (consumer, message_id))`,
    );
  };
  ensure();
  const insert = db.prepare(`INSERT INTO ${idempotencyTable} (consumer, message_id, processed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`);
  const run = db.transaction((consumer: string, messageId: string, effect: (tx: Database) => void | Promise<void>): boolean => {
    if (insert.run(consumer, messageId, new Date().toISOString()).changes === 0) return true;
    const result = effect(db);
    if (result instanceof Promise) {
      throw new Error("A SQLite effect must be synchronous: better-sqlite3 cannot hold a transaction across await.");
    }
    return false;
  });
  return {
    ensureTable: async () => ensure(),
    // IMMEDIATE takes the write lock first, so two consumers of one message never both get past the insert.
    runOnce: async (consumer, messageId, effect) => ({ duplicate: run.immediate(consumer, messageId, effect) }),
  };
}
