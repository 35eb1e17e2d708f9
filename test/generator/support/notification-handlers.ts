/**
 * What a user writes into the generated notification service's src/event-handlers.ts (decouple
 * writes that file once and leaves it to the user): each event inserts a row into
 * notifications_sent through the transaction that also records the message as handled.
 */
export const notificationHandlers = `import type { QueueMessage } from "./consumers.js";

export type EventHandler = (payload: unknown, message: QueueMessage) => Promise<void>;

async function recordNotification(payload: unknown, message: QueueMessage): Promise<void> {
  const tx = message.transaction;
  if (typeof tx !== "object" || tx === null || !("query" in tx) || typeof tx.query !== "function") throw new Error("no transaction: DATABASE_URL unset");
  await tx.query("INSERT INTO notifications_sent (message_id, event, payload, traceparent) VALUES ($1, $2, $3, $4)", [
    message.id,
    message.headers.event,
    JSON.stringify(payload),
    message.headers.traceparent ?? null,
  ]);
}

export const eventHandlers: Readonly<Record<string, EventHandler>> = {
  "order.placed": recordNotification,
  "order.refunded": recordNotification,
  "order.shipped": recordNotification,
};
`;
