import { Router } from "express";
import { login, logout, register } from "../services/auth-service.js";
import { currentSessionToken, requireCustomer } from "../middleware/auth-middleware.js";
import { asBody, requireEmail, requireString } from "../utils/index.js";

export function createAuthRouter(): Router {
  const router = Router();

  router.post("/auth/register", (req, res) => {
    const body = asBody(req.body);
    const result = register({
      email: requireEmail(body, "email"),
      name: requireString(body, "name", { max: 120 }),
      password: requireString(body, "password", { max: 200 }),
    });
    res.status(201).json(result);
  });

  router.post("/auth/login", (req, res) => {
    const body = asBody(req.body);
    res.json(login(requireEmail(body, "email"), requireString(body, "password")));
  });

  router.post("/auth/logout", requireCustomer, (_req, res) => {
    logout(currentSessionToken(res));
    res.status(204).end();
  });

  return router;
}
