import type { MessageHandler, QueueMessage } from "../queue-port.js";

/**
 * Records that a consumer handled a message in the same database transaction as the handler's own
 * effects: a redelivery (crash before the acknowledgement, a competing consumer's reclaim) finds the
 * record and does nothing, and a crash before the commit leaves neither the record nor the effects.
 */
export interface IdempotencyStore<Tx> {
  /** Creates `decouple_processed_messages` if missing. */
  ensureTable(): Promise<void>;
  /** Runs `effect` inside a transaction that also inserts the record; skips it when the record exists. */
  runOnce(consumer: string, messageId: string, effect: (tx: Tx) => void | Promise<void>): Promise<{ readonly duplicate: boolean }>;
}

export const idempotencyTable = "decouple_processed_messages";

/** Wraps a handler whose effects go through `tx`, so that each message has them once. */
export function handleOnce<Tx>(
  store: IdempotencyStore<Tx>,
  consumer: string,
  handler: (message: QueueMessage, tx: Tx) => void | Promise<void>,
): MessageHandler {
  return async (message) => {
    await store.runOnce(consumer, message.id, (tx) => handler(message, tx));
  };
}
