import { expect, it } from "vitest";
import { numberOf, openQueue, uniqueNames, waitUntil, type Harness } from "./harness.js";

/**
 * Ordering per key. Within one consumer every broker but SQS standard keeps publish order, and the
 * port runs one key's messages one after another. Across competing consumers only an ordered
 * topology on a broker that promises it (SQS FIFO message groups, RabbitMQ single active consumer)
 * holds a key's second message back while its first is in a handler; elsewhere the second message
 * goes to the idle consumer and is handled first, which the last case shows.
 */
export function defineOrderingCases(harness: Harness): void {
  it.runIf(harness.orderInQueue || harness.orderAcrossConsumers)("keeps publish order per key within one consumer", async () => {
    const { producer, consumer } = uniqueNames(harness.driver, "order");
    const ordered = harness.orderAcrossConsumers ? [producer] : [];
    const publisher = await openQueue(harness, producer, { orderedProducers: ordered });
    const subscriber = await openQueue(harness, consumer, { orderedProducers: ordered });
    const byKey = new Map<string, number[]>();
    await subscriber.subscribe({
      from: producer,
      concurrency: 4,
      handler: async (message) => {
        const n = numberOf(message.payload);
        await new Promise((resolve) => setTimeout(resolve, n % 3));
        byKey.set(message.key, [...(byKey.get(message.key) ?? []), n]);
      },
    });
    for (let n = 0; n < 30; n++) await publisher.publish("item.added", { n }, { key: `k${n % 3}` });
    await waitUntil("all 30 handled", () => [...byKey.values()].flat().length === 30);
    for (const [key, seen] of byKey) expect({ key, seen }).toEqual({ key, seen: [...seen].sort((a, b) => a - b) });
    await Promise.all([subscriber.close(), publisher.close()]);
  });

  const acrossConsumers = async (ordered: boolean): Promise<number[]> => {
    const { producer, consumer } = uniqueNames(harness.driver, ordered ? "order-held" : "order-lost");
    const orderedProducers = ordered ? [producer] : [];
    const publisher = await openQueue(harness, producer, { orderedProducers });
    const finished: number[] = [];
    const startedFirst: number[] = [];
    const handler = async (message: { payload: unknown }): Promise<void> => {
      const n = numberOf(message.payload);
      if (n === 1) {
        startedFirst.push(n);
        // Hold the key's first message until its second is handled elsewhere, or give up after 3 s.
        await waitUntil("the second message", () => finished.includes(2), 3000).catch(() => undefined);
      }
      finished.push(n);
    };
    const a = await openQueue(harness, consumer, { orderedProducers });
    await a.subscribe({ from: producer, concurrency: 1, handler });
    await publisher.publish("item.added", { n: 1 }, { key: "same" });
    await waitUntil("consumer A holds the first message", () => startedFirst.length === 1);
    const b = await openQueue(harness, consumer, { orderedProducers });
    await b.subscribe({ from: producer, concurrency: 1, handler });
    await publisher.publish("item.added", { n: 2 }, { key: "same" });
    await waitUntil("both handled", () => finished.length === 2, 30_000);
    await Promise.all([a.close(), b.close(), publisher.close()]);
    return finished;
  };

  it.runIf(harness.orderAcrossConsumers)("holds a key's order across competing consumers in an ordered topology", async () => {
    expect(await acrossConsumers(true)).toEqual([1, 2]);
  });

  it("does not hold a key's order across competing consumers without an ordered topology", async () => {
    expect(await acrossConsumers(false)).toEqual([2, 1]);
  });
}
