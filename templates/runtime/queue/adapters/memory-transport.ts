import type { Delivery, Source, Topology, Transport, WireMessage } from "../queue-port.js";

interface Entry {
  readonly message: WireMessage;
  readonly attempt: number;
}

/** In one process, for unit tests only: nothing survives the process, so it has no crash or restart case. */
export function createMemoryTransport(): Transport {
  const queues = new Map<string, MemoryQueue>();
  const bindings = new Map<string, Map<string, Topology>>();
  const queueOf = (name: string): MemoryQueue => {
    let queue = queues.get(name);
    if (!queue) queues.set(name, (queue = new MemoryQueue()));
    return queue;
  };

  return {
    async publish(topic, message) {
      for (const topology of bindings.get(topic)?.values() ?? []) {
        if (!topology.events || topology.events.includes(message.event)) queueOf(topology.queue).push({ message, attempt: 1 });
      }
    },
    async declare(topology) {
      let bound = bindings.get(topology.topic);
      if (!bound) bindings.set(topology.topic, (bound = new Map()));
      bound.set(topology.queue, topology);
    },
    async open(topology) {
      return sourceOf(queueOf(topology.queue), queueOf(topology.deadLetterQueue));
    },
    async openDeadLetters(topology) {
      return sourceOf(queueOf(topology.deadLetterQueue), null);
    },
    async close() {
      queues.clear();
    },
  };
}

function sourceOf(queue: MemoryQueue, deadLetters: MemoryQueue | null): Source {
  const deliver = (entry: Entry): Delivery => ({
    message: entry.message,
    attempt: entry.attempt,
    ack: async () => undefined,
    retry: async (delayMs) => {
      setTimeout(() => queue.push({ message: entry.message, attempt: entry.attempt + 1 }), delayMs).unref();
    },
    deadLetter: async (reason) => {
      deadLetters?.push({ message: { ...entry.message, headers: { ...entry.message.headers, "x-dead-letter-reason": reason } }, attempt: 1 });
    },
    release: async () => queue.unshift(entry),
    extend: async () => undefined,
  });
  return {
    extendEveryMs: null,
    receive: async (max, signal) => (await queue.take(max, signal)).map(deliver),
    close: async () => {
      // Retries already scheduled still arrive: the queue outlives this consumer, as a broker's would.
    },
  };
}

class MemoryQueue {
  private readonly ready: Entry[] = [];
  private readonly waiters = new Set<() => void>();

  push(entry: Entry): void {
    this.ready.push(entry);
    this.wake();
  }

  unshift(entry: Entry): void {
    this.ready.unshift(entry);
    this.wake();
  }

  async take(max: number, signal: AbortSignal): Promise<Entry[]> {
    if (this.ready.length === 0 && !signal.aborted) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.waiters.delete(done);
          clearTimeout(timer);
          signal.removeEventListener("abort", done);
          resolve();
        };
        const timer = setTimeout(done, 1000);
        this.waiters.add(done);
        signal.addEventListener("abort", done, { once: true });
      });
    }
    return signal.aborted ? [] : this.ready.splice(0, max);
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
