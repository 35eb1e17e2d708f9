import { db } from "../db/database.js";
import { couponFromRow } from "../models/index.js";
import type { Coupon, CouponRow } from "../models/index.js";

export function findCouponByCode(code: string): Coupon | null {
  const row = db().prepare("SELECT * FROM coupons WHERE code = ?").get(code) as CouponRow | undefined;
  return row ? couponFromRow(row) : null;
}

export function listCoupons(): Coupon[] {
  const rows = db().prepare("SELECT * FROM coupons ORDER BY code").all() as CouponRow[];
  return rows.map(couponFromRow);
}

export function insertCoupon(coupon: Coupon): void {
  db()
    .prepare(
      `INSERT INTO coupons (code, kind, value, min_subtotal_cents, max_redemptions, redemptions, starts_at, expires_at, active)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      coupon.code,
      coupon.kind,
      coupon.value,
      coupon.minSubtotalCents,
      coupon.maxRedemptions,
      coupon.redemptions,
      coupon.startsAt,
      coupon.expiresAt,
      coupon.active ? 1 : 0,
    );
}

/** Guarded increment: fails (returns false) once max_redemptions is reached. */
export function incrementRedemptions(code: string): boolean {
  const result = db()
    .prepare(
      `UPDATE coupons SET redemptions = redemptions + 1
        WHERE code = ? AND (max_redemptions IS NULL OR redemptions < max_redemptions)`,
    )
    .run(code);
  return result.changes === 1;
}

export function setCouponActive(code: string, active: boolean): boolean {
  return db().prepare("UPDATE coupons SET active = ? WHERE code = ?").run(active ? 1 : 0, code).changes === 1;
}
