import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { addOutboxEvent, ensureOutboxTables } from "../../../templates/runtime/queue/outbox/sqlite-outbox.js";
import { addPostgresOutboxEvent, ensurePostgresOutboxTables } from "../../../templates/runtime/queue/outbox/postgres-outbox.js";
import { createSqliteIdempotency } from "../../../templates/runtime/queue/idempotency/sqlite-idempotency.js";
import { handleOnce } from "../../../templates/runtime/queue/idempotency/handle-once.js";
import { openQueue, uniqueNames, waitUntil, type Harness } from "./support/harness.js";
import { countEffects, createEffectsTable, recordEffect } from "./support/effects.js";
import { spawnConsumer } from "./support/spawn-consumer.js";
import { removeCreated } from "./support/remove-created.js";

const relayScript = fileURLToPath(new URL("./support/relay-process.ts", import.meta.url));
const harness: Harness = {
  driver: "redis",
  env: () => ({ QUEUE_DRIVER: "redis", REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" }),
  crash: true,
  orderAcrossConsumers: false,
  orderInQueue: true,
};
const dir = mkdtempSync(join(tmpdir(), "outbox-"));
const databaseUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const pgSchema = `outbox_${process.pid}_${randomUUID().slice(0, 8)}`;
const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await removeCreated(harness.driver, harness.env());
  await pool.query(`DROP SCHEMA IF EXISTS ${pgSchema} CASCADE`);
  await pool.end();
});

/** A consumer of the monolith's events that counts deliveries and records one effect per message. */
async function subscribeOnce(effectsFile: string, monolith: string, consumer: string) {
  const effectsDb = new Database(join(dir, effectsFile));
  createEffectsTable(effectsDb);
  const deliveries = new Map<string, number>();
  const subscriber = await openQueue(harness, consumer);
  await subscriber.subscribe({
    from: monolith,
    handler: async (message) => {
      deliveries.set(message.id, (deliveries.get(message.id) ?? 0) + 1);
      await handleOnce(createSqliteIdempotency(effectsDb), consumer, (m, tx) => recordEffect(tx, m.id, m.key))(message);
    },
  });
  return { effectsDb, deliveries, subscriber };
}

describe("an outbox table made before events named their producer", () => {
  const oldShape = (table: string, seqType: string) =>
    `CREATE TABLE ${table} (seq ${seqType}, message_id text NOT NULL UNIQUE, event text NOT NULL, key text NOT NULL, payload text NOT NULL, headers text NOT NULL, created_at text NOT NULL DEFAULT 'then', published_at text)`;

  it("SQLite: gains the producer column and records into it", () => {
    const db = new Database(join(dir, "old-outbox.sqlite"));
    db.exec(oldShape("decouple_outbox", "INTEGER PRIMARY KEY AUTOINCREMENT"));
    ensureOutboxTables(db);
    ensureOutboxTables(db);
    db.transaction(() => addOutboxEvent(db, { event: "order.placed", payload: {}, producer: "order", messageId: "m1" }))();
    expect(db.prepare("SELECT producer, message_id AS id FROM decouple_outbox").all()).toEqual([{ producer: "order", id: "m1" }]);
    db.close();
  });

  it("PostgreSQL: gains the producer column and records into it", async () => {
    const schema = `${pgSchema}_old`;
    await pool.query(`CREATE SCHEMA ${schema}`);
    try {
      await pool.query(oldShape(`${schema}.decouple_outbox`, "bigserial PRIMARY KEY"));
      await ensurePostgresOutboxTables(pool, schema);
      const tx = await pool.connect();
      try {
        await addPostgresOutboxEvent(tx, { event: "order.placed", payload: {}, producer: "order", messageId: "m1" }, schema);
      } finally {
        tx.release();
      }
      expect((await pool.query(`SELECT producer, message_id AS id FROM ${schema}.decouple_outbox`)).rows).toEqual([{ producer: "order", id: "m1" }]);
    } finally {
      await pool.query(`DROP SCHEMA ${schema} CASCADE`);
    }
  });
});

