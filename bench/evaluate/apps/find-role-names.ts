import { singular, wordsOf } from "./truth-rules.js";

/**
 * Technical roles, not business capabilities: a service named after one is a layer or a
 * technical concern (NestJS, Angular, Express, ORM and queue conventions).
 */
export const ROLE_WORDS: ReadonlySet<string> = new Set([
  "adapter", "command", "common", "config", "configuration", "constant", "controller", "core", "decorator", "dto",
  "entity", "enum", "error", "event", "exception", "factory", "filter", "guard", "handler", "helper", "interceptor",
  "interface", "job", "lib", "listener", "loader", "mapper", "middleware", "migration", "model", "module", "pipe",
  "policy", "presenter", "processor", "provider", "query", "queue", "repository", "resolver", "route", "router",
  "schema", "serializer", "service", "shared", "strategy", "subscriber", "task", "type", "util", "validator",
]);

/**
 * The role words a service name is made of. "service" after a business word (`user-service`) is
 * how deployables are named and does not count; alone or after another role word it does.
 */
export function roleWordsIn(name: string): string[] {
  const words = wordsOf(name).map(singular);
  return words.filter((word, index) => {
    if (!ROLE_WORDS.has(word)) return false;
    if (word !== "service" || index === 0) return true;
    const before = words[index - 1];
    return before !== undefined && ROLE_WORDS.has(before);
  });
}
