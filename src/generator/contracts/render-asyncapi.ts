import type { EventContract, JsonSchema, ServiceContract } from "../service-contract.js";
import type { RenderOptions } from "./render-openapi.js";
import { toDraft07 } from "./to-draft-07.js";
import { sortSchemaKeys, toYaml } from "./to-yaml.js";

/** Headers every message carries (the queue adapters set them). */
const HEADERS: JsonSchema = {
  type: "object",
  properties: {
    "message-id": { type: "string", description: "Unique per message: consumers drop duplicates by it." },
    key: { type: "string", description: "Ordering key: messages with one key are handled in order." },
    traceparent: { type: "string", description: "W3C trace context of the producer's span." },
  },
};

/**
 * The service's AsyncAPI 3.0 document. Events travel on the producer's channel `<service>.events`,
 * commands on the receiver's `<service>.commands`; this service sends on its own channels and
 * receives from the others'. Payloads are the contract's schemas in draft-07 form (AsyncAPI's
 * default schema format). Pure: contract in, YAML out.
 */
export function renderAsyncApi(contract: ServiceContract, options: RenderOptions = {}): string {
  const channels: Record<string, { address: string; messages: Record<string, unknown> }> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const event of contract.events) {
    const messageId = safeId(event.name);
    messages[messageId] = renderMessage(event);
    const owners = event.kind === "event" ? event.producers : event.consumers;
    const sends = event.producers.includes(contract.service);
    const receives = event.consumers.includes(contract.service);
    for (const owner of owners) {
      const address = `${owner}.${event.kind === "event" ? "events" : "commands"}`;
      const channelId = safeId(address);
      const channel = (channels[channelId] ??= { address, messages: {} });
      channel.messages[messageId] = { $ref: `#/components/messages/${messageId}` };
      const local = owner === contract.service;
      // An event is sent on its producer's own channel; a command is received on the receiver's own.
      const actions = [
        ...(sends && (event.kind === "command" || local) ? ["send" as const] : []),
        ...(receives && (event.kind === "event" || local) ? ["receive" as const] : []),
      ];
      for (const action of actions) {
        operations[`${action}_${channelId}_${messageId}`] = {
          action,
          channel: { $ref: `#/channels/${channelId}` },
          messages: [{ $ref: `#/channels/${channelId}/messages/${messageId}` }],
          summary: `${action === "send" ? "Sends" : "Receives"} ${event.kind} ${event.name}.`,
        };
      }
    }
  }
  const schemas = Object.fromEntries(Object.entries(contract.schemas).map(([name, schema]) => [name, toDraft07(schema)]));
  const document = {
    asyncapi: "3.0.0",
    info: {
      title: `${contract.service} service events`,
      version: options.version ?? "0.1.0",
      description: `Events the ${contract.service} service emits or handles, and commands (calls whose result no caller uses), derived by decouple.`,
    },
    defaultContentType: "application/json",
    channels: sortSchemaKeys(channels),
    operations: sortSchemaKeys(operations),
    components: sortSchemaKeys({ messages, ...(Object.keys(schemas).length > 0 ? { schemas } : {}) }),
  };
  return toYaml(document);
}

function renderMessage(event: EventContract): Record<string, unknown> {
  return {
    name: event.name,
    title: event.kind === "event" ? `Event ${event.name}` : `Command ${event.name}`,
    summary: `${event.kind === "event" ? "Emitted" : "Called without using the result"} at ${event.locations.join(", ") || "(no call site)"}.`,
    contentType: "application/json",
    headers: HEADERS,
    payload: toDraft07(event.payload),
  };
}

/** AsyncAPI keys allow letters, digits, `.`, `-` and `_` only. */
function safeId(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, "_");
}
