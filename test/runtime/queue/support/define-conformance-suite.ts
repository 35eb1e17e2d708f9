import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import type { QueueMessage, QueueObservation } from "../../../../templates/runtime/queue/queue-port.js";
import { createSqliteIdempotency } from "../../../../templates/runtime/queue/idempotency/sqlite-idempotency.js";
import { handleOnce } from "../../../../templates/runtime/queue/idempotency/handle-once.js";
import { deferred, openQueue, uniqueNames, waitUntil, type Harness } from "./harness.js";
import { countEffects, createEffectsTable, recordEffect } from "./effects.js";
import { spawnConsumer } from "./spawn-consumer.js";
import { createQueueTransportFor } from "./open-transport.js";
import { readQueueConfig } from "../../../../templates/runtime/queue/read-queue-config.js";
import { defineOrderingCases } from "./define-ordering-cases.js";
import { removeCreated } from "./remove-created.js";

/** The same cases against every adapter; `docs/queues.md` tables which ones apply where. */
export function defineConformanceSuite(harness: Harness): void {
  const dir = mkdtempSync(join(tmpdir(), `queue-${harness.driver}-`));
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await removeCreated(harness.driver, harness.env());
  });
  const openDb = (name: string): Database.Database => {
    const db = new Database(join(dir, `${name}.sqlite`));
    createEffectsTable(db);
    return db;
  };
  const drain = (queue: { close(): Promise<void> }) => queue.close();

  describe(`queue conformance: ${harness.driver}`, () => {
    it("delivers every acknowledged publish at least once, with its key, headers and trace context", async () => {
      const { producer, consumer } = uniqueNames(harness.driver, "delivery");
      const publisher = await openQueue(harness, producer);
      const subscriber = await openQueue(harness, consumer);
      const seen = new Map<string, QueueMessage>();
      await subscriber.subscribe({ from: producer, handler: async (message) => void seen.set(message.id, message) });
      const traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
      const ids: string[] = [];
      for (let n = 0; n < 30; n++) ids.push((await publisher.publish("item.added", { n, sku: "A-1" }, { key: `k${n % 3}`, traceparent })).messageId);
      await waitUntil("every message handled", () => ids.every((id) => seen.has(id)));
      const first = seen.get(ids[0] ?? "");
      expect(first).toMatchObject({ event: "item.added", key: "k0", payload: { n: 0, sku: "A-1" }, attempt: 1 });
      expect(first?.headers.traceparent).toBe(traceparent);
      await expect(publisher.publish("item.added", { n: "one" })).rejects.toThrow(/\/n must be integer/);
      await Promise.all([drain(subscriber), drain(publisher)]);
    });

    it("retries with backoff, then dead-letters after N failed attempts; an invalid payload goes straight there", async () => {
      const { producer, consumer } = uniqueNames(harness.driver, "dlq");
      const publisher = await openQueue(harness, producer);
      const subscriber = await openQueue(harness, consumer);
      const attempts: number[] = [];
      await subscriber.subscribe({
        from: producer,
        maxAttempts: 3,
        backoff: { initialMs: 100, factor: 2, maxMs: 1000 },
        handler: async (message) => {
          attempts.push(message.attempt);
          throw new Error(`handler failed on attempt ${message.attempt}`);
        },
      });
      const { messageId } = await publisher.publish("item.added", { n: 1 }, { key: "poison" });
      await waitUntil("three attempts", () => attempts.length >= 3);
      // A producer that skipped validation: the consumer checks the payload against the schema too.
      const { transport } = await createQueueTransportFor(harness, consumer, producer);
      await transport.publish(`${producer}.events`, { id: "invalid-1", event: "item.added", key: "bad", headers: {}, body: '{"n":"one"}' }, false);
      const deadLetters = await readDeadLetters(harness, consumer, producer, 2);
      if (!harness.sharedTransport) await transport.close();
      expect(attempts).toEqual([1, 2, 3]);
      const byId = new Map(deadLetters.map((letter) => [letter.id, letter.reason]));
      expect(byId.get(messageId)).toMatch(/failed 3 times: Error: handler failed on attempt 3/);
      expect(byId.get("invalid-1")).toMatch(/\/n must be integer/);
      await Promise.all([drain(subscriber), drain(publisher)]);
    });

    it("has one effect per message: the idempotency record commits with the effect", async () => {
      const { producer, consumer } = uniqueNames(harness.driver, "once");
      const db = openDb(consumer);
      const publisher = await openQueue(harness, producer);
      const subscriber = await openQueue(harness, consumer);
      const handled: string[] = [];
      await subscriber.subscribe({
        from: producer,
        handler: handleOnce(createSqliteIdempotency(db), consumer, (message, tx) => {
          recordEffect(tx, message.id, message.key);
          handled.push(message.id);
        }),
      });
      // The same message id twice is what a redelivery looks like to the handler.
      for (let n = 0; n < 10; n++) {
        await publisher.publish("item.added", { n }, { messageId: `m${n}` });
        await publisher.publish("item.added", { n }, { messageId: `m${n}` });
      }
      await publisher.publish("item.added", { n: 99 }, { messageId: "last" });
      await waitUntil("the last message handled", () => countEffects(db).has("last"));
      const effects = countEffects(db);
      for (let n = 0; n < 10; n++) expect(effects.get(`m${n}`)).toBe(1);
      await Promise.all([drain(subscriber), drain(publisher)]);
      db.close();
    });

    it("shares a queue between competing consumers with no loss and no double effect", async () => {
      const { producer, consumer } = uniqueNames(harness.driver, "compete");
      const db = openDb(consumer);
      const store = createSqliteIdempotency(db);
      const publisher = await openQueue(harness, producer);
      const byConsumer = [0, 0, 0];
      const consumers = await Promise.all([0, 1, 2].map(() => openQueue(harness, consumer)));
      await Promise.all(
        consumers.map((queue, index) =>
          queue.subscribe({
            from: producer,
            concurrency: 2,
            handler: handleOnce(store, consumer, (message, tx) => {
              recordEffect(tx, message.id, message.key);
              byConsumer[index] = (byConsumer[index] ?? 0) + 1;
            }),
          }),
        ),
      );
      const ids: string[] = [];
      for (let n = 0; n < 60; n++) ids.push((await publisher.publish("item.added", { n }, { key: `k${n % 7}` })).messageId);
      await waitUntil("all 60 handled", () => countEffects(db).size === 60);
      const effects = countEffects(db);
      expect(ids.every((id) => effects.get(id) === 1)).toBe(true);
      expect(byConsumer.filter((count) => count > 0).length).toBeGreaterThan(1);
      await Promise.all([...consumers.map(drain), drain(publisher)]);
      db.close();
    });

    it("applies back-pressure: a slow consumer holds no more than its concurrency, and loses nothing", async () => {
      const { producer, consumer } = uniqueNames(harness.driver, "pressure");
      const publisher = await openQueue(harness, producer);
      let held = 0;
      let maxHeld = 0;
      let running = 0;
      let maxRunning = 0;
      const observe = (event: QueueObservation): void => {
        if (event.type === "received") maxHeld = Math.max(maxHeld, ++held);
        if (event.type === "acked" || event.type === "released") held--;
      };
      const subscriber = await openQueue(harness, consumer, { observe });
      const done = new Set<string>();
      await subscriber.subscribe({
        from: producer,
        concurrency: 2,
        handler: async (message) => {
          maxRunning = Math.max(maxRunning, ++running);
          await new Promise((resolve) => setTimeout(resolve, 20));
          running--;
          done.add(message.id);
        },
      });
      for (let n = 0; n < 40; n++) await publisher.publish("item.added", { n }, { key: `k${n}` });
      await waitUntil("all 40 handled", () => done.size === 40, 30_000);
      expect(maxRunning).toBeLessThanOrEqual(2);
      expect(maxHeld).toBeLessThanOrEqual(2);
      await Promise.all([drain(subscriber), drain(publisher)]);
    });

    it("shuts down mid-batch: finishes the messages in hand, acknowledges them, and leaves the rest to the next consumer", async () => {
      const { producer, consumer } = uniqueNames(harness.driver, "shutdown");
      const publisher = await openQueue(harness, producer);
      const first = await openQueue(harness, consumer);
      const started: string[] = [];
      const gate = deferred();
      await first.subscribe({
        from: producer,
        concurrency: 4,
        handler: async (message) => {
          started.push(message.id);
          await gate.promise;
        },
      });
      const ids: string[] = [];
      for (let n = 0; n < 12; n++) ids.push((await publisher.publish("item.added", { n }, { key: `k${n}` })).messageId);
      await waitUntil("four handlers running", () => started.length === 4);
      let closed = false;
      const closing = first.close().then(() => (closed = true));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(closed).toBe(false);
      gate.resolve();
      await closing;
      const second = await openQueue(harness, consumer);
      const later: string[] = [];
      await second.subscribe({ from: producer, handler: async (message) => void later.push(message.id) });
      await waitUntil("the other eight handled by the next consumer", () => later.length >= 8, 30_000);
      expect(started).toHaveLength(4);
      expect(new Set([...started, ...later])).toEqual(new Set(ids));
      expect(later.filter((id) => started.includes(id))).toEqual([]);
      await Promise.all([drain(second), drain(publisher)]);
    });

    it.runIf(harness.crash)("redelivers after the consumer process is killed mid-handler, with one effect", async () => {
      const { producer, consumer } = uniqueNames(harness.driver, "crash");
      const dbPath = join(dir, `${consumer}.sqlite`);
      const db = openDb(consumer);
      const publisher = await openQueue(harness, producer);
      const declaring = await openQueue(harness, consumer);
      await declaring.declare({ from: producer });
      await declaring.close();
      const env = { QUEUE_LEASE_MS: "3000", ...harness.env(), EFFECTS_DB: dbPath, CONSUMER: consumer, PRODUCER: producer };
      const doomed = spawnConsumer({ ...env, HANG_BEFORE_EFFECT: "before", HANG_AFTER_EFFECT: "after" });
      await waitUntil("the first consumer ready", () => doomed.lines.some((line) => line.type === "ready"), 30_000);
      const before = (await publisher.publish("item.added", { n: 1 }, { key: "before" })).messageId;
      const after = (await publisher.publish("item.added", { n: 2 }, { key: "after" })).messageId;
      await waitUntil("one hung before its effect, one after its commit", () =>
        doomed.lines.some((line) => line.type === "received" && line.id === before) &&
        doomed.lines.some((line) => line.type === "committed" && line.id === after),
      );
      await doomed.kill();
      const heir = spawnConsumer(env);
      await waitUntil("both redelivered to the next consumer", () =>
        [before, after].every((id) => heir.lines.some((line) => line.type === "received" && line.id === id)), 30_000);
      await waitUntil("the first one's effect committed", () => countEffects(db).get(before) === 1);
      await heir.kill();
      const redelivered = heir.lines.filter((line) => line.type === "received");
      expect(redelivered.every((line) => Number(line.attempt) >= 2)).toBe(true);
      expect(countEffects(db).get(before)).toBe(1);
      expect(countEffects(db).get(after)).toBe(1);
      await drain(publisher);
      db.close();
    });

    it.runIf(harness.startPrivateBroker)("loses no acknowledged message when its broker is killed and restarted mid-stream", async () => {
      const { producer, consumer } = uniqueNames(harness.driver, "restart");
      const brokerDir = mkdtempSync(join(dir, "broker-"));
      const broker = await (harness.startPrivateBroker?.(brokerDir) ?? Promise.reject(new Error("no private broker")));
      try {
        const config = readQueueConfig({ QUEUE_LEASE_MS: "3000", ...broker.env });
        const db = openDb(consumer);
        const publisher = await openQueue(harness, producer, { config });
        const subscriber = await openQueue(harness, consumer, { config });
        await subscriber.subscribe({
          from: producer,
          concurrency: 4,
          handler: handleOnce(createSqliteIdempotency(db), consumer, (message, tx) => recordEffect(tx, message.id, message.key)),
        });
        const acknowledged: string[] = [];
        let restarting: Promise<void> | null = null;
        for (let n = 0; n < 60; n++) {
          if (n === 20) restarting = broker.crashAndRestart();
          // A publish the broker did not confirm is the publisher's to repeat (same message id).
          for (let tries = 0; ; tries++) {
            try {
              acknowledged.push((await publisher.publish("item.added", { n }, { key: `k${n % 4}`, messageId: `${producer}-${n}` })).messageId);
              break;
            } catch (error) {
              if (tries > 300) throw error;
              await new Promise((resolve) => setTimeout(resolve, 100));
            }
          }
        }
        await restarting;
        await waitUntil("every acknowledged message handled", () => {
          const effects = countEffects(db);
          return acknowledged.every((id) => effects.has(id));
        }, 60_000);
        expect([...countEffects(db).values()].every((count) => count === 1)).toBe(true);
        await Promise.all([drain(subscriber), drain(publisher)]);
        db.close();
      } finally {
        await broker.stop();
      }
    }, 120_000);

    defineOrderingCases(harness);
  });
}

async function readDeadLetters(harness: Harness, consumer: string, producer: string, count: number): Promise<Array<{ id: string; reason: string }>> {
  const { transport, topology } = await createQueueTransportFor(harness, consumer, producer);
  const source = await transport.openDeadLetters(topology);
  const out: Array<{ id: string; reason: string }> = [];
  const abort = new AbortController();
  await waitUntil(`${count} dead letters`, async () => {
    for (const delivery of await source.receive(count, abort.signal)) {
      out.push({ id: delivery.message.id, reason: delivery.message.headers["x-dead-letter-reason"] ?? "" });
      await delivery.ack();
    }
    return out.length >= count;
  });
  await source.close();
  if (!harness.sharedTransport) await transport.close();
  return out;
}
