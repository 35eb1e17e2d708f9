import Database from "better-sqlite3";
import { runMigrations } from "./schema.js";
import { seedIfEmpty } from "./seed.js";
import { createLogger } from "../utils/logger.js";

const log = createLogger("db");

// One connection for the whole process. Every repository imports `db()` from here.
let connection: Database.Database | null = null;

export type SqlValue = string | number | bigint | null;

export function openDatabase(file: string): Database.Database {
  if (connection) connection.close();
  const opened = new Database(file);
  if (file !== ":memory:") opened.pragma("journal_mode = WAL");
  opened.pragma("foreign_keys = ON");
  opened.pragma("busy_timeout = 5000");
  const applied = runMigrations(opened);
  const seeded = seedIfEmpty(opened);
  log.info("database ready", { file, migrationsApplied: applied, seeded });
  connection = opened;
  return opened;
}

export function db(): Database.Database {
  if (!connection) throw new Error("Database is not open; call openDatabase() first");
  return connection;
}

export function closeDatabase(): void {
  if (connection) {
    connection.close();
    connection = null;
  }
}

/** Runs fn inside a transaction (nested calls become savepoints). */
export function transaction<T>(fn: () => T): T {
  return db().transaction(fn)();
}

export function changes(result: Database.RunResult): number {
  return result.changes;
}
