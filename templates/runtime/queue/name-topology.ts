import type { Topology } from "./queue-port.js";

/**
 * Names shared by every adapter and by the deploy files: `<producer>.events`,
 * `<consumer>.<producer>.events`, `<queue>.dlq`; each under `<namespace>.` when one is set
 * (QUEUE_NAMESPACE: environments or test runs sharing one broker).
 */
export function nameTopology(consumer: string, producer: string, events: readonly string[] | undefined, ordered: boolean, namespace = ""): Topology {
  const topic = topicOf(producer, namespace);
  const queue = `${namespace ? `${namespace}.` : ""}${consumer}.${topicOf(producer)}`;
  return { topic, queue, deadLetterQueue: `${queue}.dlq`, ...(events ? { events } : {}), ordered };
}

export function topicOf(producer: string, namespace = ""): string {
  return `${namespace ? `${namespace}.` : ""}${producer}.events`;
}

/** Exponential backoff without jitter: the delay levels stay few (RabbitMQ keeps one retry queue per level). */
export function computeBackoff(attempt: number, backoff: { initialMs: number; maxMs: number; factor: number }): number {
  return Math.min(backoff.maxMs, Math.round(backoff.initialMs * backoff.factor ** (attempt - 1)));
}
