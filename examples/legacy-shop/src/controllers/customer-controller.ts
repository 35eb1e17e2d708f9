import { Router } from "express";
import { getCustomer, updateProfile } from "../services/customer-service.js";
import { changePassword } from "../services/auth-service.js";
import { currentCustomerId, requireCustomer } from "../middleware/auth-middleware.js";
import { asBody, optionalString, requireString } from "../utils/index.js";

export function createCustomerRouter(): Router {
  const router = Router();
  router.use("/customers", requireCustomer);

  router.get("/customers/me", (_req, res) => {
    res.json(getCustomer(currentCustomerId(res)));
  });

  router.patch("/customers/me", (req, res) => {
    const body = asBody(req.body);
    res.json(updateProfile(currentCustomerId(res), { name: optionalString(body, "name", { min: 1, max: 120 }) }));
  });

  router.post("/customers/me/password", (req, res) => {
    const body = asBody(req.body);
    changePassword(currentCustomerId(res), requireString(body, "currentPassword"), requireString(body, "newPassword"));
    res.status(204).end();
  });

  return router;
}