describe("transactional outbox (decouple_outbox) with a relay killed mid-way", () => {
  it("delivers an event committed with the state change, once, although the relay was killed before and after publishing", async () => {
    const { producer: monolith, consumer } = uniqueNames("outbox", "relay");
    const shopPath = join(dir, "shop.sqlite");
    const shop = new Database(shopPath);
    shop.pragma("journal_mode = WAL");
    shop.exec("CREATE TABLE orders (id TEXT PRIMARY KEY, total INTEGER NOT NULL)");
    ensureOutboxTables(shop);
    const placeOrder = shop.transaction((id: string, total: number) => {
      shop.prepare("INSERT INTO orders (id, total) VALUES (?, ?)").run(id, total);
      addOutboxEvent(shop, { event: "item.added", payload: { n: total }, key: id, messageId: `event-${id}` });
    });
    // A failed transaction leaves neither the order nor its event.
    expect(() => shop.transaction(() => (placeOrder("A", 1), placeOrder("A", 2)))()).toThrow(/UNIQUE/);
    expect(shop.prepare("SELECT COUNT(*) AS n FROM decouple_outbox").get()).toEqual({ n: 0 });

    const { effectsDb, deliveries, subscriber } = await subscribeOnce("effects.sqlite", monolith, consumer);
    const env = { ...harness.env(), OUTBOX_DB: shopPath, PRODUCER: monolith };

    // Killed after the commit, before the publish: nothing reached the broker.
    placeOrder("A", 10);
    const first = spawnConsumer({ ...env, HANG_AT: "publishing", HANG_ID: "event-A" }, relayScript);
    await waitUntil("the relay about to publish A", () => first.lines.some((l) => l.type === "publishing" && l.id === "event-A"), 30_000);
    await first.kill();
    expect(deliveries.has("event-A")).toBe(false);

    // Killed after the broker acknowledged B, before the row was marked: B goes out twice.
    placeOrder("B", 20);
    const second = spawnConsumer({ ...env, HANG_AT: "published", HANG_ID: "event-B" }, relayScript);
    await waitUntil("the relay published B", () => second.lines.some((l) => l.type === "published" && l.id === "event-B"), 30_000);
    await second.kill();

    const third = spawnConsumer(env, relayScript);
    await waitUntil("B delivered twice and A once", () => deliveries.get("event-B") === 2 && deliveries.get("event-A") === 1, 30_000);
    await waitUntil("both effects committed", () => countEffects(effectsDb).size === 2);
    await third.kill();
    expect(Object.fromEntries(countEffects(effectsDb))).toEqual({ "event-A": 1, "event-B": 1 });
    expect(shop.prepare("SELECT COUNT(*) AS n FROM decouple_outbox WHERE published_at IS NULL").get()).toEqual({ n: 0 });
    await subscriber.close();
    shop.close();
    effectsDb.close();
  });

  it("PostgreSQL: delivers an event committed with the state change, once, although the relay was killed before and after publishing", async () => {
    const { producer: monolith, consumer } = uniqueNames("outbox", "pg-relay");
    await pool.query(`CREATE SCHEMA ${pgSchema}`);
    await pool.query(`CREATE TABLE ${pgSchema}.orders (id text PRIMARY KEY, total integer NOT NULL)`);
    await ensurePostgresOutboxTables(pool, pgSchema);
    const placeOrder = async (orders: Array<[string, number]>): Promise<void> => {
      const tx = await pool.connect();
      try {
        await tx.query("BEGIN");
        for (const [id, total] of orders) {
          await tx.query(`INSERT INTO ${pgSchema}.orders (id, total) VALUES ($1, $2)`, [id, total]);
          await addPostgresOutboxEvent(tx, { event: "item.added", payload: { n: total }, key: id, messageId: `event-${id}` }, pgSchema);
        }
        await tx.query("COMMIT");
      } catch (error) {
        await tx.query("ROLLBACK");
        throw error;
      } finally {
        tx.release();
      }
    };
    const unpublished = async (): Promise<number> =>
      Number((await pool.query(`SELECT COUNT(*) AS n FROM ${pgSchema}.decouple_outbox WHERE published_at IS NULL`)).rows[0]?.n);
    // A failed transaction leaves neither the order nor its event.
    await expect(placeOrder([["A", 1], ["A", 2]])).rejects.toThrow(/duplicate key/);
    expect(Number((await pool.query(`SELECT COUNT(*) AS n FROM ${pgSchema}.decouple_outbox`)).rows[0]?.n)).toBe(0);

    const { effectsDb, deliveries, subscriber } = await subscribeOnce("pg-effects.sqlite", monolith, consumer);
    const env = { ...harness.env(), OUTBOX_PG_URL: databaseUrl, OUTBOX_SCHEMA: pgSchema, PRODUCER: monolith };

    await placeOrder([["A", 10]]);
    const first = spawnConsumer({ ...env, HANG_AT: "publishing", HANG_ID: "event-A" }, relayScript);
    await waitUntil("the relay about to publish A", () => first.lines.some((l) => l.type === "publishing" && l.id === "event-A"), 30_000);
    await first.kill();
    expect(deliveries.has("event-A")).toBe(false);

    await placeOrder([["B", 20]]);
    const second = spawnConsumer({ ...env, HANG_AT: "published", HANG_ID: "event-B" }, relayScript);
    await waitUntil("the relay published B", () => second.lines.some((l) => l.type === "published" && l.id === "event-B"), 30_000);
    await second.kill();

    const third = spawnConsumer(env, relayScript);
    await waitUntil("B delivered twice and A once", () => deliveries.get("event-B") === 2 && deliveries.get("event-A") === 1, 30_000);
    await waitUntil("both effects committed", () => countEffects(effectsDb).size === 2);
    await waitUntil("both rows marked published", async () => (await unpublished()) === 0);
    await third.kill();
    expect(Object.fromEntries(countEffects(effectsDb))).toEqual({ "event-A": 1, "event-B": 1 });
    await subscriber.close();
    effectsDb.close();
  });
});
