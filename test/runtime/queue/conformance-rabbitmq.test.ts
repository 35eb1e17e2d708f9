import { startPrivateRabbitmq } from "./support/private-brokers.js";
import { defineConformanceSuite } from "./support/define-conformance-suite.js";

defineConformanceSuite({
  driver: "rabbitmq",
  env: () => ({ QUEUE_DRIVER: "rabbitmq", AMQP_URL: process.env.AMQP_URL ?? "amqp://guest:guest@127.0.0.1:5672" }),
  crash: true,
  orderAcrossConsumers: true,
  orderInQueue: true,
  startPrivateBroker: startPrivateRabbitmq,
});
