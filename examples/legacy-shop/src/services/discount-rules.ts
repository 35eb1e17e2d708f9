import { clampCents, percentOf } from "../utils/money.js";
import type { Coupon, CouponKind } from "../models/index.js";

/** Why a coupon cannot be used right now, or null if it can. */
export function eligibilityProblem(coupon: Coupon, subtotalCents: number, now: Date): string | null {
  if (!coupon.active) return "coupon is no longer active";
  if (coupon.startsAt && now.getTime() < new Date(coupon.startsAt).getTime()) return "coupon is not valid yet";
  if (coupon.expiresAt && now.getTime() >= new Date(coupon.expiresAt).getTime()) return "coupon has expired";
  if (coupon.maxRedemptions !== null && coupon.redemptions >= coupon.maxRedemptions) {
    return "coupon has been fully redeemed";
  }
  if (subtotalCents < coupon.minSubtotalCents) {
    return `subtotal must be at least ${coupon.minSubtotalCents} cents`;
  }
  return null;
}

export function computeDiscount(coupon: Coupon, subtotalCents: number): number {
  switch (coupon.kind) {
    case "percent":
      return clampCents(percentOf(subtotalCents, coupon.value), 0, subtotalCents);
    case "fixed":
      return clampCents(coupon.value, 0, subtotalCents);
    case "free_shipping":
      return 0;
  }
}

export function definitionProblem(kind: CouponKind, value: number): string | null {
  if (kind === "percent" && (value <= 0 || value > 100)) return "percent coupons need a value between 1 and 100";
  if (kind === "fixed" && value <= 0) return "fixed coupons need a positive value in cents";
  return null;
}
