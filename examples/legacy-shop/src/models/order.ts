import type { OrderLine } from "./order-line.js";

export type OrderStatus =
  | "pending_payment"
  | "payment_failed"
  | "paid"
  | "shipped"
  | "delivered"
  | "partially_refunded"
  | "refunded";

export interface ShippingAddress {
  name: string;
  line1: string;
  city: string;
  postalCode: string;
  country: string;
}

export interface Order {
  id: string;
  customerId: string;
  status: OrderStatus;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  couponCode: string | null;
  shippingAddress: ShippingAddress;
  lines: OrderLine[];
  createdAt: string;
  updatedAt: string;
}

export interface OrderRow {
  id: string;
  customer_id: string;
  status: string;
  subtotal_cents: number;
  discount_cents: number;
  shipping_cents: number;
  total_cents: number;
  coupon_code: string | null;
  shipping_address: string;
  created_at: string;
  updated_at: string;
}

const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ["paid", "payment_failed"],
  payment_failed: [],
  paid: ["shipped", "partially_refunded", "refunded"],
  shipped: ["delivered", "partially_refunded", "refunded"],
  delivered: ["partially_refunded", "refunded"],
  partially_refunded: ["shipped", "delivered", "partially_refunded", "refunded"],
  refunded: [],
};

export const ORDER_STATUSES = Object.keys(TRANSITIONS) as OrderStatus[];

/** Statuses that count as revenue (payment captured at some point). */
export const PAID_ORDER_STATUSES: readonly OrderStatus[] = [
  "paid",
  "shipped",
  "delivered",
  "partially_refunded",
  "refunded",
];

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function parseOrderStatus(value: string): OrderStatus {
  const status = ORDER_STATUSES.find((s) => s === value);
  if (!status) throw new Error(`Unknown order status ${value}`);
  return status;
}

export function orderFromRow(row: OrderRow, lines: OrderLine[]): Order {
  return {
    id: row.id,
    customerId: row.customer_id,
    status: parseOrderStatus(row.status),
    subtotalCents: row.subtotal_cents,
    discountCents: row.discount_cents,
    shippingCents: row.shipping_cents,
    totalCents: row.total_cents,
    couponCode: row.coupon_code,
    shippingAddress: JSON.parse(row.shipping_address) as ShippingAddress,
    lines,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
