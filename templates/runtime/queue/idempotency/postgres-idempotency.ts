import type { Pool, PoolClient } from "pg";
import { idempotencyTable, type IdempotencyStore } from "./handle-once.js";

/** PostgreSQL through pg: a second consumer of the same message waits on the primary key until the first commits or rolls back. */
export function createPostgresIdempotency(pool: Pool, schema?: string): IdempotencyStore<PoolClient> {
  // No schema: the connection's search_path decides (e.g. `?options=-c search_path=payment` in DATABASE_URL).
  const table = schema === undefined ? idempotencyTable : `"${schema.replaceAll('"', '""')}".${idempotencyTable}`;
  return {
    async ensureTable() {
      await pool.query(
        `CREATE TABLE IF NOT EXISTS ${table} (consumer text NOT NULL, message_id text NOT NULL, processed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (consumer, message_id))`,
      );
    },
    async runOnce(consumer, messageId, effect) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const inserted = await client.query(`INSERT INTO ${table} (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [consumer, messageId]);
        if (inserted.rowCount === 0) {
          await client.query("ROLLBACK");
          return { duplicate: true };
        }
        await effect(client);
        await client.query("COMMIT");
        return { duplicate: false };
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
