import { db } from "../db/database.js";
import { sessionFromRow } from "../models/index.js";
import type { Session, SessionRow } from "../models/index.js";

export function insertSession(session: Session): void {
  db()
    .prepare("INSERT INTO sessions (token, customer_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
    .run(session.token, session.customerId, session.createdAt, session.expiresAt);
}

export function findSession(token: string): Session | null {
  const row = db().prepare("SELECT * FROM sessions WHERE token = ?").get(token) as SessionRow | undefined;
  return row ? sessionFromRow(row) : null;
}

export function deleteSession(token: string): boolean {
  return db().prepare("DELETE FROM sessions WHERE token = ?").run(token).changes === 1;
}

export function deleteSessionsForCustomer(customerId: string): number {
  return db().prepare("DELETE FROM sessions WHERE customer_id = ?").run(customerId).changes;
}

export function deleteExpiredSessions(nowIsoString: string): number {
  return db().prepare("DELETE FROM sessions WHERE expires_at <= ?").run(nowIsoString).changes;
}
