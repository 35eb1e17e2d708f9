import { Router } from "express";
import { listPaymentsForCustomerOrder } from "../services/payment-service.js";
import { listRefundsForOrder, refundOrder } from "../services/refund-service.js";
import { currentCustomerId, requireCustomer } from "../middleware/auth-middleware.js";
import { requireAdmin } from "../middleware/admin-guard.js";
import { asBody, optionalInt, optionalString, pathParam } from "../utils/index.js";

export function createPaymentRouter(): Router {
  const router = Router();

  router.get("/orders/:id/payments", requireCustomer, (req, res) => {
    res.json({ items: listPaymentsForCustomerOrder(currentCustomerId(res), pathParam(req.params, "id")) });
  });

  router.get("/admin/orders/:id/refunds", requireAdmin, (req, res) => {
    res.json({ items: listRefundsForOrder(pathParam(req.params, "id")) });
  });

  router.post("/admin/orders/:id/refunds", requireAdmin, (req, res) => {
    const body = asBody(req.body ?? {});
    const outcome = refundOrder(pathParam(req.params, "id"), {
      amountCents: optionalInt(body, "amountCents", { min: 1 }),
      reason: optionalString(body, "reason", { max: 500 }) ?? "requested_by_customer",
    });
    res.status(201).json(outcome);
  });

  return router;
}
