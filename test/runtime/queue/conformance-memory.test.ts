import { createMemoryTransport } from "../../../templates/runtime/queue/adapters/memory-transport.js";
import type { Transport } from "../../../templates/runtime/queue/queue-port.js";
import { defineConformanceSuite } from "./support/define-conformance-suite.js";

let transport: Transport | null = null;

defineConformanceSuite({
  driver: "memory",
  env: () => ({ QUEUE_DRIVER: "memory" }),
  crash: false,
  orderAcrossConsumers: false,
  orderInQueue: true,
  sharedTransport: () => (transport ??= createMemoryTransport()),
});
