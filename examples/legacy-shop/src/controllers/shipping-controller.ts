import { Router } from "express";
import { getShipmentForCustomerOrder, markDelivered, shipOrder, trackShipment } from "../services/shipping-service.js";
import { customerShippingPrice, quoteAllRates } from "../services/shipping-rates.js";
import { currentCustomerId, requireCustomer } from "../middleware/auth-middleware.js";
import { requireAdmin } from "../middleware/admin-guard.js";
import { CARRIERS, SERVICE_LEVELS } from "../models/index.js";
import { asBody, optionalString, pathParam, queryInt, requireOneOf } from "../utils/index.js";

export function createShippingRouter(): Router {
  const router = Router();

  router.get("/shipping/rates", (req, res) => {
    const weightGrams = queryInt(req.query, "weightGrams", 1000, { min: 1, max: 70_000 });
    const subtotalCents = queryInt(req.query, "subtotalCents", 0, { min: 0 });
    res.json({ customerPriceCents: customerShippingPrice(subtotalCents), carrierQuotes: quoteAllRates(weightGrams) });
  });

  router.get("/shipments/:trackingNumber", (req, res) => {
    res.json(trackShipment(pathParam(req.params, "trackingNumber")));
  });

  router.get("/orders/:id/shipment", requireCustomer, (req, res) => {
    res.json(getShipmentForCustomerOrder(currentCustomerId(res), pathParam(req.params, "id")));
  });

  router.post("/admin/orders/:id/shipments", requireAdmin, (req, res) => {
    const body = asBody(req.body);
    const shipment = shipOrder(
      pathParam(req.params, "id"),
      requireOneOf(body, "carrier", CARRIERS),
      requireOneOf(body, "serviceLevel", SERVICE_LEVELS),
    );
    res.status(201).json(shipment);
  });

  router.post("/admin/shipments/:trackingNumber/deliver", requireAdmin, (req, res) => {
    const body = asBody(req.body ?? {});
    const location = optionalString(body, "location", { max: 200 }) ?? "Front door";
    res.json(markDelivered(pathParam(req.params, "trackingNumber"), location));
  });

  return router;
}
