import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { runCli } from "../support/run-cli.js";
import { removeCreated, rememberCreated } from "../runtime/queue/support/remove-created.js";
import { waitUntil } from "../runtime/queue/support/harness.js";
import { copyLegacyShop, SHOP_CONTRACTS } from "./support/legacy-shop-copy.js";
import { startService, type RunningService } from "./support/start-service.js";
import { notificationHandlers as userHandlers } from "./support/notification-handlers.js";

/**
 * A generated legacy-shop service's event through a real broker: the generated order service's
 * queue (src/queue.ts) publishes order.placed, the generated notification service, started as
 * `npm start` starts it, consumes it through src/queue.ts and src/consumers.ts into its
 * src/event-handlers.ts, whose body the test writes as a user would (decouple writes that file once
 * and leaves it to the user), with the idempotency record in the service's PostgreSQL database.
 */
const databaseUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const schema = `queue_round_trip_${process.pid}_${randomUUID().slice(0, 8)}`;
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
let shop: ReturnType<typeof copyLegacyShop>;

interface GeneratedQueueModule {
  openQueue(env: NodeJS.ProcessEnv): Promise<{ publish(event: string, payload: unknown, options?: { key?: string; messageId?: string; traceparent?: string }): Promise<{ messageId: string }>; close(): Promise<void> }>;
}

beforeAll(async () => {
  shop = copyLegacyShop();
  const generated = await runCli("generate", path.join(shop.root, "decouple.boundaries.json"), "--contracts", SHOP_CONTRACTS);
  expect(generated.code, generated.stderr).toBe(0);
  fs.writeFileSync(path.join(shop.root, "services/notification/src/event-handlers.ts"), userHandlers);
  await pool.query(`CREATE SCHEMA ${schema}`);
  await pool.query(`CREATE TABLE ${schema}.notifications_sent (message_id text NOT NULL, event text NOT NULL, payload jsonb NOT NULL, traceparent text)`);
}, 120_000);

afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.end();
  shop?.remove();
});

const brokers = [
  { driver: "rabbitmq", env: { QUEUE_DRIVER: "rabbitmq", AMQP_URL: process.env.AMQP_URL ?? "amqp://guest:guest@127.0.0.1:5672" } },
  { driver: "redis", env: { QUEUE_DRIVER: "redis", REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" } },
] as const;

describe.each(brokers)("a generated legacy-shop event through $driver", ({ driver, env }) => {
  // Its own names on the shared broker: `<namespace>.order.events`, `<namespace>.notification.order.events`.
  const namespace = `rt-${driver}-${randomUUID().slice(0, 8)}`;
  const serviceEnv = { ...env, QUEUE_NAMESPACE: namespace, QUEUE_LEASE_MS: "3000" };
  let notification: RunningService | undefined;
  afterAll(async () => {
    await notification?.stop();
    await removeCreated(driver, env);
  });

  it("goes from the order service's publisher to the notification service's handler once, checked against the AsyncAPI schema", async () => {
    rememberCreated({ producer: "order", consumer: "notification", namespace });
    notification = await startService(path.join(shop.root, "services/notification"), {
      ...serviceEnv,
      // The service's own database: here a schema of the test database, through search_path.
      DATABASE_URL: `${databaseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
      SHOP_DB_FILE: ":memory:",
      SHOP_JOBS_ENABLED: "false",
      SHOP_LOG_LEVEL: "silent",
      LOG_LEVEL: "warn",
    });
    const orderQueue: GeneratedQueueModule = await import(path.join(shop.root, "services/order/src/queue.ts"));
    const publisher = await orderQueue.openQueue({ ...process.env, ...serviceEnv });
    const orderId = `ord-${driver}`;
    const placed = { orderId, customerId: "cus_1", totalCents: 4200, itemCount: 2, placedAt: "2026-01-01T00:00:00.000Z" };
    const traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    // The same message id twice is what a redelivery looks like to the consumer: one effect.
    const messageId = `${namespace}-placed`;
    await publisher.publish("order.placed", placed, { key: orderId, messageId, traceparent });
    await publisher.publish("order.placed", placed, { key: orderId, messageId, traceparent });
    const shipped = await publisher.publish("order.shipped", { orderId, customerId: "cus_1", carrier: "DHL", trackingNumber: "T1" }, { key: orderId });
    // The generated schemas refuse what the contract does not allow, before anything is sent.
    await expect(publisher.publish("order.placed", { ...placed, totalCents: "a lot" }, { key: orderId })).rejects.toThrow(/totalCents must be number/);
    await publisher.close();

    const rows = async () => (await pool.query(`SELECT message_id, event, payload, traceparent FROM ${schema}.notifications_sent WHERE payload->>'orderId' = $1`, [orderId])).rows;
    await waitUntil("both events handled", async () => (await rows()).length >= 2, 30_000);
    // A moment for a second effect of the duplicate to show, were there one.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const handled = await rows();
    expect(handled.map((row) => row.message_id).sort()).toEqual([messageId, shipped.messageId].sort());
    expect(handled.find((row) => row.message_id === messageId)).toMatchObject({ event: "order.placed", payload: placed, traceparent });
    const records = await pool.query(`SELECT consumer, message_id FROM ${schema}.decouple_processed_messages WHERE message_id = ANY($1) ORDER BY message_id`, [[messageId, shipped.messageId]]);
    expect(records.rows).toEqual([messageId, shipped.messageId].sort().map((id) => ({ consumer: "notification", message_id: id })));

    // What arrived is valid against the notification service's contracts/asyncapi.yaml (draft-07 schemas).
    const asyncapi = parseYaml(fs.readFileSync(path.join(shop.root, "services/notification/contracts/asyncapi.yaml"), "utf8"));
    const ajv = new Ajv({ strict: false });
    const messages = Object.values(asyncapi.components.messages as Record<string, { name: string; payload: { $ref: string } }>);
    for (const row of handled) {
      const payloadRef = messages.find((message) => message.name === row.event)?.payload.$ref;
      expect(payloadRef, row.event).toMatch(/^#\/components\/schemas\//);
      // The document's own components as the root, so its `#/components/schemas/...` refs resolve.
      const validate = ajv.compile({ $ref: payloadRef, components: { schemas: asyncapi.components.schemas } });
      expect(validate(row.payload), `${row.event}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }

    // SIGTERM: the generated main.ts closes the queue (finishing what it holds) and exits cleanly.
    expect(await notification.stop()).toBe(0);
    notification = undefined;
  }, 90_000);
});
