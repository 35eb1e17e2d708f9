import type { Transport } from "./queue-port.js";
import type { QueueConfig } from "./read-queue-config.js";

/** Loads only the configured broker's client: the others need not even be installed. */
export async function selectTransport(config: QueueConfig): Promise<Transport> {
  switch (config.driver) {
    case "memory":
      return (await import("./adapters/memory-transport.js")).createMemoryTransport();
    case "redis":
      return (await import("./adapters/redis-transport.js")).createRedisTransport(config);
    case "rabbitmq":
      return (await import("./adapters/rabbitmq-transport.js")).createRabbitmqTransport(config);
    case "nats":
      return (await import("./adapters/nats-transport.js")).createNatsTransport(config);
    case "sqs":
      return (await import("./adapters/sqs-transport.js")).createSqsTransport(config);
  }
}
