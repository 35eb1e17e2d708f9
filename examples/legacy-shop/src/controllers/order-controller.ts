import { Router } from "express";
import { getOrder, getOrderForCustomer, listOrders, placeOrder } from "../services/order-service.js";
import { parseCheckoutInput } from "../services/order-validation.js";
import { currentCustomerId, requireCustomer } from "../middleware/auth-middleware.js";
import { requireAdmin } from "../middleware/admin-guard.js";
import { pathParam } from "../utils/index.js";

export function createOrderRouter(): Router {
  const router = Router();

  router.post("/orders", requireCustomer, (req, res) => {
    const input = parseCheckoutInput(req.body);
    const placed = placeOrder(currentCustomerId(res), input);
    res.status(201).json(placed);
  });

  router.get("/orders", requireCustomer, (_req, res) => {
    res.json({ items: listOrders(currentCustomerId(res)) });
  });

  router.get("/orders/:id", requireCustomer, (req, res) => {
    res.json(getOrderForCustomer(currentCustomerId(res), pathParam(req.params, "id")));
  });

  router.get("/admin/orders/:id", requireAdmin, (req, res) => {
    res.json(getOrder(pathParam(req.params, "id")));
  });

  return router;
}
