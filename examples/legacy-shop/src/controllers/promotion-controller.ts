import { Router } from "express";
import { createCoupon, evaluateCoupon, listAllCoupons } from "../services/promotion-service.js";
import { requireAdmin } from "../middleware/admin-guard.js";
import { COUPON_KINDS } from "../models/index.js";
import { asBody, optionalInt, optionalString, pathParam, queryInt, requireInt, requireOneOf, requireString } from "../utils/index.js";

export function createPromotionRouter(): Router {
  const router = Router();

  router.get("/coupons/:code", (req, res) => {
    const subtotalCents = queryInt(req.query, "subtotalCents", 0, { min: 0 });
    res.json(evaluateCoupon(pathParam(req.params, "code"), subtotalCents));
  });

  router.get("/admin/coupons", requireAdmin, (_req, res) => {
    res.json({ items: listAllCoupons() });
  });

  router.post("/admin/coupons", requireAdmin, (req, res) => {
    const body = asBody(req.body);
    const coupon = createCoupon({
      code: requireString(body, "code", { min: 3, max: 40 }),
      kind: requireOneOf(body, "kind", COUPON_KINDS),
      value: requireInt(body, "value", { min: 0 }),
      minSubtotalCents: optionalInt(body, "minSubtotalCents", { min: 0 }),
      maxRedemptions: optionalInt(body, "maxRedemptions", { min: 1 }),
      expiresAt: optionalString(body, "expiresAt"),
    });
    res.status(201).json(coupon);
  });

  return router;
}
