import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startShop } from "./support/shop.js";
import type { ShopHandle } from "./support/shop.js";
import { DECLINED_CARD, VALID_CARD, addToCart, call, checkout, registerCustomer, stockOf } from "./support/api.js";
import type { ErrorBody, Order, Payment, PricedCart } from "./support/api.js";

let shop: ShopHandle;
beforeAll(async () => {
  shop = await startShop();
});
afterAll(async () => {
  await shop.stop();
});

describe("checkout", () => {
  it("reserves and decrements stock and charges the card", async () => {
    const { token } = await registerCustomer(shop);
    const before = await stockOf(shop, "prd_008");
    await addToCart(shop, token, "prd_008", 2); // 2 x 2999
    await addToCart(shop, token, "prd_010", 1); // 1299

    const res = await checkout(shop, token);
    expect(res.status).toBe(201);
    const { order, payment } = res.body;
    expect(order).toMatchObject({ status: "paid", subtotalCents: 7297, discountCents: 0, shippingCents: 599, totalCents: 7896 });
    expect(order.lines).toHaveLength(2);
    expect(payment).toMatchObject({ orderId: order.id, status: "captured", amountCents: 7896, cardLast4: "4242" });

    const after = await stockOf(shop, "prd_008");
    expect(after.onHand).toBe(before.onHand - 2);
    expect(after.reserved).toBe(before.reserved);

    const cart = await call<PricedCart>(shop, "GET", "/api/cart", { token });
    expect(cart.body.lines).toEqual([]);

    const fetched = await call<Order>(shop, "GET", `/api/orders/${order.id}`, { token });
    expect(fetched.status).toBe(200);
    expect(fetched.body.status).toBe("paid");
    const list = await call<{ items: Order[] }>(shop, "GET", "/api/orders", { token });
    expect(list.body.items.map((o) => o.id)).toEqual([order.id]);
    const payments = await call<{ items: Payment[] }>(shop, "GET", `/api/orders/${order.id}/payments`, { token });
    expect(payments.body.items).toEqual([expect.objectContaining({ id: payment.id, status: "captured" })]);
  });

  it("applies the cart coupon to the order", async () => {
    const { token } = await registerCustomer(shop);
    await addToCart(shop, token, "prd_009", 2); // 4998
    await call(shop, "PUT", "/api/cart/coupon", { token, body: { code: "WELCOME10" } });
    const res = await checkout(shop, token);
    expect(res.status).toBe(201);
    expect(res.body.order).toMatchObject({ couponCode: "WELCOME10", subtotalCents: 4998, discountCents: 500, totalCents: 4998 - 500 + 599 });
    expect(res.body.payment.amountCents).toBe(res.body.order.totalCents);
  });

  it("leaves stock and order consistent when the card is declined", async () => {
    const { token } = await registerCustomer(shop);
    const before = await stockOf(shop, "prd_009");
    await addToCart(shop, token, "prd_009", 3);

    const res = await checkout(shop, token, DECLINED_CARD);
    expect(res.status).toBe(402);
    expect(res.body.error?.code).toBe("payment_declined");
    const orderId = res.body.error?.details?.orderId as string;
    expect(orderId).toMatch(/^ord_/);

    const after = await stockOf(shop, "prd_009");
    expect(after).toMatchObject({ onHand: before.onHand, reserved: before.reserved });

    const order = await call<Order>(shop, "GET", `/api/orders/${orderId}`, { token });
    expect(order.body.status).toBe("payment_failed");
    const payments = await call<{ items: Payment[] }>(shop, "GET", `/api/orders/${orderId}/payments`, { token });
    expect(payments.body.items).toEqual([expect.objectContaining({ status: "declined", declineCode: "card_declined" })]);

    // the cart survives so the customer can retry with another card
    const cart = await call<PricedCart>(shop, "GET", "/api/cart", { token });
    expect(cart.body.itemCount).toBe(3);
    const retry = await checkout(shop, token, VALID_CARD);
    expect(retry.status).toBe(201);
    expect((await stockOf(shop, "prd_009")).onHand).toBe(before.onHand - 3);
  });

  it("rejects invalid cards and addresses before creating an order", async () => {
    const { token } = await registerCustomer(shop);
    await addToCart(shop, token, "prd_001", 1);
    const badLuhn = await checkout(shop, token, { ...VALID_CARD, number: "4242424242424241" });
    expect(badLuhn.status).toBe(402);
    expect(badLuhn.body.error?.details?.declineCode).toBe("invalid_number");
    const expired = await checkout(shop, token, { ...VALID_CARD, expYear: 2020 });
    expect(expired.body.error?.details?.declineCode).toBe("expired_card");
    const missing = await call<ErrorBody>(shop, "POST", "/api/orders", { token, body: { card: VALID_CARD } });
    expect(missing.status).toBe(400);
  });

  it("refuses to oversell and rolls back the reservation", async () => {
    const { token } = await registerCustomer(shop);
    const outOfStock = await stockOf(shop, "prd_012");
    expect(outOfStock.available).toBe(0);
    await addToCart(shop, token, "prd_001", 1);
    await addToCart(shop, token, "prd_012", 1);
    const before = await stockOf(shop, "prd_001");
    const res = await checkout(shop, token);
    expect(res.status).toBe(409);
    expect(res.body.error?.details).toMatchObject({ productId: "prd_012", requested: 1, available: 0 });
    const after = await stockOf(shop, "prd_001");
    expect(after).toMatchObject({ onHand: before.onHand, reserved: before.reserved });
    expect((await call<{ items: Order[] }>(shop, "GET", "/api/orders", { token })).body.items).toEqual([]);
  });

  it("rejects checkout of an empty cart and hides other customers' orders", async () => {
    const a = await registerCustomer(shop);
    expect((await checkout(shop, a.token)).status).toBe(422);
    await addToCart(shop, a.token, "prd_003", 1);
    const placed = await checkout(shop, a.token);
    const b = await registerCustomer(shop);
    expect((await call(shop, "GET", `/api/orders/${placed.body.order.id}`, { token: b.token })).status).toBe(404);
    expect((await call(shop, "GET", `/api/orders/${placed.body.order.id}/payments`, { token: b.token })).status).toBe(404);
  });
});
