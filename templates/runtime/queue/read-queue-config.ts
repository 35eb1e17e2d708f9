/** Queue configuration from the environment variables every generated service reads (docs/queues.md). */

export type QueueDriver = "memory" | "redis" | "rabbitmq" | "nats" | "sqs";

export interface QueueConfig {
  readonly driver: QueueDriver;
  readonly redisUrl: string;
  readonly amqpUrl: string;
  readonly natsUrl: string;
  readonly awsRegion: string;
  /** Unset: real AWS endpoints. */
  readonly sqsEndpoint?: string;
  readonly snsEndpoint?: string;
  /** How long a message may sit unacknowledged before another consumer reclaims it (Redis, NATS, SQS). */
  readonly leaseMs: number;
  /** Prefix of every topic and queue name (`<namespace>.orders.events`): environments or test runs sharing one broker. */
  readonly namespace?: string;
}

const drivers: readonly QueueDriver[] = ["memory", "redis", "rabbitmq", "nats", "sqs"];

function isDriver(value: string): value is QueueDriver {
  return (drivers as readonly string[]).includes(value);
}

export function readQueueConfig(env: Readonly<Record<string, string | undefined>>): QueueConfig {
  const driver = env.QUEUE_DRIVER ?? "memory";
  if (!isDriver(driver)) {
    throw new Error(`QUEUE_DRIVER is "${driver}": set it to one of ${drivers.join(", ")}.`);
  }
  const leaseMs = Number(env.QUEUE_LEASE_MS ?? 30_000);
  if (!Number.isInteger(leaseMs) || leaseMs < 1000) {
    throw new Error(`QUEUE_LEASE_MS is "${env.QUEUE_LEASE_MS}": set it to a whole number of milliseconds, at least 1000.`);
  }
  if (env.QUEUE_NAMESPACE && !/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(env.QUEUE_NAMESPACE)) {
    throw new Error(`QUEUE_NAMESPACE is "${env.QUEUE_NAMESPACE}": use letters, digits, "-" and "_" only (it prefixes broker names).`);
  }
  return {
    driver,
    redisUrl: env.REDIS_URL ?? "redis://127.0.0.1:6379",
    amqpUrl: env.AMQP_URL ?? "amqp://guest:guest@127.0.0.1:5672",
    natsUrl: env.NATS_URL ?? "nats://127.0.0.1:4222",
    awsRegion: env.AWS_REGION ?? "us-east-1",
    ...(env.SQS_ENDPOINT ? { sqsEndpoint: env.SQS_ENDPOINT } : {}),
    ...(env.SNS_ENDPOINT ? { snsEndpoint: env.SNS_ENDPOINT } : {}),
    leaseMs,
    ...(env.QUEUE_NAMESPACE ? { namespace: env.QUEUE_NAMESPACE } : {}),
  };
}
