export interface Refund {
  id: string;
  paymentId: string;
  orderId: string;
  amountCents: number;
  reason: string;
  processorRef: string;
  createdAt: string;
}

export interface RefundRow {
  id: string;
  payment_id: string;
  order_id: string;
  amount_cents: number;
  reason: string;
  processor_ref: string;
  created_at: string;
}

export interface RefundRequest {
  amountCents?: number;
  reason: string;
}

export function refundFromRow(row: RefundRow): Refund {
  return {
    id: row.id,
    paymentId: row.payment_id,
    orderId: row.order_id,
    amountCents: row.amount_cents,
    reason: row.reason,
    processorRef: row.processor_ref,
    createdAt: row.created_at,
  };
}
