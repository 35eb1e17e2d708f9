import { db } from "../db/database.js";
import { paymentFromRow, refundFromRow } from "../models/index.js";
import type { Payment, PaymentRow, PaymentStatus, Refund, RefundRow } from "../models/index.js";
import { nowIso } from "../utils/index.js";

export function insertPayment(payment: Payment): void {
  db()
    .prepare(
      `INSERT INTO payments (id, order_id, amount_cents, status, card_brand, card_last4, processor_ref, decline_code,
                             created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      payment.id,
      payment.orderId,
      payment.amountCents,
      payment.status,
      payment.cardBrand,
      payment.cardLast4,
      payment.processorRef,
      payment.declineCode,
      payment.createdAt,
      payment.updatedAt,
    );
}

export function findPaymentById(id: string): Payment | null {
  const row = db().prepare("SELECT * FROM payments WHERE id = ?").get(id) as PaymentRow | undefined;
  return row ? paymentFromRow(row) : null;
}

export function listPaymentsByOrder(orderId: string): Payment[] {
  const rows = db()
    .prepare("SELECT * FROM payments WHERE order_id = ? ORDER BY created_at, id")
    .all(orderId) as PaymentRow[];
  return rows.map(paymentFromRow);
}

export function findCapturedPayment(orderId: string): Payment | null {
  const row = db()
    .prepare(
      "SELECT * FROM payments WHERE order_id = ? AND status IN ('captured', 'partially_refunded') ORDER BY created_at DESC LIMIT 1",
    )
    .get(orderId) as PaymentRow | undefined;
  return row ? paymentFromRow(row) : null;
}

export function updatePaymentStatus(id: string, status: PaymentStatus): void {
  db().prepare("UPDATE payments SET status = ?, updated_at = ? WHERE id = ?").run(status, nowIso(), id);
}

export function insertRefund(refund: Refund): void {
  db()
    .prepare(
      `INSERT INTO refunds (id, payment_id, order_id, amount_cents, reason, processor_ref, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(refund.id, refund.paymentId, refund.orderId, refund.amountCents, refund.reason, refund.processorRef, refund.createdAt);
}

export function listRefundsByOrder(orderId: string): Refund[] {
  const rows = db().prepare("SELECT * FROM refunds WHERE order_id = ? ORDER BY created_at, id").all(orderId) as RefundRow[];
  return rows.map(refundFromRow);
}

export function sumRefundedForPayment(paymentId: string): number {
  const row = db()
    .prepare("SELECT COALESCE(SUM(amount_cents), 0) AS total FROM refunds WHERE payment_id = ?")
    .get(paymentId) as { total: number };
  return row.total;
}
