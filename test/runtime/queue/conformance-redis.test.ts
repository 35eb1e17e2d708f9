import { startPrivateRedis } from "./support/private-brokers.js";
import { defineConformanceSuite } from "./support/define-conformance-suite.js";

defineConformanceSuite({
  driver: "redis",
  env: () => ({ QUEUE_DRIVER: "redis", REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" }),
  crash: true,
  orderAcrossConsumers: false,
  orderInQueue: true,
  startPrivateBroker: startPrivateRedis,
});
