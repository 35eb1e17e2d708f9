import { db } from "../db/database.js";
import { orderFromRow, orderLineFromRow } from "../models/index.js";
import type { NewOrderLine, Order, OrderLineRow, OrderRow, OrderStatus, ShippingAddress } from "../models/index.js";
import { nowIso } from "../utils/index.js";

export interface NewOrder {
  id: string;
  customerId: string;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  couponCode: string | null;
  shippingAddress: ShippingAddress;
  lines: NewOrderLine[];
}

function linesFor(orderId: string): OrderLineRow[] {
  return db().prepare("SELECT * FROM order_lines WHERE order_id = ? ORDER BY id").all(orderId) as OrderLineRow[];
}

export function insertOrder(order: NewOrder): void {
  const now = nowIso();
  db()
    .prepare(
      `INSERT INTO orders (id, customer_id, status, subtotal_cents, discount_cents, shipping_cents, total_cents,
                           coupon_code, shipping_address, created_at, updated_at)
       VALUES (?, ?, 'pending_payment', ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      order.id,
      order.customerId,
      order.subtotalCents,
      order.discountCents,
      order.shippingCents,
      order.totalCents,
      order.couponCode,
      JSON.stringify(order.shippingAddress),
      now,
      now,
    );
  const insertLine = db().prepare(
    `INSERT INTO order_lines (order_id, product_id, sku, name, quantity, unit_price_cents, line_total_cents, weight_grams)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const line of order.lines) {
    insertLine.run(
      order.id,
      line.productId,
      line.sku,
      line.name,
      line.quantity,
      line.unitPriceCents,
      line.lineTotalCents,
      line.weightGrams,
    );
  }
}

export function findOrderById(id: string): Order | null {
  const row = db().prepare("SELECT * FROM orders WHERE id = ?").get(id) as OrderRow | undefined;
  return row ? orderFromRow(row, linesFor(id).map(orderLineFromRow)) : null;
}

export function listOrdersByCustomer(customerId: string, limit = 50): Order[] {
  const rows = db()
    .prepare("SELECT * FROM orders WHERE customer_id = ? ORDER BY created_at DESC, id DESC LIMIT ?")
    .all(customerId, limit) as OrderRow[];
  return rows.map((row) => orderFromRow(row, linesFor(row.id).map(orderLineFromRow)));
}

export function updateOrderStatus(id: string, status: OrderStatus): void {
  db().prepare("UPDATE orders SET status = ?, updated_at = ? WHERE id = ?").run(status, nowIso(), id);
}
