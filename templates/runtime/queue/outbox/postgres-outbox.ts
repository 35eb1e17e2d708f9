import { randomUUID } from "node:crypto";
import type { Pool, PoolClient } from "pg";
import { outboxRowValues, outboxTable, type OutboxEvent, type OutboxRow, type OutboxStore } from "./outbox-store.js";

/**
 * The transactional outbox in PostgreSQL (pg), beside the SQLite one: the same table names, apart
 * from any outbox the monolith already has. Tables go to the connection's search_path unless a
 * schema is given.
 */
function qualified(schema: string | undefined, table: string): string {
  return schema === undefined ? table : `"${schema.replaceAll('"', '""')}".${table}`;
}

export async function ensurePostgresOutboxTables(db: Pool | PoolClient, schema?: string): Promise<void> {
  const table = qualified(schema, outboxTable);
  await db.query(`CREATE TABLE IF NOT EXISTS ${table} (
    seq bigserial PRIMARY KEY,
    producer text,
    message_id text NOT NULL UNIQUE,
    event text NOT NULL,
    key text NOT NULL,
    payload text NOT NULL,
    headers text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
  )`);
  // A table made before events named their producer gains the column; its rows relay as before (null).
  await db.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS producer text`);
  await db.query(`CREATE INDEX IF NOT EXISTS ${outboxTable}_unpublished ON ${table} (seq) WHERE published_at IS NULL`);
  await db.query(`CREATE TABLE IF NOT EXISTS ${qualified(schema, `${outboxTable}_lock`)} (name text PRIMARY KEY, owner text NOT NULL, lease_until bigint NOT NULL)`);
}

/**
 * Records an event through `tx`, the client of the transaction that changes the monolith's state
 * (between its BEGIN and COMMIT), so both commit or neither does. Returns the message id.
 */
export async function addPostgresOutboxEvent(tx: PoolClient, event: OutboxEvent, schema?: string): Promise<string> {
  const messageId = event.messageId ?? randomUUID();
  await tx.query(
    `INSERT INTO ${qualified(schema, outboxTable)} (producer, message_id, event, key, payload, headers) VALUES ($1, $2, $3, $4, $5, $6)`,
    outboxRowValues(event, messageId),
  );
  return messageId;
}

/**
 * The relay's view of a PostgreSQL outbox. Rows go out in `seq` order; a sequence number is taken
 * at insert, not at commit, so two transactions committing out of order can reach the relay out
 * of order (one key's events do not, when their transactions change the same row).
 */
export function postgresOutboxStore(pool: Pool, schema?: string): OutboxStore {
  const table = qualified(schema, outboxTable);
  const lock = qualified(schema, `${outboxTable}_lock`);
  return {
    async acquireLease(owner, leaseMs) {
      const now = Date.now();
      const result = await pool.query(
        `INSERT INTO ${lock} AS held (name, owner, lease_until) VALUES ('relay', $1, $2)
         ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until
         WHERE held.owner = excluded.owner OR held.lease_until < $3`,
        [owner, now + leaseMs, now],
      );
      return result.rowCount === 1;
    },
    async readUnpublished(limit) {
      const result = await pool.query(
        `SELECT seq, producer, message_id, event, key, payload, headers FROM ${table} WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
        [limit],
      );
      return result.rows.map((row: Record<string, unknown>): OutboxRow => ({
        seq: Number(row.seq),
        producer: typeof row.producer === "string" ? row.producer : null,
        messageId: String(row.message_id),
        event: String(row.event),
        key: String(row.key),
        payload: String(row.payload),
        headers: String(row.headers),
      }));
    },
    async markPublished(seq) {
      await pool.query(`UPDATE ${table} SET published_at = now() WHERE seq = $1`, [seq]);
    },
  };
}
