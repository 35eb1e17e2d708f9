import { Router } from "express";
import { adjustStock, getStockLevel, listLowStock } from "../services/inventory-service.js";
import { requireAdmin } from "../middleware/admin-guard.js";
import { asBody, pathParam, requireInt, requireString } from "../utils/index.js";

export function createInventoryRouter(): Router {
  const router = Router();

  router.get("/inventory/:productId", (req, res) => {
    res.json(getStockLevel(pathParam(req.params, "productId")));
  });

  router.get("/admin/inventory/low-stock", requireAdmin, (_req, res) => {
    res.json({ items: listLowStock() });
  });

  router.post("/admin/inventory/:productId/adjust", requireAdmin, (req, res) => {
    const body = asBody(req.body);
    const delta = requireInt(body, "delta", { min: -10_000, max: 10_000 });
    const reason = requireString(body, "reason", { max: 200 });
    res.json(adjustStock(pathParam(req.params, "productId"), delta, reason));
  });

  return router;
}
