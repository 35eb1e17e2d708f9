import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startShop } from "./support/shop.js";
import type { ShopHandle } from "./support/shop.js";
import { call, placePaidOrder, stockOf } from "./support/api.js";
import type { ErrorBody, Order, OutboxEmail, Payment } from "./support/api.js";

let shop: ShopHandle;
beforeAll(async () => {
  shop = await startShop();
});
afterAll(async () => {
  await shop.stop();
});

interface RefundOutcome {
  refund: { id: string; amountCents: number; orderId: string };
  payment: Payment;
  order: Order;
}

describe("refunds", () => {
  it("fully refunds a paid order and restocks it", async () => {
    const before = await stockOf(shop, "prd_011");
    const { customer, order } = await placePaidOrder(shop, [{ productId: "prd_011", quantity: 2 }]);
    expect((await stockOf(shop, "prd_011")).onHand).toBe(before.onHand - 2);

    const unauth = await call<ErrorBody>(shop, "POST", `/api/admin/orders/${order.id}/refunds`, { body: {} });
    expect(unauth.status).toBe(401);

    const res = await call<RefundOutcome>(shop, "POST", `/api/admin/orders/${order.id}/refunds`, {
      admin: true,
      body: { reason: "changed mind" },
    });
    expect(res.status).toBe(201);
    expect(res.body.refund.amountCents).toBe(order.totalCents);
    expect(res.body.payment.status).toBe("refunded");
    expect(res.body.order.status).toBe("refunded");

    expect((await stockOf(shop, "prd_011")).onHand).toBe(before.onHand);
    const fetched = await call<Order>(shop, "GET", `/api/orders/${order.id}`, { token: customer.token });
    expect(fetched.body.status).toBe("refunded");

    const again = await call<ErrorBody>(shop, "POST", `/api/admin/orders/${order.id}/refunds`, { admin: true, body: {} });
    expect(again.status).toBe(409);

    const emails = await call<{ items: OutboxEmail[] }>(shop, "GET", `/api/admin/outbox?orderId=${order.id}`, { admin: true });
    expect(emails.body.items.map((e) => e.template)).toEqual(["order_confirmation", "order_refunded"]);
  });

  it("supports partial refunds up to the captured amount", async () => {
    const { order } = await placePaidOrder(shop, [{ productId: "prd_001", quantity: 1 }]); // 3999 + 599
    const partial = await call<RefundOutcome>(shop, "POST", `/api/admin/orders/${order.id}/refunds`, {
      admin: true,
      body: { amountCents: 1000, reason: "damaged cover" },
    });
    expect(partial.status).toBe(201);
    expect(partial.body.payment.status).toBe("partially_refunded");
    expect(partial.body.order.status).toBe("partially_refunded");

    const tooMuch = await call<ErrorBody>(shop, "POST", `/api/admin/orders/${order.id}/refunds`, {
      admin: true,
      body: { amountCents: order.totalCents },
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error.details).toMatchObject({ remaining: order.totalCents - 1000 });

    const rest = await call<RefundOutcome>(shop, "POST", `/api/admin/orders/${order.id}/refunds`, { admin: true, body: {} });
    expect(rest.status).toBe(201);
    expect(rest.body.refund.amountCents).toBe(order.totalCents - 1000);
    expect(rest.body.order.status).toBe("refunded");

    const refunds = await call<{ items: { amountCents: number }[] }>(shop, "GET", `/api/admin/orders/${order.id}/refunds`, {
      admin: true,
    });
    expect(refunds.body.items.reduce((acc, r) => acc + r.amountCents, 0)).toBe(order.totalCents);
  });

  it("does not restock orders that already shipped", async () => {
    const { order } = await placePaidOrder(shop, [{ productId: "prd_005", quantity: 1 }]);
    const afterOrder = await stockOf(shop, "prd_005");
    await call(shop, "POST", `/api/admin/orders/${order.id}/shipments`, {
      admin: true,
      body: { carrier: "fedex", serviceLevel: "standard" },
    });
    const res = await call<RefundOutcome>(shop, "POST", `/api/admin/orders/${order.id}/refunds`, { admin: true, body: {} });
    expect(res.status).toBe(201);
    expect(res.body.order.status).toBe("refunded");
    expect((await stockOf(shop, "prd_005")).onHand).toBe(afterOrder.onHand);
  });
});
