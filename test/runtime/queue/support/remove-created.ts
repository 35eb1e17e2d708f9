import { Redis } from "ioredis";
import { connect as amqpConnect, type Channel } from "amqplib";
import { connect as natsConnect } from "@nats-io/transport-node";
import { jetstreamManager } from "@nats-io/jetstream";
import { computeBackoff, nameTopology } from "../../../../templates/runtime/queue/name-topology.js";
import type { QueueDriver } from "../../../../templates/runtime/queue/read-queue-config.js";

/** A producer and a consumer service named for one test case: everything they create on a broker starts with one of them. */
export interface CreatedNames {
  readonly producer: string;
  readonly consumer: string;
  /** QUEUE_NAMESPACE, when the services ran under one. */
  readonly namespace?: string;
}

// Module state is per test file (vitest isolates files): the names this file's cases made.
const created: CreatedNames[] = [];

export function rememberCreated(names: CreatedNames): void {
  created.push(names);
}

/**
 * RabbitMQ retry queues are named by delay (`<queue>.retry.<ms>`), and AMQP cannot list queues:
 * the delays of every backoff the tests use (the port's default and the dead-letter case's).
 */
const retryDelays = [...new Set([{ initialMs: 1000, factor: 2, maxMs: 60_000 }, { initialMs: 100, factor: 2, maxMs: 1000 }]
  .flatMap((backoff) => Array.from({ length: 10 }, (_, attempt) => computeBackoff(attempt + 1, backoff))))];

/**
 * Deletes from the shared broker every stream, key, queue and exchange the names given to this
 * file's cases created (the shared brokers outlive a test run, and leftovers add up: hundreds of
 * quorum queues once wedged the shared RabbitMQ). SQS needs none: each file runs its own fauxqs,
 * in memory, and stops it.
 */
export async function removeCreated(driver: QueueDriver, env: Readonly<Record<string, string>>): Promise<void> {
  await removeNames(driver, env, created.splice(0));
}

/** The same for names given (bench:queues removes each run's after it). */
export async function removeNames(driver: QueueDriver, env: Readonly<Record<string, string | undefined>>, names: readonly CreatedNames[]): Promise<void> {
  if (names.length === 0) return;
  if (driver === "redis") await removeFromRedis(env.REDIS_URL ?? "redis://127.0.0.1:6379", names);
  if (driver === "rabbitmq") await removeFromRabbitmq(env.AMQP_URL ?? "amqp://guest:guest@127.0.0.1:5672", names);
  if (driver === "nats") await removeFromNats(env.NATS_URL ?? "nats://127.0.0.1:4222", names);
}

async function removeFromRedis(url: string, names: readonly CreatedNames[]): Promise<void> {
  const redis = new Redis(url);
  try {
    for (const { producer, consumer, namespace } of names) {
      for (const prefix of [producer, consumer].map((name) => (namespace ? `${namespace}.${name}` : name))) {
        const keys: string[] = [];
        let cursor = "0";
        do {
          const [next, found] = await redis.scan(cursor, "MATCH", `${prefix}.*`, "COUNT", 1000);
          cursor = next;
          keys.push(...found);
        } while (cursor !== "0");
        if (keys.length > 0) await redis.del(...keys);
      }
    }
  } finally {
    redis.disconnect();
  }
}

async function removeFromRabbitmq(url: string, names: readonly CreatedNames[]): Promise<void> {
  const connection = await amqpConnect(url);
  let channel: Channel = await connection.createChannel();
  // A failed delete closes the channel: open another and go on.
  const attempt = async (step: (channel: Channel) => Promise<unknown>): Promise<void> => {
    try {
      await step(channel);
    } catch {
      channel = await connection.createChannel();
    }
  };
  try {
    for (const { producer, consumer, namespace } of names) {
      const topology = nameTopology(consumer, producer, undefined, false, namespace);
      for (const queue of [topology.queue, topology.deadLetterQueue, ...retryDelays.map((ms) => `${topology.queue}.retry.${ms}`)]) {
        await attempt((c) => c.deleteQueue(queue));
      }
      await attempt((c) => c.deleteExchange(topology.topic));
    }
  } finally {
    await connection.close();
  }
}

async function removeFromNats(url: string, names: readonly CreatedNames[]): Promise<void> {
  const nc = await natsConnect({ servers: url });
  try {
    const jsm = await jetstreamManager(nc);
    // Stream names are the service names with dots as underscores; deleting a stream deletes its consumers.
    const prefixes = names.flatMap(({ producer, consumer, namespace }) =>
      [producer, consumer].map((name) => `${(namespace ? `${namespace}.${name}` : name).replace(/[^A-Za-z0-9_-]/g, "_")}_`));
    const doomed: string[] = [];
    for await (const name of jsm.streams.names()) if (prefixes.some((prefix) => name.startsWith(prefix))) doomed.push(name);
    for (const name of doomed) await jsm.streams.delete(name);
  } finally {
    await nc.close();
  }
}
