import { startPrivateNats } from "./support/private-brokers.js";
import { defineConformanceSuite } from "./support/define-conformance-suite.js";

defineConformanceSuite({
  driver: "nats",
  env: () => ({ QUEUE_DRIVER: "nats", NATS_URL: process.env.NATS_URL ?? "nats://127.0.0.1:4222" }),
  crash: true,
  // An ordered topology lets one message of the consumer be unacknowledged at a time (max_ack_pending 1).
  orderAcrossConsumers: true,
  orderInQueue: true,
  startPrivateBroker: startPrivateNats,
});
