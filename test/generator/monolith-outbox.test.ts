import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Database as SqliteDatabase } from "better-sqlite3";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";
import { removeCreated, rememberCreated } from "../runtime/queue/support/remove-created.js";
import { waitUntil } from "../runtime/queue/support/harness.js";
import { spawnConsumer } from "../runtime/queue/support/spawn-consumer.js";
import { copyLegacyShop, SHOP_CONTRACTS } from "./support/legacy-shop-copy.js";
import { notificationHandlers } from "./support/notification-handlers.js";
import { startService, type RunningService } from "./support/start-service.js";

/**
 * The monolith's side of an event, as `generate` writes it into legacy-shop's tree: the order
 * facade's recordOrderPlaced / recordOrderShipped write into decouple_outbox inside the shop's own
 * transaction (its db/database.ts and repositories, SQLite), the generated relay
 * (src/decouple/outbox/relay.ts) publishes through the queue port on Redis, and the generated
 * notification service consumes with its idempotency record in PostgreSQL. The relay is SIGKILLed
 * after a commit before the publish, and after a publish before the row is marked: each event has
 * one effect after it restarts.
 */
const databaseUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const schema = `monolith_outbox_${process.pid}_${randomUUID().slice(0, 8)}`;
const namespace = `mo-${randomUUID().slice(0, 8)}`;
const queueEnv = { QUEUE_DRIVER: "redis", REDIS_URL: redisUrl, QUEUE_NAMESPACE: namespace, QUEUE_LEASE_MS: "3000" };
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const redis = new Redis(redisUrl);
let shop: ReturnType<typeof copyLegacyShop>;
let notification: RunningService | undefined;

// The shop's own modules and the generated ones, loaded from the scratch copy.
interface ShopModules {
  database: { openDatabase(file: string): unknown; closeDatabase(): void; transaction<T>(fn: () => T): T; db(): SqliteDatabase };
  orders: { insertOrder(order: object): void; findOrderById(id: string): { status: string } | null; updateOrderStatus(id: string, status: string): void };
  auth: { register(input: { email: string; password: string; name: string }): { customer: { id: string } } };
  facade: {
    recordOrderPlaced(tx: SqliteDatabase, payload: unknown, options?: { key?: string; messageId?: string }): string;
    recordOrderShipped(tx: SqliteDatabase, payload: unknown, options?: { key?: string; messageId?: string }): string;
  };
  outbox: { prepareOutbox(db: SqliteDatabase): void };
}
let shopModules: ShopModules;
let shopDb: string;

beforeAll(async () => {
  shop = copyLegacyShop();
  const generated = await runCli("generate", path.join(shop.root, "decouple.boundaries.json"), "--contracts", SHOP_CONTRACTS);
  expect(generated.code, generated.stderr).toBe(0);
  // legacy-shop has better-sqlite3 but not the queue runtime's other packages: generate names them.
  expect(generated.stdout).toContain("The outbox and its relay (src/decouple/outbox) run in the monolith on the queue runtime: add @aws-sdk/client-sns@");
  expect(generated.stdout).not.toMatch(/[ ,]better-sqlite3@/);
  fs.writeFileSync(path.join(shop.root, "services/notification/src/event-handlers.ts"), notificationHandlers);
  await pool.query(`CREATE SCHEMA ${schema}`);
  await pool.query(`CREATE TABLE ${schema}.notifications_sent (message_id text NOT NULL, event text NOT NULL, payload jsonb NOT NULL, traceparent text)`);
  process.env.SHOP_LOG_LEVEL = "silent";
  const load = async <K extends keyof ShopModules>(file: string): Promise<ShopModules[K]> => import(path.join(shop.root, file));
  shopModules = {
    database: await load<"database">("src/db/database.ts"),
    orders: await load<"orders">("src/repositories/order-repository.ts"),
    auth: await load<"auth">("src/services/auth-service.ts"),
    facade: await load<"facade">("src/decouple/facade/order.ts"),
    outbox: await load<"outbox">("src/decouple/outbox/record-event.ts"),
  };
  shopDb = path.join(shop.root, "shop.sqlite");
  shopModules.database.openDatabase(shopDb);
  // Where the shop migrates its database, the user adds the outbox's tables once.
  shopModules.outbox.prepareOutbox(shopModules.database.db());
}, 120_000);

