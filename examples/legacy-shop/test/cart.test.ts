import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startShop } from "./support/shop.js";
import type { ShopHandle } from "./support/shop.js";
import { addToCart, call, registerCustomer } from "./support/api.js";
import type { ErrorBody, PricedCart } from "./support/api.js";

let shop: ShopHandle;
let token: string;
beforeAll(async () => {
  shop = await startShop();
  token = (await registerCustomer(shop, "Cart Tester")).token;
});
afterAll(async () => {
  await shop.stop();
});

describe("shopping cart", () => {
  it("starts empty", async () => {
    const res = await call<PricedCart>(shop, "GET", "/api/cart", { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ lines: [], itemCount: 0, subtotalCents: 0, shippingCents: 0, totalCents: 0 });
  });

  it("adds, updates and removes items with correct totals", async () => {
    let cart = await addToCart(shop, token, "prd_002", 2);
    expect(cart.lines).toEqual([expect.objectContaining({ productId: "prd_002", quantity: 2, lineTotalCents: 5998 })]);
    expect(cart).toMatchObject({ subtotalCents: 5998, shippingCents: 599, totalCents: 6597 });

    cart = await addToCart(shop, token, "prd_002", 1);
    expect(cart.lines[0]?.quantity).toBe(3);
    cart = await addToCart(shop, token, "prd_010", 1);
    expect(cart.subtotalCents).toBe(3 * 2999 + 1299);
    expect(cart.itemCount).toBe(4);

    const updated = await call<PricedCart>(shop, "PATCH", "/api/cart/items/prd_002", { token, body: { quantity: 1 } });
    expect(updated.status).toBe(200);
    expect(updated.body.subtotalCents).toBe(2999 + 1299);

    const removed = await call<PricedCart>(shop, "DELETE", "/api/cart/items/prd_010", { token });
    expect(removed.body.lines.map((l) => l.productId)).toEqual(["prd_002"]);
    expect(removed.body.totalCents).toBe(2999 + 599);

    expect((await call(shop, "DELETE", "/api/cart/items/prd_010", { token })).status).toBe(404);
  });

  it("rejects unknown, discontinued and oversized items", async () => {
    expect((await call<ErrorBody>(shop, "POST", "/api/cart/items", { token, body: { productId: "prd_999", quantity: 1 } })).status).toBe(404);
    expect((await call<ErrorBody>(shop, "POST", "/api/cart/items", { token, body: { productId: "prd_013", quantity: 1 } })).status).toBe(422);
    expect((await call<ErrorBody>(shop, "POST", "/api/cart/items", { token, body: { productId: "prd_001", quantity: 0 } })).status).toBe(400);
    expect((await call<ErrorBody>(shop, "POST", "/api/cart/items", { token, body: { productId: "prd_001", quantity: 21 } })).status).toBe(400);
  });

  it("applies a percentage coupon to the subtotal", async () => {
    // cart: 1 x prd_002 (2999) -> add 1 x prd_001 (3999) = 6998
    await addToCart(shop, token, "prd_001", 1);
    const res = await call<PricedCart>(shop, "PUT", "/api/cart/coupon", { token, body: { code: "welcome10" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ couponCode: "WELCOME10", subtotalCents: 6998, discountCents: 700, shippingCents: 599 });
    expect(res.body.totalCents).toBe(6998 - 700 + 599);
    const reread = await call<PricedCart>(shop, "GET", "/api/cart", { token });
    expect(reread.body.totalCents).toBe(6897);
  });

  it("supports fixed and free-shipping coupons and rejects bad ones", async () => {
    const save5 = await call<PricedCart>(shop, "PUT", "/api/cart/coupon", { token, body: { code: "SAVE5" } });
    expect(save5.body).toMatchObject({ discountCents: 500, totalCents: 6998 - 500 + 599 });
    const freeShip = await call<PricedCart>(shop, "PUT", "/api/cart/coupon", { token, body: { code: "FREESHIP" } });
    expect(freeShip.body).toMatchObject({ discountCents: 0, shippingCents: 0, totalCents: 6998 });

    const expired = await call<ErrorBody>(shop, "PUT", "/api/cart/coupon", { token, body: { code: "SPRING20" } });
    expect(expired.status).toBe(422);
    expect(expired.body.error.message).toMatch(/expired/);
    expect((await call(shop, "PUT", "/api/cart/coupon", { token, body: { code: "BOGUS" } })).status).toBe(422);
    // a rejected coupon does not replace the applied one
    expect((await call<PricedCart>(shop, "GET", "/api/cart", { token })).body.couponCode).toBe("FREESHIP");

    const removed = await call<PricedCart>(shop, "DELETE", "/api/cart/coupon", { token });
    expect(removed.body).toMatchObject({ couponCode: null, shippingCents: 599, totalCents: 6998 + 599 });
  });

  it("enforces coupon minimum subtotal", async () => {
    const other = (await registerCustomer(shop)).token;
    await addToCart(shop, other, "prd_010", 1); // 1299 < 2000 minimum for SAVE5
    const res = await call<ErrorBody>(shop, "PUT", "/api/cart/coupon", { token: other, body: { code: "SAVE5" } });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/at least 2000/);
  });

  it("gives free shipping above the threshold", async () => {
    const other = (await registerCustomer(shop)).token;
    const cart = await addToCart(shop, other, "prd_006", 2); // 17800
    expect(cart).toMatchObject({ subtotalCents: 17800, shippingCents: 0, totalCents: 17800 });
  });
});
