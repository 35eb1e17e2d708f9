export type PaymentStatus = "captured" | "declined" | "partially_refunded" | "refunded";

export type CardBrand = "visa" | "mastercard" | "amex" | "unknown";

export interface CardDetails {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

export interface Payment {
  id: string;
  orderId: string;
  amountCents: number;
  status: PaymentStatus;
  cardBrand: CardBrand;
  cardLast4: string;
  processorRef: string | null;
  declineCode: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PaymentRow {
  id: string;
  order_id: string;
  amount_cents: number;
  status: string;
  card_brand: string;
  card_last4: string;
  processor_ref: string | null;
  decline_code: string | null;
  created_at: string;
  updated_at: string;
}

export function paymentFromRow(row: PaymentRow): Payment {
  return {
    id: row.id,
    orderId: row.order_id,
    amountCents: row.amount_cents,
    status: row.status as PaymentStatus,
    cardBrand: row.card_brand as CardBrand,
    cardLast4: row.card_last4,
    processorRef: row.processor_ref,
    declineCode: row.decline_code,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function maskCardNumber(number: string): string {
  const digits = number.replace(/\D/g, "");
  return `**** **** **** ${digits.slice(-4)}`;
}
