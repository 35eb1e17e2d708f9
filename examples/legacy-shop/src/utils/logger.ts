import { config } from "./config.js";
import type { LogLevel } from "./config.js";

const SEVERITY: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogContext = Record<string, unknown>;

export interface Logger {
  debug(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
  child(name: string): Logger;
}

function write(level: Exclude<LogLevel, "silent">, name: string, message: string, context?: LogContext): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, logger: name, message, ...context });
  if (level === "error" || level === "warn") {
    process.stderr.write(line + "\n");
  } else {
    process.stdout.write(line + "\n");
  }
}

export function createLogger(name: string, minLevel: LogLevel = config.logLevel): Logger {
  const enabled = (level: LogLevel): boolean => SEVERITY[level] >= SEVERITY[minLevel];
  return {
    debug: (message, context) => {
      if (enabled("debug")) write("debug", name, message, context);
    },
    info: (message, context) => {
      if (enabled("info")) write("info", name, message, context);
    },
    warn: (message, context) => {
      if (enabled("warn")) write("warn", name, message, context);
    },
    error: (message, context) => {
      if (enabled("error")) write("error", name, message, context);
    },
    child: (childName) => createLogger(`${name}.${childName}`, minLevel),
  };
}

export function errorContext(err: unknown): LogContext {
  if (err instanceof Error) return { error: err.message, stack: err.stack };
  return { error: String(err) };
}
