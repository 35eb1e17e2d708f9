/**
 * Word lists for generated monoliths. DOMAIN_WORDS carry the planted domains; every other list
 * must stay free of them (as substrings too), because the neutral naming mode promises that
 * no domain word survives anywhere in the generated code. A test checks this.
 */
export const DOMAIN_WORDS: readonly string[] = [
  "order", "invoice", "payment", "customer", "catalog", "shipment", "inventory", "pricing",
  "cart", "checkout", "refund", "loyalty", "voucher", "subscription", "warehouse", "supplier",
  "review", "wishlist", "promotion", "ledger", "payout", "fulfillment", "billing", "coupon",
  "delivery", "merchant", "product", "quote", "rental", "booking", "claim", "contract",
  "compliance", "fraud", "tenant", "membership", "gift", "marketplace", "auction",
  "procurement", "payroll", "insurance",
];

/** Second word of a domain module's name: generic, so only the first word marks the domain. */
export const TOPICS: readonly string[] = [
  "audit", "history", "summary", "lookup", "export", "import", "sync", "status", "archive",
  "validation", "schedule", "batch", "report", "settings", "snapshot", "search", "policy",
  "adjustment", "approval", "digest", "mapping", "metrics", "reminder", "template", "webhook",
  "preference", "threshold", "timeline", "label", "dispute",
];

/** Shared utility modules, the hubs that every layer imports. */
export const UTIL_NAMES: readonly string[] = [
  "logger", "config", "db", "http-errors", "cache", "clock", "ids", "validation", "metrics",
  "events", "pagination", "retry", "strings", "dates", "feature-flags", "queue", "mailer",
  "auth", "i18n", "csv", "crypto", "env", "tracing", "rate-limit", "serializer",
];

/** Nouns for private helpers and fields inside module bodies. */
export const NOUNS: readonly string[] = [
  "priority", "weight", "ratio", "threshold", "window", "bucket", "entry", "batch", "cursor",
  "offset", "limit", "score", "version", "region", "channel", "source", "target", "label",
  "segment", "step", "phase", "slot", "range", "marker", "token", "flag", "counter", "span",
];

export const FIELD_NAMES: readonly string[] = [
  "status", "label", "count", "weight", "ratio", "notes", "enabled", "priority", "version",
  "ownerId", "tags", "score", "threshold", "region", "channel", "source", "kind", "updatedAt",
];

export const STATUS_WORDS: readonly string[] = [
  "active", "pending", "archived", "failed", "draft", "queued", "running", "done", "paused",
  "expired", "blocked", "stale",
];

export const KEY_WORDS: readonly string[] = [
  "alpha", "beta", "gamma", "delta", "north", "south", "east", "west", "low", "medium", "high",
  "urgent", "daily", "weekly", "monthly", "manual", "automatic",
];
