/**
 * npm run bench:queues — per broker, messages per second and p50/p99 latency with 1 KiB payloads,
 * one publisher and one or four consumers, medians of RUNS runs: the plain client, the port with
 * no idempotency record, and the port with the record in SQLite and in PostgreSQL (the record's
 * own cost). Writes bench/results/queues.md. Uses the shared brokers and fauxqs on 127.0.0.1.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { buildApp } from "fauxqs";
import { createQueue } from "../../templates/runtime/queue/create-queue.js";
import { readQueueConfig, type QueueDriver } from "../../templates/runtime/queue/read-queue-config.js";
import { handleOnce, type IdempotencyStore } from "../../templates/runtime/queue/idempotency/handle-once.js";
import { createSqliteIdempotency } from "../../templates/runtime/queue/idempotency/sqlite-idempotency.js";
import { createPostgresIdempotency } from "../../templates/runtime/queue/idempotency/postgres-idempotency.js";
import type { MessageHandler, Queue } from "../../templates/runtime/queue/queue-port.js";
import { measureRun, median, type RunResult, type RunSetup } from "./measure-queue-run.js";
import { plainNats, plainRabbitmq, plainRedis, plainSqs, type PlainClient } from "./plain-clients.js";
import { renderQueueResults, type Row } from "./render-queue-results.js";

const runs = Number(process.env.RUNS ?? 5);
const total = Number(process.env.MESSAGES ?? 2000);
// fauxqs handles a few hundred messages a second here: fewer per run keep the whole bench near 15 minutes.
const totalFor = (driver: QueueDriver): number => (driver === "sqs" ? Math.min(total, Number(process.env.MESSAGES_SQS ?? 500)) : total);
const concurrency = 16;
const sku = "x".repeat(1000);
// The plain client sends the JSON text; the port gets the object and serialises it itself.
const body = (n: number): string => JSON.stringify({ n, sku });
const schemas = { events: { "item.added": { type: "object", properties: { n: { type: "integer" }, sku: { type: "string" } }, required: ["n"] } } };

const fauxqs = buildApp({ logger: false });
await fauxqs.listen({ port: 0, host: "127.0.0.1" });
const address = fauxqs.server.address();
const sqsEndpoint = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
Object.assign(process.env, { AWS_ACCESS_KEY_ID: "bench", AWS_SECRET_ACCESS_KEY: "bench" });
const env: Record<string, string> = {
  REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  AMQP_URL: process.env.AMQP_URL ?? "amqp://guest:guest@127.0.0.1:5672",
  NATS_URL: process.env.NATS_URL ?? "nats://127.0.0.1:4222",
  SQS_ENDPOINT: sqsEndpoint,
  SNS_ENDPOINT: sqsEndpoint,
};
const dir = mkdtempSync(join(tmpdir(), "queue-bench-"));
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test", max: 20 });
const pgSchema = `queue_bench_${process.pid}`;
await pool.query(`CREATE SCHEMA IF NOT EXISTS ${pgSchema}`);
await pool.query(`CREATE TABLE IF NOT EXISTS ${pgSchema}.effects (id text NOT NULL)`);

const plainFor = (driver: QueueDriver, name: string): Promise<PlainClient> => {
  if (driver === "redis") return plainRedis(env.REDIS_URL ?? "", name);
  if (driver === "rabbitmq") return plainRabbitmq(env.AMQP_URL ?? "", name);
  if (driver === "nats") return plainNats(env.NATS_URL ?? "", name);
  return plainSqs(sqsEndpoint, name);
};

function plainSetup(driver: QueueDriver): RunSetup {
  const name = `bench-${randomUUID().slice(0, 8)}`;
  let client: PlainClient | null = null;
  const extra: PlainClient[] = [];
  return {
    async declare() {
      client = await plainFor(driver, name);
      await client.declare();
    },
    publish: (id, n) => (client ? client.publish(id, body(n)) : Promise.reject(new Error("not declared"))),
    async startConsumers(count, handled) {
      const stops: Array<() => Promise<void>> = [];
      for (let i = 0; i < count; i++) {
        const consumer = await plainFor(driver, name);
        extra.push(consumer);
        stops.push(await consumer.consume(concurrency, (id) => handled(id)));
      }
      return async () => void (await Promise.all(stops.map((stop) => stop())));
    },
    async close() {
      await Promise.all([client, ...extra].map((c) => c?.close()));
    },
  };
}

type RecordMode = "none" | "sqlite" | "postgres";

function portSetup(driver: QueueDriver, record: RecordMode): RunSetup {
  const run = randomUUID().slice(0, 8);
  const producer = `bp-${run}`;
  const consumer = `bc-${run}`;
  const config = readQueueConfig({ ...env, QUEUE_DRIVER: driver });
  let publisher: Queue | null = null;
  const consumers: Queue[] = [];
  let store: IdempotencyStore<unknown> | null = null;
  let sqlite: Database.Database | null = null;
  return {
    async declare() {
      publisher = await createQueue({ service: producer, config, schemas });
      const declaring = await createQueue({ service: consumer, config, schemas });
      await declaring.declare({ from: producer });
      await declaring.close();
      if (record === "sqlite") {
        sqlite = new Database(join(dir, `${run}.sqlite`));
        sqlite.pragma("journal_mode = WAL");
        sqlite.exec("CREATE TABLE effects (id TEXT NOT NULL)");
        const db = sqlite;
        const sqliteStore = createSqliteIdempotency(db);
        store = { ensureTable: sqliteStore.ensureTable, runOnce: (c, id, effect) => sqliteStore.runOnce(c, id, effect) };
      }
      if (record === "postgres") {
        const pgStore = createPostgresIdempotency(pool, pgSchema);
        await pgStore.ensureTable();
        store = { ensureTable: pgStore.ensureTable, runOnce: (c, id, effect) => pgStore.runOnce(c, id, effect) };
      }
    },
    async publish(id, n) {
      await publisher?.publish("item.added", { n, sku }, { messageId: id });
    },
    async startConsumers(count, handled) {
      for (let i = 0; i < count; i++) {
        const queue = await createQueue({ service: consumer, config, schemas });
        consumers.push(queue);
        const plain: MessageHandler = async (message) => handled(message.id);
        const handler = handlerFor(record, store, consumer, handled) ?? plain;
        await queue.subscribe({ from: producer, concurrency, handler });
      }
      return async () => void (await Promise.all(consumers.map((queue) => queue.close())));
    },
    async close() {
      await publisher?.close();
      sqlite?.close();
    },
  };
}

function handlerFor(record: RecordMode, store: IdempotencyStore<unknown> | null, consumer: string, handled: (id: string) => void): MessageHandler | null {
  if (record === "none" || !store) return null;
  if (record === "sqlite") {
    // better-sqlite3 effects are synchronous: an async one would be refused and the message retried.
    return handleOnce(store, consumer, (message, tx) => {
      if (tx instanceof Database) tx.prepare("INSERT INTO effects (id) VALUES (?)").run(message.id);
      handled(message.id);
    });
  }
  return handleOnce(store, consumer, async (message, tx) => {
    if (tx instanceof pg.Client) await tx.query(`INSERT INTO ${pgSchema}.effects (id) VALUES ($1)`, [message.id]);
    handled(message.id);
  });
}

const rows: Row[] = [];
const allDrivers: QueueDriver[] = ["redis", "rabbitmq", "nats", "sqs"];
const drivers = allDrivers.filter((driver) => (process.env.DRIVERS ?? allDrivers.join(",")).split(",").includes(driver));
const allVariants: Array<{ label: string; setup: (driver: QueueDriver) => RunSetup }> = [
  { label: "plain client", setup: plainSetup },
  { label: "port, no record", setup: (d) => portSetup(d, "none") },
  { label: "port + record (SQLite)", setup: (d) => portSetup(d, "sqlite") },
  { label: "port + record (PostgreSQL)", setup: (d) => portSetup(d, "postgres") },
];
// VARIANTS=0,1 picks variants by index (plain, port, SQLite record, PostgreSQL record) while tuning.
const variants = allVariants.filter((_, index) => (process.env.VARIANTS ?? "0,1,2,3").split(",").includes(String(index)));
for (const driver of drivers) {
  for (const consumers of [1, 4]) {
    // Variants take turns run by run, so the load of a shared machine falls on all of them alike.
    const results = variants.map((): RunResult[] => []);
    for (let i = 0; i < runs; i++) {
      for (const [index, variant] of variants.entries()) results[index]?.push(await measureRun(variant.setup(driver), consumers, totalFor(driver)));
    }
    for (const [index, variant] of variants.entries()) {
      const measured = results[index] ?? [];
      const row: Row = {
        driver,
        messages: totalFor(driver),
        consumers,
        variant: variant.label,
        messagesPerSecond: median(measured.map((r) => r.messagesPerSecond)),
        p50Ms: median(measured.map((r) => r.p50Ms)),
        p99Ms: median(measured.map((r) => r.p99Ms)),
        cpuMicrosPerMessage: median(measured.map((r) => r.cpuMicrosPerMessage)),
      };
      rows.push(row);
      process.stdout.write(`${driver} x${consumers} ${variant.label}: ${row.messagesPerSecond.toFixed(0)} msg/s p50 ${row.p50Ms.toFixed(1)} ms p99 ${row.p99Ms.toFixed(1)} ms cpu ${row.cpuMicrosPerMessage.toFixed(0)} µs/msg\n`);
    }
  }
}
writeFileSync(new URL("../results/queues.md", import.meta.url), renderQueueResults(rows, { runs, total, concurrency }));
await pool.query(`DROP SCHEMA IF EXISTS ${pgSchema} CASCADE`);
await pool.end();
await fauxqs.close();
rmSync(dir, { recursive: true, force: true });
