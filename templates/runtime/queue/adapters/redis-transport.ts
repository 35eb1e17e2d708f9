import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { Redis } from "ioredis";
import type { Delivery, Source, Topology, Transport, WireMessage } from "../queue-port.js";
import type { QueueConfig } from "../read-queue-config.js";

/**
 * Redis Streams. A producer's topic is a stream; each consuming service is a consumer group on it.
 * Retries wait in a sorted set and come back through a stream of the queue's own (`<queue>.retry`),
 * so other groups never see them; entries a dead consumer left pending are reclaimed with XAUTOCLAIM
 * once idle for the lease. Durable only as far as the server's AOF settings (`appendfsync always`).
 */
export function createRedisTransport(config: QueueConfig): Transport {
  const redis = new Redis(config.redisUrl, { lazyConnect: false });
  // ioredis reconnects by itself; a failed command rejects where it was issued.
  redis.on("error", () => undefined);
  const sources = new Set<Source>();
  return {
    async publish(topic, message) {
      await redis.call("XADD", topic, "*", ...fieldsOf(message, 1));
    },
    async declare(topology) {
      await createGroup(redis, topology.topic, topology.queue, "$");
      await createGroup(redis, retryStream(topology), topology.queue, "0");
      await createGroup(redis, topology.deadLetterQueue, "reader", "0");
    },
    async open(topology) {
      const source = openSource(redis, topology, config.leaseMs);
      sources.add(source);
      return source;
    },
    async openDeadLetters(topology) {
      return openDeadLetterSource(redis, topology);
    },
    async close() {
      await Promise.all([...sources].map((source) => source.close()));
      redis.disconnect();
    },
  };
}

const retryStream = (topology: Topology): string => `${topology.queue}.retry`;
const delayedSet = (topology: Topology): string => `${topology.queue}.delayed`;

// Moves due retries into the queue's retry stream; atomic, so a crash moves each one once.
const moveDueScript = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 100)
for _, member in ipairs(due) do
  redis.call('XADD', KEYS[2], '*', unpack(cjson.decode(member)))
  redis.call('ZREM', KEYS[1], member)
end
return #due`;

function openSource(redis: Redis, topology: Topology, leaseMs: number): Source {
  const blocking = redis.duplicate();
  blocking.on("error", () => undefined);
  const consumer = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const streams = [topology.topic, retryStream(topology)];
  let lastReclaim = 0;
  let lastMove = 0;

  const deliver = (stream: string, entryId: string, fields: string[], earlierDeliveries = 0): Delivery => {
    const meta = metaOf(fields);
    const message = messageOf(meta, valueOf(fields, "body"));
    const attempt = (Number(meta.attempt) || 1) + earlierDeliveries;
    const settle = async (...commands: string[][]): Promise<void> => {
      // A plain acknowledgement needs no transaction (and MULTI costs a busy consumer CPU).
      if (commands.length === 0 && stream === topology.topic) return void (await redis.call("XACK", stream, topology.queue, entryId));
      const multi = redis.multi();
      for (const command of commands) multi.call(command[0] ?? "", ...command.slice(1));
      multi.call("XACK", stream, topology.queue, entryId);
      if (stream !== topology.topic) multi.call("XDEL", stream, entryId);
      const results = await multi.exec();
      const failed = results?.find(([error]) => error);
      if (!results || failed) throw failed?.[0] ?? new Error("Redis transaction discarded");
    };
    return {
      message,
      attempt,
      ack: () => settle(),
      retry: (delayMs) =>
        settle(["ZADD", delayedSet(topology), String(Date.now() + delayMs), JSON.stringify([...fieldsOf(message, attempt + 1), "from", entryId])]),
      deadLetter: (reason) => settle(["XADD", topology.deadLetterQueue, "*", ...fieldsOf(message, attempt), "reason", reason]),
      // Streams have no negative acknowledgement: hand it back through the retry stream, same attempt.
      release: () => settle(["XADD", retryStream(topology), "*", ...fieldsOf(message, attempt)]),
      // Claiming our own entry resets its idle time (JUSTID leaves the delivery count alone).
      extend: async () => void (await redis.call("XCLAIM", stream, topology.queue, consumer, "0", entryId, "JUSTID")),
    };
  };

  const reclaim = async (max: number): Promise<Delivery[]> => {
    const out: Delivery[] = [];
    for (const stream of streams) {
      const reply = await redis.call("XAUTOCLAIM", stream, topology.queue, consumer, String(leaseMs), "0-0", "COUNT", String(max - out.length));
      for (const [entryId, fields] of entriesOf(Array.isArray(reply) ? reply[1] : [])) {
        // A reclaimed entry was delivered before and not acknowledged: its earlier deliveries count.
        const pending = await redis.call("XPENDING", stream, topology.queue, entryId, entryId, "1");
        const deliveries = Number((Array.isArray(pending) && Array.isArray(pending[0]) ? pending[0][3] : 1) ?? 1);
        out.push(deliver(stream, entryId, fields, deliveries - 1));
      }
      if (out.length >= max) break;
    }
    return out;
  };

  return {
    extendEveryMs: Math.floor(leaseMs / 3),
    async receive(max, signal) {
      if (signal.aborted) return [];
      // Due retries move at most every 100 ms: a round trip per receive would cost a busy consumer dearly.
      if (Date.now() - lastMove >= 100) {
        lastMove = Date.now();
        await redis.eval(moveDueScript, 2, delayedSet(topology), retryStream(topology), String(Date.now()));
      }
      if (Date.now() - lastReclaim > leaseMs / 4) {
        lastReclaim = Date.now();
        const reclaimed = await reclaim(max);
        if (reclaimed.length > 0) return reclaimed;
      }
      const reply = await blocking.call("XREADGROUP", "GROUP", topology.queue, consumer, "COUNT", String(max), "BLOCK", "1000", "STREAMS", ...streams, ">", ">");
      const out: Delivery[] = [];
      for (const streamReply of Array.isArray(reply) ? reply : []) {
        if (!Array.isArray(streamReply)) continue;
        const stream = String(streamReply[0]);
        for (const [entryId, fields] of entriesOf(streamReply[1])) out.push(deliver(stream, entryId, fields));
      }
      return out;
    },
    async close() {
      blocking.disconnect();
    },
  };
}

