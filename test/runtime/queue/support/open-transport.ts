import { nameTopology } from "../../../../templates/runtime/queue/name-topology.js";
import type { Topology, Transport } from "../../../../templates/runtime/queue/queue-port.js";
import { readQueueConfig } from "../../../../templates/runtime/queue/read-queue-config.js";
import { selectTransport } from "../../../../templates/runtime/queue/select-transport.js";
import type { Harness } from "./harness.js";

/** The adapter itself, for what the port does not expose to services (reading a dead-letter queue). */
export async function createQueueTransportFor(harness: Harness, consumer: string, producer: string, ordered = false): Promise<{ transport: Transport; topology: Topology }> {
  const transport = harness.sharedTransport?.() ?? (await selectTransport(readQueueConfig(harness.env())));
  return { transport, topology: nameTopology(consumer, producer, undefined, ordered) };
}
