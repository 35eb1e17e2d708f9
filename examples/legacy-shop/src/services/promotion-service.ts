import { findCouponByCode, incrementRedemptions, insertCoupon, listCoupons } from "../repositories/coupon-repository.js";
import { computeDiscount, definitionProblem, eligibilityProblem } from "./discount-rules.js";
import { normalizeCouponCode } from "../models/index.js";
import type { Coupon, CouponEvaluation, CouponKind } from "../models/index.js";
import { ConflictError, UnprocessableError } from "../utils/index.js";

export interface NewCouponInput {
  code: string;
  kind: CouponKind;
  value: number;
  minSubtotalCents?: number;
  maxRedemptions?: number;
  expiresAt?: string;
}

export function evaluateCoupon(rawCode: string, subtotalCents: number, now: Date = new Date()): CouponEvaluation {
  const code = normalizeCouponCode(rawCode);
  const coupon = findCouponByCode(code);
  if (!coupon) return { code, valid: false, reason: "unknown coupon code", discountCents: 0, freeShipping: false };
  const problem = eligibilityProblem(coupon, subtotalCents, now);
  if (problem) return { code, valid: false, reason: problem, discountCents: 0, freeShipping: false };
  return {
    code,
    valid: true,
    reason: null,
    discountCents: computeDiscount(coupon, subtotalCents),
    freeShipping: coupon.kind === "free_shipping",
  };
}

/** Counts a use of the coupon. Returns false if the redemption cap was hit meanwhile. */
export function redeemCoupon(rawCode: string): boolean {
  return incrementRedemptions(normalizeCouponCode(rawCode));
}

export function createCoupon(input: NewCouponInput): Coupon {
  const code = normalizeCouponCode(input.code);
  const problem = definitionProblem(input.kind, input.value);
  if (problem) throw new UnprocessableError(problem);
  if (findCouponByCode(code)) throw new ConflictError(`Coupon ${code} already exists`);
  const coupon: Coupon = {
    code,
    kind: input.kind,
    value: input.value,
    minSubtotalCents: input.minSubtotalCents ?? 0,
    maxRedemptions: input.maxRedemptions ?? null,
    redemptions: 0,
    startsAt: null,
    expiresAt: input.expiresAt ?? null,
    active: true,
  };
  insertCoupon(coupon);
  return coupon;
}

export function listAllCoupons(): Coupon[] {
  return listCoupons();
}
