import { performance } from "node:perf_hooks";

export interface RunResult {
  readonly messagesPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** This process's CPU time (publisher and consumers together) per message: steadier than the rate on a shared machine. */
  readonly cpuMicrosPerMessage: number;
}

/** What a measured setup offers: start consumers that call `handled(id)`, then publish. */
export interface RunSetup {
  declare(): Promise<void>;
  /** Publishes message `n` (a 1 KiB payload) under `id`. */
  publish(id: string, n: number): Promise<void>;
  startConsumers(count: number, handled: (id: string) => void): Promise<() => Promise<void>>;
  /** Effects committed with an idempotency record (null: the variant writes none): must equal the messages. */
  effects?(): Promise<number | null>;
  close(): Promise<void>;
}

/**
 * Publishes `total` messages with up to `window` publishes awaiting their broker acknowledgement at
 * once, and times each from the start of its publish to its handler; the rate runs from the first
 * publish to the last message handled. Every phase has a deadline: a broker that stops answering
 * (a resource alarm blocks publishers, a wedged queue) fails the run with where it stuck instead of
 * leaving the bench idle for ever.
 */
export async function measureRun(setup: RunSetup, consumers: number, total: number, window = 32, limitMs = 120_000): Promise<RunResult> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let published = 0;
  const phase = <T>(name: string, work: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`stuck ${limitMs / 1000} s in ${name}: ${published} of ${total} published and acknowledged, ${latencies.length} handled`)), limitMs);
    });
    return Promise.race([work, stuck]).finally(() => clearTimeout(timer));
  };
  await phase("declare", setup.declare());
  let finish: () => void = () => undefined;
  const allHandled = new Promise<void>((resolve) => (finish = resolve));
  const stop = await phase("starting consumers", setup.startConsumers(consumers, (id) => {
    const sent = sentAt.get(id);
    if (sent === undefined) return;
    sentAt.delete(id);
    latencies.push(performance.now() - sent);
    if (latencies.length === total) finish();
  }));
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let next = 0;
  const publisher = async (): Promise<void> => {
    while (next < total) {
      const n = next++;
      const id = `m${n}-${Math.random().toString(36).slice(2, 10)}`;
      sentAt.set(id, performance.now());
      await setup.publish(id, n);
      published++;
    }
  };
  await phase("publishing", Promise.all(Array.from({ length: window }, publisher)));
  await phase("handling", allHandled);
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  await phase("stopping consumers", stop());
  const effects = (await setup.effects?.()) ?? null;
  await phase("closing", setup.close());
  if (effects !== null && effects !== total) throw new Error(`${effects} effects committed for ${total} messages`);
  latencies.sort((a, b) => a - b);
  return {
    messagesPerSecond: (total / elapsed) * 1000,
    p50Ms: latencies[Math.floor(latencies.length * 0.5)] ?? Number.NaN,
    p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? Number.NaN,
    cpuMicrosPerMessage: (cpu.user + cpu.system) / total,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
