import type { OutboxRow, OutboxStore } from "../runtime/queue/outbox/outbox-store.js";
import { startOutboxRelay } from "../runtime/queue/outbox/run-outbox-relay.js";
import { createQueue } from "../runtime/queue/create-queue.js";
import type { Queue } from "../runtime/queue/queue-port.js";
import { readQueueConfig } from "../runtime/queue/read-queue-config.js";
import type { EventSchemas } from "../runtime/queue/validate-payloads.js";

export interface MonolithRelayOptions {
  readonly onError?: (error: unknown) => void;
  /** Called around each publish (a crash drill stops the relay there). */
  readonly onStep?: (step: "publishing" | "published", row: OutboxRow) => Promise<void>;
}

export interface MonolithRelay {
  /** Finishes the publish under way, then closes the queues and the database connection. */
  stop(): Promise<void>;
}

/**
 * The monolith's outbox relay: reads committed rows of decouple_outbox in DECOUPLE_OUTBOX_DB (a
 * `postgres://` URL, or the path of a SQLite file) and publishes each through the queue port on
 * its producer's `<producer>.events` (checked against events/<producer>.ts), on the QUEUE_DRIVER
 * broker (docs/queues.md). A row is marked
 * only after the broker acknowledged it: a relay killed in between publishes it again under the
 * same message id when it (or another) starts, and consumers' idempotency records drop the copy.
 */
export async function openOutboxRelay(env: NodeJS.ProcessEnv = process.env, options: MonolithRelayOptions = {}): Promise<MonolithRelay> {
  const target = env.DECOUPLE_OUTBOX_DB;
  if (target === undefined || target === "") throw new Error("Set DECOUPLE_OUTBOX_DB to the monolith's database: a postgres:// URL or a SQLite file.");
  const database = /^postgres(ql)?:\/\//.test(target) ? await openPostgres(target, env.DECOUPLE_OUTBOX_SCHEMA) : await openSqlite(target);
  const config = readQueueConfig(env);
  // One queue per producer, opened at its first row: its events go to `<producer>.events`.
  const queues = new Map<string, Promise<Queue>>();
  const queueOf = (row: OutboxRow): Promise<Queue> => {
    const producer = row.producer ?? "";
    let queue = queues.get(producer);
    if (!queue) {
      queue = loadSchemas(producer, row).then((schemas) => createQueue({ service: producer, config, schemas }));
      // A failed open is tried again at the next poll; the relay stops at this row until then.
      queue.catch(() => queues.delete(producer));
      queues.set(producer, queue);
    }
    return queue;
  };
  const relay = startOutboxRelay({
    store: database.store,
    queue: queueOf,
    pollMs: positive(env.DECOUPLE_OUTBOX_POLL_MS, 200),
    leaseMs: positive(env.DECOUPLE_OUTBOX_LEASE_MS, 30_000),
    onError: options.onError ?? ((error) => process.stderr.write(`${JSON.stringify({ level: "error", msg: "outbox relay", error: String(error) })}\n`)),
    ...(options.onStep === undefined ? {} : { onStep: options.onStep }),
  });
  return {
    async stop() {
      await relay.stop();
      await Promise.all([...queues.values()].map((queue) => queue.then((open) => open.close(), () => undefined)));
      await database.close();
    },
  };
}

/**
 * The producer's event schemas, from the file generate wrote beside this one. A row whose producer
 * has none (a service renamed since) stops the relay there, with the reason, rather than letting
 * later rows overtake it.
 */
async function loadSchemas(producer: string, row: OutboxRow): Promise<EventSchemas> {
  const missing = (why: string): Error => new Error(`outbox row ${row.seq} (${row.event}) names producer "${producer}": ${why}. Regenerate, or remove the row.`);
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(producer)) throw missing("not a service name");
  const module: unknown = await import(`./events/${producer}.js`).catch(() => null);
  const schemas = typeof module === "object" && module !== null && "EVENT_SCHEMAS" in module ? module.EVENT_SCHEMAS : undefined;
  if (!isEventSchemas(schemas)) throw missing(`src/decouple/outbox/events/${producer}.ts is missing`);
  return schemas;
}

function isEventSchemas(value: unknown): value is EventSchemas {
  return typeof value === "object" && value !== null && "events" in value && typeof value.events === "object" && value.events !== null;
}

interface OutboxDatabase {
  readonly store: OutboxStore;
  close(): Promise<void>;
}

async function openPostgres(url: string, schema: string | undefined): Promise<OutboxDatabase> {
  const { default: pg } = await import("pg");
  const { ensurePostgresOutboxTables, postgresOutboxStore } = await import("../runtime/queue/outbox/postgres-outbox.js");
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  await ensurePostgresOutboxTables(pool, schema);
  return { store: postgresOutboxStore(pool, schema), close: () => pool.end() };
}

async function openSqlite(file: string): Promise<OutboxDatabase> {
  const { default: Database } = await import("better-sqlite3");
  const { ensureOutboxTables, sqliteOutboxStore } = await import("../runtime/queue/outbox/sqlite-outbox.js");
  const db = new Database(file, { fileMustExist: true });
  // The monolith writes to the same file: wait for its transactions instead of failing.
  db.pragma("busy_timeout = 10000");
  ensureOutboxTables(db);
  return { store: sqliteOutboxStore(db), close: async () => void db.close() };
}

function positive(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value !== undefined && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}
