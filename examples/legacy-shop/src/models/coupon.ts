export type CouponKind = "percent" | "fixed" | "free_shipping";

export const COUPON_KINDS: readonly CouponKind[] = ["percent", "fixed", "free_shipping"];

export interface Coupon {
  code: string;
  kind: CouponKind;
  /** percent (0-100) for "percent", cents for "fixed", ignored for "free_shipping" */
  value: number;
  minSubtotalCents: number;
  maxRedemptions: number | null;
  redemptions: number;
  startsAt: string | null;
  expiresAt: string | null;
  active: boolean;
}

export interface CouponRow {
  code: string;
  kind: string;
  value: number;
  min_subtotal_cents: number;
  max_redemptions: number | null;
  redemptions: number;
  starts_at: string | null;
  expires_at: string | null;
  active: number;
}

export interface CouponEvaluation {
  code: string;
  valid: boolean;
  reason: string | null;
  discountCents: number;
  freeShipping: boolean;
}

export function couponFromRow(row: CouponRow): Coupon {
  return {
    code: row.code,
    kind: row.kind as CouponKind,
    value: row.value,
    minSubtotalCents: row.min_subtotal_cents,
    maxRedemptions: row.max_redemptions,
    redemptions: row.redemptions,
    startsAt: row.starts_at,
    expiresAt: row.expires_at,
    active: row.active === 1,
  };
}

export function normalizeCouponCode(code: string): string {
  return code.trim().toUpperCase();
}
