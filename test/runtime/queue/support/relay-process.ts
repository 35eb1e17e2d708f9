/** The monolith's outbox relay as its own process, so a test can SIGKILL it at a chosen step. */
import Database from "better-sqlite3";
import { createQueue } from "../../../../templates/runtime/queue/create-queue.js";
import { readQueueConfig } from "../../../../templates/runtime/queue/read-queue-config.js";
import { startOutboxRelay } from "../../../../templates/runtime/queue/outbox/run-outbox-relay.js";
import { schemas } from "./harness.js";

const env = process.env;
const say = (line: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify(line)}\n`);
const db = new Database(env.OUTBOX_DB ?? "");
db.pragma("busy_timeout = 10000");
const queue = await createQueue({ service: env.PRODUCER ?? "", config: readQueueConfig(env), schemas });
startOutboxRelay({
  db,
  queue,
  pollMs: 50,
  leaseMs: 1000,
  onStep: async (step, row) => {
    say({ type: step, id: row.messageId });
    if (step === env.HANG_AT && row.messageId === env.HANG_ID) await new Promise(() => undefined);
  },
});
say({ type: "ready" });
