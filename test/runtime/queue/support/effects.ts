import type BetterSqlite3 from "better-sqlite3";

/** A handler's own effect: one row per handling, with no uniqueness, so a second effect would show. */
export function createEffectsTable(db: BetterSqlite3.Database): void {
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 10000");
  db.exec("CREATE TABLE IF NOT EXISTS effects (message_id TEXT NOT NULL, key TEXT NOT NULL)");
}

export function recordEffect(db: BetterSqlite3.Database, messageId: string, key: string): void {
  db.prepare("INSERT INTO effects (message_id, key) VALUES (?, ?)").run(messageId, key);
}

export function countEffects(db: BetterSqlite3.Database): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of db.prepare("SELECT message_id AS id, COUNT(*) AS n FROM effects GROUP BY message_id").all()) {
    if (typeof row === "object" && row !== null && "id" in row && "n" in row) counts.set(String(row.id), Number(row.n));
  }
  return counts;
}
