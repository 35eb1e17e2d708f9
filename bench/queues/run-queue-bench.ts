/**
 * npm run bench:queues — per broker, messages per second and p50/p99 latency with 1 KiB payloads,
 * one publisher and one or four consumers, medians of RUNS runs: the plain client, the port with
 * no idempotency record, and the port with the record in SQLite and in PostgreSQL (the record's
 * own cost). Writes bench/results/queues.md. Uses the shared brokers and fauxqs on 127.0.0.1.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { buildApp } from "fauxqs";
import { createQueue } from "../../templates/runtime/queue/create-queue.js";
import { readQueueConfig, type QueueDriver } from "../../templates/runtime/queue/read-queue-config.js";
import { handleOnce } from "../../templates/runtime/queue/idempotency/handle-once.js";
import { createSqliteIdempotency } from "../../templates/runtime/queue/idempotency/sqlite-idempotency.js";
import { createPostgresIdempotency } from "../../templates/runtime/queue/idempotency/postgres-idempotency.js";
import type { MessageHandler, Queue, QueueMessage } from "../../templates/runtime/queue/queue-port.js";
import { measureRun, median, type RunResult, type RunSetup } from "./measure-queue-run.js";
import { plainNats, plainRabbitmq, plainRedis, plainSqs, type BenchNames, type PlainClient } from "./plain-clients.js";
import { removeNames } from "../../test/runtime/queue/support/remove-created.js";
import { renderQueueResults, type Row } from "./render-queue-results.js";

// The 1-minute load average before and after: the machine is shared, and the figures move with it.
const loadBefore = loadavg()[0] ?? Number.NaN;
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
await pool.query(`CREATE TABLE IF NOT EXISTS ${pgSchema}.effects (run text NOT NULL, id text NOT NULL)`);

const plainFor = (driver: QueueDriver, names: BenchNames): Promise<PlainClient> => {
  if (driver === "redis") return plainRedis(env.REDIS_URL ?? "", names);
  if (driver === "rabbitmq") return plainRabbitmq(env.AMQP_URL ?? "", names);
  if (driver === "nats") return plainNats(env.NATS_URL ?? "", names);
  return plainSqs(sqsEndpoint, names);
};

/** Each run's own names; its streams, queues and exchanges are deleted after it (fauxqs's go with it at the end). */
function benchNames(): BenchNames {
  const run = randomUUID().slice(0, 8);
  return { producer: `bp-${run}`, consumer: `bc-${run}` };
}

function plainSetup(driver: QueueDriver): RunSetup {
  const name = benchNames();
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
        // A plain handler parses its payload too, as the port's handler gets it parsed.
        stops.push(
          await consumer.consume(concurrency, (id, text) => {
            const payload: unknown = JSON.parse(text);
            if (typeof payload === "object" && payload !== null) handled(id);
          }),
        );
      }
      return async () => void (await Promise.all(stops.map((stop) => stop())));
    },
    async close() {
      await Promise.all([client, ...extra].map((c) => c?.close()));
      await removeNames(driver, env, [name]);
    },
  };
}

type RecordMode = "none" | "sqlite" | "postgres";

function portSetup(driver: QueueDriver, record: RecordMode): RunSetup {
  const names = benchNames();
  const { producer, consumer } = names;
  const config = readQueueConfig({ ...env, QUEUE_DRIVER: driver });
  let publisher: Queue | null = null;
  const consumers: Queue[] = [];
  let sqlite: Database.Database | null = null;
  // The handler's effect with its idempotency record, per mode; `handled` is told after the commit.
  let recordOnce: ((message: QueueMessage) => Promise<void>) | null = null;
  let countEffects: () => Promise<number> = async () => Number.NaN;
  return {
    async declare() {
      publisher = await createQueue({ service: producer, config, schemas });
      const declaring = await createQueue({ service: consumer, config, schemas });
      await declaring.declare({ from: producer });
      await declaring.close();
      if (record === "sqlite") {
        const db = new Database(join(dir, `${consumer}.sqlite`));
        sqlite = db;
        db.pragma("journal_mode = WAL");
        db.exec("CREATE TABLE effects (id TEXT NOT NULL)");
        const insert = db.prepare("INSERT INTO effects (id) VALUES (?)");
        // better-sqlite3 effects are synchronous: an async one is refused by the store (and retried).
        recordOnce = handleOnce(createSqliteIdempotency(db), consumer, (message) => void insert.run(message.id));
        countEffects = async () => Number((db.prepare("SELECT COUNT(*) AS n FROM effects").get() as { n: number }).n);
      }
      if (record === "postgres") {
        const store = createPostgresIdempotency(pool, pgSchema);
        await store.ensureTable();
        recordOnce = handleOnce(store, consumer, async (message, tx) => {
          await tx.query(`INSERT INTO ${pgSchema}.effects (run, id) VALUES ($1, $2)`, [consumer, message.id]);
        });
        countEffects = async () => Number((await pool.query(`SELECT COUNT(*) AS n FROM ${pgSchema}.effects WHERE run = $1`, [consumer])).rows[0]?.n);
      }
    },
    async publish(id, n) {
      await publisher?.publish("item.added", { n, sku }, { messageId: id });
    },
    async startConsumers(count, handled) {
      const once = recordOnce;
      const handler: MessageHandler = once
        ? async (message) => {
            await once(message);
            handled(message.id);
          }
        : async (message) => handled(message.id);
      for (let i = 0; i < count; i++) {
        const queue = await createQueue({ service: consumer, config, schemas });
        consumers.push(queue);
        await queue.subscribe({ from: producer, concurrency, handler });
      }
      return async () => void (await Promise.all(consumers.map((queue) => queue.close())));
    },
    async effects() {
      return record === "none" ? null : countEffects();
    },
    async close() {
      await publisher?.close();
      sqlite?.close();
      await removeNames(driver, env, [names]);
    },
  };
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
  for (const consumers of (process.env.CONSUMERS ?? "1,4").split(",").map(Number)) {
    // Variants take turns run by run, so the load of a shared machine falls on all of them alike.
    const results = variants.map((): RunResult[] => []);
    for (let i = 0; i < runs; i++) {
      for (const [index, variant] of variants.entries()) {
        try {
          results[index]?.push(await measureRun(variant.setup(driver), consumers, totalFor(driver)));
        } catch (error) {
          // A stalled or wrong run ends the bench with where and why (open connections would keep it alive).
          process.stderr.write(`${driver} x${consumers} ${variant.label}, run ${i + 1}: ${error instanceof Error ? error.message : String(error)}\n`);
          process.exit(2);
        }
      }
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
const loadAfter = loadavg()[0] ?? Number.NaN;
writeFileSync(new URL("../results/queues.md", import.meta.url), renderQueueResults(rows, { runs, total, concurrency, load: [loadBefore, loadAfter] }));
await pool.query(`DROP SCHEMA IF EXISTS ${pgSchema} CASCADE`);
await pool.end();
await fauxqs.close();
rmSync(dir, { recursive: true, force: true });
