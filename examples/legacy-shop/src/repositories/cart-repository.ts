import { db } from "../db/database.js";
import { cartFromRows } from "../models/index.js";
import type { Cart, CartItemRow, CartRow } from "../models/index.js";
import { newId, nowIso } from "../utils/index.js";

function loadItems(cartId: string): CartItemRow[] {
  return db().prepare("SELECT * FROM cart_items WHERE cart_id = ? ORDER BY added_at, product_id").all(cartId) as CartItemRow[];
}

export function findCartByCustomer(customerId: string): Cart | null {
  const row = db().prepare("SELECT * FROM carts WHERE customer_id = ?").get(customerId) as CartRow | undefined;
  return row ? cartFromRows(row, loadItems(row.id)) : null;
}

export function insertCart(customerId: string): Cart {
  const now = nowIso();
  const id = newId("crt");
  db()
    .prepare("INSERT INTO carts (id, customer_id, coupon_code, created_at, updated_at) VALUES (?, ?, NULL, ?, ?)")
    .run(id, customerId, now, now);
  return { id, customerId, couponCode: null, items: [], updatedAt: now };
}

export function upsertCartItem(cartId: string, productId: string, quantity: number): void {
  db()
    .prepare(
      `INSERT INTO cart_items (cart_id, product_id, quantity, added_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = excluded.quantity`,
    )
    .run(cartId, productId, quantity, nowIso());
  touchCart(cartId);
}

export function deleteCartItem(cartId: string, productId: string): boolean {
  const removed = db().prepare("DELETE FROM cart_items WHERE cart_id = ? AND product_id = ?").run(cartId, productId);
  touchCart(cartId);
  return removed.changes === 1;
}

export function clearCartItems(cartId: string): void {
  db().prepare("DELETE FROM cart_items WHERE cart_id = ?").run(cartId);
  db().prepare("UPDATE carts SET coupon_code = NULL, updated_at = ? WHERE id = ?").run(nowIso(), cartId);
}

export function setCartCoupon(cartId: string, couponCode: string | null): void {
  db().prepare("UPDATE carts SET coupon_code = ?, updated_at = ? WHERE id = ?").run(couponCode, nowIso(), cartId);
}

export function touchCart(cartId: string): void {
  db().prepare("UPDATE carts SET updated_at = ? WHERE id = ?").run(nowIso(), cartId);
}
