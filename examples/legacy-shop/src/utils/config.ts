// Central configuration. Historically every module read process.env directly;
// this file was introduced in 2019 to stop that, with mixed success.

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

export interface ShopConfig {
  port: number;
  dbFile: string;
  adminApiKey: string;
  logLevel: LogLevel;
  jobsEnabled: boolean;
  reportIntervalMs: number;
  sessionTtlMinutes: number;
  currency: string;
  freeShippingThresholdCents: number;
  standardShippingCents: number;
  maxLineQuantity: number;
  lowStockThreshold: number;
}

type Env = Record<string, string | undefined>;

function envInt(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const parsed = Number.parseInt(raw, 10);
  return Number.isFinite(parsed) ? parsed : fallback;
}

function envBool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined) return fallback;
  return ["1", "true", "yes", "on"].includes(raw.toLowerCase());
}

function envLogLevel(env: Env, fallback: LogLevel): LogLevel {
  const raw = env.SHOP_LOG_LEVEL;
  const levels: LogLevel[] = ["debug", "info", "warn", "error", "silent"];
  return levels.find((l) => l === raw) ?? fallback;
}

export function loadConfig(env: Env = process.env): ShopConfig {
  const underTest = env.VITEST === "true" || env.NODE_ENV === "test";
  return {
    port: envInt(env, "PORT", 3000),
    dbFile: env.SHOP_DB_FILE ?? "legacy-shop.sqlite",
    adminApiKey: env.SHOP_ADMIN_KEY ?? "dev-admin-key",
    logLevel: envLogLevel(env, underTest ? "silent" : "info"),
    jobsEnabled: envBool(env, "SHOP_JOBS_ENABLED", !underTest),
    reportIntervalMs: envInt(env, "SHOP_REPORT_INTERVAL_MS", 60 * 60 * 1000),
    sessionTtlMinutes: envInt(env, "SHOP_SESSION_TTL_MINUTES", 60 * 24),
    currency: env.SHOP_CURRENCY ?? "USD",
    freeShippingThresholdCents: envInt(env, "SHOP_FREE_SHIPPING_THRESHOLD", 10000),
    standardShippingCents: envInt(env, "SHOP_STANDARD_SHIPPING", 599),
    maxLineQuantity: envInt(env, "SHOP_MAX_LINE_QTY", 20),
    lowStockThreshold: envInt(env, "SHOP_LOW_STOCK_THRESHOLD", 5),
  };
}

export const config: ShopConfig = loadConfig();
