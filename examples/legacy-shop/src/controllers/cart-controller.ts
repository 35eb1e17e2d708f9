import { Router } from "express";
import {
  addItem,
  applyCoupon,
  getPricedCart,
  removeCoupon,
  removeItem,
  setItemQuantity,
} from "../services/cart-service.js";
import { currentCustomerId, requireCustomer } from "../middleware/auth-middleware.js";
import { asBody, pathParam, requireInt, requireString } from "../utils/index.js";

export function createCartRouter(): Router {
  const router = Router();
  router.use("/cart", requireCustomer);

  router.get("/cart", (_req, res) => {
    res.json(getPricedCart(currentCustomerId(res)));
  });

  router.post("/cart/items", (req, res) => {
    const body = asBody(req.body);
    const cart = addItem(
      currentCustomerId(res),
      requireString(body, "productId"),
      requireInt(body, "quantity", { min: 1 }),
    );
    res.status(201).json(cart);
  });

  router.patch("/cart/items/:productId", (req, res) => {
    const body = asBody(req.body);
    res.json(
      setItemQuantity(
        currentCustomerId(res),
        pathParam(req.params, "productId"),
        requireInt(body, "quantity", { min: 0 }),
      ),
    );
  });

  router.delete("/cart/items/:productId", (req, res) => {
    res.json(removeItem(currentCustomerId(res), pathParam(req.params, "productId")));
  });

  router.put("/cart/coupon", (req, res) => {
    const body = asBody(req.body);
    res.json(applyCoupon(currentCustomerId(res), requireString(body, "code", { max: 40 })));
  });

  router.delete("/cart/coupon", (_req, res) => {
    res.json(removeCoupon(currentCustomerId(res)));
  });

  return router;
}
