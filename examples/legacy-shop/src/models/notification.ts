export type EmailTemplateName = "order_confirmation" | "order_shipped" | "order_refunded" | "welcome";
export type OutboxStatus = "pending" | "sent" | "failed";

export interface OutboxEmail {
  id: string;
  recipient: string;
  template: EmailTemplateName;
  subject: string;
  body: string;
  status: OutboxStatus;
  relatedOrderId: string | null;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxEmailRow {
  id: string;
  recipient: string;
  template: string;
  subject: string;
  body: string;
  status: string;
  related_order_id: string | null;
  attempts: number;
  created_at: string;
  sent_at: string | null;
}

export interface RenderedEmail {
  subject: string;
  body: string;
}

export interface OutboxFilter {
  status?: OutboxStatus;
  orderId?: string;
  recipient?: string;
}

export function outboxEmailFromRow(row: OutboxEmailRow): OutboxEmail {
  return {
    id: row.id,
    recipient: row.recipient,
    template: row.template as EmailTemplateName,
    subject: row.subject,
    body: row.body,
    status: row.status as OutboxStatus,
    relatedOrderId: row.related_order_id,
    attempts: row.attempts,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