afterAll(async () => {
  await notification?.stop();
  await removeCreated("redis", queueEnv);
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.end();
  redis.disconnect();
  shopModules?.database.closeDatabase();
  shop?.remove();
});

const address = { name: "Ada", line1: "1 Loop Street", city: "Berlin", postalCode: "10115", country: "DE" };
function newOrder(customerId: string): { id: string; customerId: string; totalCents: number } & Record<string, unknown> {
  const id = `ord_${randomUUID().slice(0, 8)}`;
  const line = { productId: "prd_001", sku: "BK-001", name: "Refactoring Legacy Code", quantity: 2, unitPriceCents: 3999, lineTotalCents: 7998, weightGrams: 900 };
  return { id, customerId, subtotalCents: 7998, discountCents: 0, shippingCents: 0, totalCents: 7998, couponCode: null, shippingAddress: address, lines: [line] };
}
const outboxRows = (where = "1 = 1"): number => {
  const row: unknown = shopModules.database.db().prepare(`SELECT COUNT(*) AS n FROM decouple_outbox WHERE ${where}`).get();
  return typeof row === "object" && row !== null && "n" in row ? Number(row.n) : Number.NaN;
};

/** The consumer group has read the stream's last entry and holds none unacknowledged. */
async function groupCaughtUp(stream: string, group: string): Promise<boolean> {
  const groups: unknown = await redis.xinfo("GROUPS", stream);
  const info = (Array.isArray(groups) ? groups : [])
    .map((fields: unknown[]) => Object.fromEntries(fields.flatMap((value, index) => (index % 2 === 0 ? [[String(value), fields[index + 1]]] : []))))
    .find((fields) => fields.name === group);
  const last = (await redis.xrevrange(stream, "+", "-", "COUNT", 1))[0]?.[0];
  return info !== undefined && info.pending === 0 && info["last-delivered-id"] === last;
}