function openDeadLetterSource(redis: Redis, topology: Topology): Source {
  const stream = topology.deadLetterQueue;
  return {
    extendEveryMs: null,
    async receive(max, signal) {
      if (signal.aborted) return [];
      // "0" first: what this reader took earlier and never acknowledged.
      let reply = await redis.call("XREADGROUP", "GROUP", "reader", "reader", "COUNT", String(max), "STREAMS", stream, "0");
      if (entriesOf(Array.isArray(reply) && Array.isArray(reply[0]) ? reply[0][1] : []).length === 0) {
        reply = await redis.call("XREADGROUP", "GROUP", "reader", "reader", "COUNT", String(max), "STREAMS", stream, ">");
      }
      if (!Array.isArray(reply) || !Array.isArray(reply[0])) return [];
      return entriesOf(reply[0][1]).map(([entryId, fields]) => {
        const meta = metaOf(fields);
        const message = messageOf(meta, valueOf(fields, "body"));
        const reason = valueOf(fields, "reason");
        return {
          message: { ...message, headers: { ...message.headers, "x-dead-letter-reason": reason } },
          attempt: Number(meta.attempt) || 1,
          ack: async () => void (await redis.multi().call("XACK", stream, "reader", entryId).call("XDEL", stream, entryId).exec()),
          retry: async () => undefined,
          deadLetter: async () => undefined,
          release: async () => undefined,
          extend: async () => undefined,
        };
      });
    },
    async close() {},
  };
}

async function createGroup(redis: Redis, stream: string, group: string, from: string): Promise<void> {
  try {
    await redis.call("XGROUP", "CREATE", stream, group, from, "MKSTREAM");
  } catch (error) {
    if (!String(error).includes("BUSYGROUP")) throw error;
  }
}

// Two fields, not six: each one costs encoding and parsing on every message.
function fieldsOf(message: WireMessage, attempt: number): string[] {
  const meta = { id: message.id, event: message.event, key: message.key, headers: message.headers, attempt };
  return ["meta", JSON.stringify(meta), "body", message.body];
}

function entriesOf(value: unknown): Array<[string, string[]]> {
  if (!Array.isArray(value)) return [];
  const out: Array<[string, string[]]> = [];
  for (const entry of value) {
    // XAUTOCLAIM reports entries deleted meanwhile with null fields: nothing to deliver.
    if (Array.isArray(entry) && Array.isArray(entry[1])) out.push([String(entry[0]), entry[1].map(String)]);
  }
  return out;
}

function valueOf(fields: readonly string[], name: string): string {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1] ?? "";
  return "";
}

function metaOf(fields: readonly string[]): Record<string, unknown> {
  const meta: unknown = JSON.parse(valueOf(fields, "meta") || "{}");
  return typeof meta === "object" && meta !== null ? Object.fromEntries(Object.entries(meta)) : {};
}

function messageOf(meta: Record<string, unknown>, body: string): WireMessage {
  return {
    id: String(meta.id ?? ""),
    event: String(meta.event ?? ""),
    key: String(meta.key ?? ""),
    headers: isStringRecord(meta.headers) ? meta.headers : {},
    body,
  };
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === "object" && value !== null && Object.values(value).every((v) => typeof v === "string");
}
