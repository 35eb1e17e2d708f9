import { afterAll, beforeAll } from "vitest";
import { startFauxqs, type RunningFauxqs } from "./support/start-fauxqs.js";
import { defineConformanceSuite } from "./support/define-conformance-suite.js";

let fauxqs: RunningFauxqs | null = null;
beforeAll(async () => {
  fauxqs = await startFauxqs();
});
afterAll(() => fauxqs?.stop());

defineConformanceSuite({
  driver: "sqs",
  env: () => ({ QUEUE_DRIVER: "sqs", ...(fauxqs?.env ?? {}) }),
  crash: true,
  orderAcrossConsumers: true,
  // Standard queues promise no order; the per-key cases run on FIFO.
  orderInQueue: false,
});
