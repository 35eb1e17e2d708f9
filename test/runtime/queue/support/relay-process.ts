/** The monolith's outbox relay as its own process, so a test can SIGKILL it at a chosen step. */
import Database from "better-sqlite3";
import pg from "pg";
import { createQueue } from "../../../../templates/runtime/queue/create-queue.js";
import { readQueueConfig } from "../../../../templates/runtime/queue/read-queue-config.js";
import { startOutboxRelay } from "../../../../templates/runtime/queue/outbox/run-outbox-relay.js";
import { postgresOutboxStore } from "../../../../templates/runtime/queue/outbox/postgres-outbox.js";
import { sqliteOutboxStore } from "../../../../templates/runtime/queue/outbox/sqlite-outbox.js";
import { schemas } from "./harness.js";

const env = process.env;
const say = (line: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify(line)}\n`);
// OUTBOX_PG_URL (and OUTBOX_SCHEMA): the PostgreSQL outbox; otherwise the SQLite file OUTBOX_DB.
const store = env.OUTBOX_PG_URL
  ? postgresOutboxStore(new pg.Pool({ connectionString: env.OUTBOX_PG_URL, max: 2 }), env.OUTBOX_SCHEMA)
  : (() => {
      const db = new Database(env.OUTBOX_DB ?? "");
      db.pragma("busy_timeout = 10000");
      return sqliteOutboxStore(db);
    })();
const queue = await createQueue({ service: env.PRODUCER ?? "", config: readQueueConfig(env), schemas });
startOutboxRelay({
  store,
  queue,
  pollMs: 50,
  leaseMs: 1000,
  onStep: async (step, row) => {
    say({ type: step, id: row.messageId });
    if (step === env.HANG_AT && row.messageId === env.HANG_ID) await new Promise(() => undefined);
  },
});
say({ type: "ready" });
