import { randomUUID } from "node:crypto";
import type BetterSqlite3 from "better-sqlite3";
import type { Queue } from "../queue-port.js";
import type { OutboxRow, OutboxStore } from "./outbox-store.js";
import { sqliteOutboxStore } from "./sqlite-outbox.js";

export type OutboxRelayOptions = RelaySettings &
  (
    | { /** A SQLite outbox (better-sqlite3). */ readonly db: BetterSqlite3.Database }
    | { /** Any outbox: `postgresOutboxStore(pool)`, `sqliteOutboxStore(db)`. */ readonly store: OutboxStore }
  );

interface RelaySettings {
  /**
   * The monolith's queue port: events go to `<monolith>.events`. Or the queue of each row's
   * producer, when the monolith emits for several services (each to its `<producer>.events`).
   */
  readonly queue: Queue | ((row: OutboxRow) => Queue | Promise<Queue>);
  readonly pollMs?: number;
  readonly batchSize?: number;
  /** How long a relay that stopped answering keeps the others out. */
  readonly leaseMs?: number;
  readonly onError?: (error: unknown) => void;
  /** Called around each publish; tests use it to kill the relay at a chosen step. */
  readonly onStep?: (step: "publishing" | "published", row: OutboxRow) => Promise<void>;
}

export interface OutboxRelay {
  stop(): Promise<void>;
}

/**
 * Publishes committed outbox rows in order and marks each one after the broker acknowledged it. A
 * crash before the mark publishes that row again on restart under the same message id: consumers'
 * idempotency records make the second delivery a no-op. A crash before the publish loses nothing.
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const owner = randomUUID();
  const store = "store" in options ? options.store : sqliteOutboxStore(options.db);
  const pollMs = options.pollMs ?? 200;
  const leaseMs = options.leaseMs ?? 30_000;
  let running = true;
  let wake: (() => void) | null = null;

  const relayBatch = async (): Promise<number> => {
    if (!(await store.acquireLease(owner, leaseMs))) return 0;
    const rows = await store.readUnpublished(options.batchSize ?? 100);
    for (const row of rows) {
      if (!running) break;
      await options.onStep?.("publishing", row);
      const payload: unknown = JSON.parse(row.payload);
      const headers: unknown = JSON.parse(row.headers);
      const queue = typeof options.queue === "function" ? await options.queue(row) : options.queue;
      await queue.publish(row.event, payload, {
        messageId: row.messageId,
        key: row.key,
        headers: isStringRecord(headers) ? headers : {},
      });
      await options.onStep?.("published", row);
      await store.markPublished(row.seq);
    }
    return rows.length;
  };

  const loop = async (): Promise<void> => {
    while (running) {
      let relayed = 0;
      try {
        relayed = await relayBatch();
      } catch (error) {
        // Stop at the first failure so later rows never overtake it; try again after a pause.
        options.onError?.(error);
      }
      if (relayed === 0 && running) await new Promise<void>((resolve) => ((wake = resolve), setTimeout(resolve, pollMs)));
    }
  };
  const looping = loop();
  return {
    async stop() {
      running = false;
      wake?.();
      await looping;
    },
  };
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === "object" && value !== null && Object.values(value).every((v) => typeof v === "string");
}
