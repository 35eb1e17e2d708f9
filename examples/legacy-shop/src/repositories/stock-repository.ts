import { db } from "../db/database.js";
import { reservationFromRow, stockItemFromRow } from "../models/index.js";
import type { ReservationStatus, StockItem, StockItemRow, StockReservation, StockReservationRow } from "../models/index.js";
import { newId, nowIso } from "../utils/index.js";

export function findStockItem(productId: string): StockItem | null {
  const row = db().prepare("SELECT * FROM stock_items WHERE product_id = ?").get(productId) as StockItemRow | undefined;
  return row ? stockItemFromRow(row) : null;
}

export function listLowStockItems(threshold: number): StockItem[] {
  const rows = db()
    .prepare("SELECT * FROM stock_items WHERE on_hand - reserved <= MAX(reorder_level, ?) ORDER BY product_id")
    .all(threshold) as StockItemRow[];
  return rows.map(stockItemFromRow);
}

export function insertStockItem(productId: string, onHand: number): void {
  db()
    .prepare("INSERT INTO stock_items (product_id, on_hand, reserved, reorder_level, updated_at) VALUES (?, ?, 0, 5, ?)")
    .run(productId, onHand, nowIso());
}

/** Returns false when the adjustment would take on_hand below reserved or zero. */
export function adjustOnHand(productId: string, delta: number): boolean {
  const result = db()
    .prepare(
      `UPDATE stock_items SET on_hand = on_hand + ?, updated_at = ?
        WHERE product_id = ? AND on_hand + ? >= reserved AND on_hand + ? >= 0`,
    )
    .run(delta, nowIso(), productId, delta, delta);
  return result.changes === 1;
}

/** Atomically holds stock; returns false if not enough is available. */
export function holdStock(productId: string, quantity: number): boolean {
  const result = db()
    .prepare(
      `UPDATE stock_items SET reserved = reserved + ?, updated_at = ?
        WHERE product_id = ? AND on_hand - reserved >= ?`,
    )
    .run(quantity, nowIso(), productId, quantity);
  return result.changes === 1;
}

export function releaseHeldStock(productId: string, quantity: number): void {
  db()
    .prepare("UPDATE stock_items SET reserved = MAX(0, reserved - ?), updated_at = ? WHERE product_id = ?")
    .run(quantity, nowIso(), productId);
}

export function commitHeldStock(productId: string, quantity: number): void {
  db()
    .prepare(
      "UPDATE stock_items SET reserved = reserved - ?, on_hand = on_hand - ?, updated_at = ? WHERE product_id = ?",
    )
    .run(quantity, quantity, nowIso(), productId);
}

export function insertReservation(orderId: string, productId: string, quantity: number): StockReservation {
  const now = nowIso();
  const id = newId("rsv");
  db()
    .prepare(
      `INSERT INTO stock_reservations (id, order_id, product_id, quantity, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'held', ?, ?)`,
    )
    .run(id, orderId, productId, quantity, now, now);
  return { id, orderId, productId, quantity, status: "held", createdAt: now, updatedAt: now };
}

export function listReservationsForOrder(orderId: string): StockReservation[] {
  const rows = db()
    .prepare("SELECT * FROM stock_reservations WHERE order_id = ? ORDER BY created_at, id")
    .all(orderId) as StockReservationRow[];
  return rows.map(reservationFromRow);
}

export function setReservationStatus(id: string, status: ReservationStatus): void {
  db().prepare("UPDATE stock_reservations SET status = ?, updated_at = ? WHERE id = ?").run(status, nowIso(), id);
}
