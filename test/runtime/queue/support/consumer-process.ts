/**
 * A consumer service run as its own process so a test can SIGKILL it mid-handler. Every line it
 * prints is one JSON observation. Its effects and idempotency records go to a SQLite file.
 */
import Database from "better-sqlite3";
import { createQueue } from "../../../../templates/runtime/queue/create-queue.js";
import { readQueueConfig } from "../../../../templates/runtime/queue/read-queue-config.js";
import { createSqliteIdempotency } from "../../../../templates/runtime/queue/idempotency/sqlite-idempotency.js";
import { schemas } from "./harness.js";
import { createEffectsTable, recordEffect } from "./effects.js";

const env = process.env;
const db = new Database(env.EFFECTS_DB ?? "");
createEffectsTable(db);
const store = createSqliteIdempotency(db);
const say = (line: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify(line)}\n`);
const forever = new Promise<void>(() => undefined);

const queue = await createQueue({ service: env.CONSUMER ?? "", config: readQueueConfig(env), schemas });
await queue.subscribe({
  from: env.PRODUCER ?? "",
  concurrency: 4,
  handler: async (message) => {
    say({ type: "received", id: message.id, key: message.key, attempt: message.attempt });
    if (message.key === env.HANG_BEFORE_EFFECT) await forever;
    await store.runOnce(env.CONSUMER ?? "", message.id, (tx) => recordEffect(tx, message.id, message.key));
    say({ type: "committed", id: message.id, key: message.key });
    if (message.key === env.HANG_AFTER_EFFECT) await forever;
  },
});
say({ type: "ready" });