describe("the monolith's transactional outbox, generated into legacy-shop", () => {
  it("writes nothing when the shop's transaction rolls back, refuses a payload its AsyncAPI schema refuses, and a record outside a transaction", () => {
    const { database, orders, auth, facade } = shopModules;
    const customerId = auth.register({ email: `rollback-${namespace}@example.com`, password: "correct horse battery", name: "Ada" }).customer.id;
    const order = newOrder(customerId);
    const placed = { orderId: order.id, customerId, totalCents: order.totalCents, itemCount: 2, placedAt: "2026-01-01T00:00:00.000Z" };
    expect(() =>
      database.transaction(() => {
        orders.insertOrder(order);
        facade.recordOrderPlaced(database.db(), placed, { key: order.id });
        throw new Error("card declined");
      }),
    ).toThrow("card declined");
    expect(orders.findOrderById(order.id)).toBeNull();
    expect(outboxRows()).toBe(0);
    // A payload the contract does not allow fails the transaction before anything is written.
    expect(() =>
      database.transaction(() => {
        orders.insertOrder(order);
        facade.recordOrderPlaced(database.db(), { ...placed, totalCents: "a lot" }, { key: order.id });
      }),
    ).toThrow(/Not recorded: payload of "order.placed" \/totalCents must be number/);
    expect(orders.findOrderById(order.id)).toBeNull();
    expect(() => facade.recordOrderPlaced(database.db(), placed)).toThrow(/inside the transaction/);
    expect(outboxRows()).toBe(0);
  });

  it("delivers each committed event once although the relay was SIGKILLed after the commit and after the publish", async () => {
    const { database, orders, auth, facade } = shopModules;
    rememberCreated({ producer: "order", consumer: "notification", namespace });
    notification = await startService(path.join(shop.root, "services/notification"), {
      ...queueEnv,
      DATABASE_URL: `${databaseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
      SHOP_DB_FILE: ":memory:",
      SHOP_JOBS_ENABLED: "false",
      SHOP_LOG_LEVEL: "silent",
      LOG_LEVEL: "warn",
    });
    const relayEnv = { ...queueEnv, DECOUPLE_OUTBOX_DB: shopDb, DECOUPLE_OUTBOX_POLL_MS: "50", DECOUPLE_OUTBOX_LEASE_MS: "1000" };
    // The generated relay with a hold at one step: what a crash there leaves behind.
    const drill = path.join(shop.root, "relay-drill.ts");
    fs.writeFileSync(
      drill,
      `import { openOutboxRelay } from "./src/decouple/outbox/open-relay.js";
const say = (line: Record<string, unknown>) => void process.stdout.write(JSON.stringify(line) + "\\n");
await openOutboxRelay(process.env, {
  onStep: async (step, row) => {
    say({ type: step, id: row.messageId });
    if (step === process.env.HANG_AT && row.messageId === process.env.HANG_ID) await new Promise(() => undefined);
  },
});
`,
    );
    const topic = `${namespace}.order.events`;
    const customerId = auth.register({ email: `crash-${namespace}@example.com`, password: "correct horse battery", name: "Ada" }).customer.id;
    const order = newOrder(customerId);
    const placedId = `${namespace}-placed`;
    const shippedId = `${namespace}-shipped`;
    const placed = { orderId: order.id, customerId, totalCents: order.totalCents, itemCount: 2, placedAt: "2026-01-01T00:00:00.000Z" };

    // The shop's transaction: the order and its event commit together.
    database.transaction(() => {
      orders.insertOrder(order);
      facade.recordOrderPlaced(database.db(), placed, { key: order.id, messageId: placedId });
    });
    // Killed after the commit, before the publish: nothing reached the broker, the row waits.
    const first = spawnConsumer({ ...relayEnv, HANG_AT: "publishing", HANG_ID: placedId }, drill);
    await waitUntil("the relay about to publish order.placed", () => first.lines.some((l) => l.type === "publishing" && l.id === placedId), 30_000);
    await first.kill();
    expect(await redis.xlen(topic)).toBe(0);
    expect(outboxRows("published_at IS NULL")).toBe(1);

    // The next state change; this relay publishes both, and is killed after the broker acknowledged
    // order.shipped but before its row was marked: that event goes out again on restart.
    database.transaction(() => {
      orders.updateOrderStatus(order.id, "shipped");
      facade.recordOrderShipped(database.db(), { orderId: order.id, customerId, carrier: "DHL", trackingNumber: "T1" }, { key: order.id, messageId: shippedId });
    });
    const second = spawnConsumer({ ...relayEnv, HANG_AT: "published", HANG_ID: shippedId }, drill);
    await waitUntil("the relay published order.shipped", () => second.lines.some((l) => l.type === "published" && l.id === shippedId), 30_000);
    await second.kill();
    expect(outboxRows("published_at IS NULL")).toBe(1);

    // The relay as deployed: src/decouple/outbox/relay.ts, started again.
    const relay = spawnConsumer(relayEnv, path.join(shop.root, "src/decouple/outbox/relay.ts"));
    await waitUntil("every row marked published", () => outboxRows("published_at IS NULL") === 0, 30_000);
    // order.shipped reached the broker twice, under one message id.
    expect(await redis.xlen(topic)).toBe(3);
    const rows = async () => (await pool.query(`SELECT message_id, event, payload FROM ${schema}.notifications_sent ORDER BY message_id`)).rows;
    await waitUntil("both events handled", async () => (await rows()).length >= 2, 30_000);
    // The duplicate handled too (the group read all three entries and acknowledged them), with no second effect.
    await waitUntil("all three entries acknowledged", () => groupCaughtUp(topic, `${namespace}.notification.order.events`), 30_000);
    const records = async () => (await pool.query(`SELECT consumer, message_id FROM ${schema}.decouple_processed_messages ORDER BY message_id`)).rows;
    expect(await rows()).toEqual([
      { message_id: placedId, event: "order.placed", payload: placed },
      { message_id: shippedId, event: "order.shipped", payload: { orderId: order.id, customerId, carrier: "DHL", trackingNumber: "T1" } },
    ]);
    expect(await records()).toEqual([placedId, shippedId].map((id) => ({ consumer: "notification", message_id: id })));
    expect(orders.findOrderById(order.id)?.status).toBe("shipped");

    // SIGTERM: the relay finishes what it publishes and exits cleanly.
    const exited = new Promise<number | null>((resolve) => relay.child.once("exit", (code) => resolve(code)));
    relay.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(await notification.stop()).toBe(0);
    notification = undefined;
  }, 120_000);
});
