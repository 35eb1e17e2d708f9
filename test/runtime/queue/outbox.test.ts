import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { addOutboxEvent, ensureOutboxTables } from "../../../templates/runtime/queue/outbox/sqlite-outbox.js";
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
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await removeCreated(harness.driver, harness.env());
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

    const effectsDb = new Database(join(dir, "effects.sqlite"));
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
});
