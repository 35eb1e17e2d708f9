import { db } from "../db/database.js";
import { outboxEmailFromRow } from "../models/index.js";
import type { EmailTemplateName, OutboxEmail, OutboxEmailRow, OutboxFilter, RenderedEmail } from "../models/index.js";
import { newId, nowIso } from "../utils/index.js";

export function enqueueEmail(
  recipient: string,
  template: EmailTemplateName,
  rendered: RenderedEmail,
  relatedOrderId: string | null,
): OutboxEmail {
  const id = newId("eml");
  db()
    .prepare(
      `INSERT INTO email_outbox (id, recipient, template, subject, body, status, related_order_id, attempts, created_at)
       VALUES (?, ?, ?, ?, ?, 'pending', ?, 0, ?)`,
    )
    .run(id, recipient, template, rendered.subject, rendered.body, relatedOrderId, nowIso());
  const row = db().prepare("SELECT * FROM email_outbox WHERE id = ?").get(id) as OutboxEmailRow;
  return outboxEmailFromRow(row);
}

export function listOutbox(filter: OutboxFilter, limit = 100): OutboxEmail[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.status) {
    where.push("status = ?");
    params.push(filter.status);
  }
  if (filter.orderId) {
    where.push("related_order_id = ?");
    params.push(filter.orderId);
  }
  if (filter.recipient) {
    where.push("recipient = ?");
    params.push(filter.recipient.toLowerCase());
  }
  const whereSql = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const rows = db()
    .prepare(`SELECT * FROM email_outbox ${whereSql} ORDER BY created_at, id LIMIT ?`)
    .all(...params, limit) as OutboxEmailRow[];
  return rows.map(outboxEmailFromRow);
}

export function markEmailSent(id: string): void {
  db()
    .prepare("UPDATE email_outbox SET status = 'sent', attempts = attempts + 1, sent_at = ? WHERE id = ?")
    .run(nowIso(), id);
}

export function markEmailFailed(id: string): void {
  db().prepare("UPDATE email_outbox SET status = 'failed', attempts = attempts + 1 WHERE id = ?").run(id);
}
