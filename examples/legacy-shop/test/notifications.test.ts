import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startShop } from "./support/shop.js";
import type { ShopHandle } from "./support/shop.js";
import { call, placePaidOrder } from "./support/api.js";
import type { OutboxEmail, Shipment } from "./support/api.js";

let shop: ShopHandle;
beforeAll(async () => {
  shop = await startShop();
});
afterAll(async () => {
  await shop.stop();
});

async function outboxFor(orderId: string): Promise<OutboxEmail[]> {
  const res = await call<{ items: OutboxEmail[] }>(shop, "GET", `/api/admin/outbox?orderId=${orderId}`, { admin: true });
  expect(res.status).toBe(200);
  return res.body.items;
}

describe("notifications", () => {
  it("requires the admin key for the outbox", async () => {
    expect((await call(shop, "GET", "/api/admin/outbox")).status).toBe(401);
  });

  it("queues an order confirmation email when an order is placed", async () => {
    const { customer, order } = await placePaidOrder(shop, [{ productId: "prd_002", quantity: 1 }]);
    const emails = await outboxFor(order.id);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      recipient: customer.customer.email,
      template: "order_confirmation",
      status: "pending",
      relatedOrderId: order.id,
      subject: `Order ${order.id} confirmed`,
    });
    // 2999 + 599 shipping
    expect(emails[0]?.body).toContain("$35.98");
    expect(emails[0]?.body).toContain("Hi Test,");
  });

  it("queues a shipping email with the tracking number", async () => {
    const { order } = await placePaidOrder(shop, [{ productId: "prd_003", quantity: 1 }]);
    const shipped = await call<Shipment>(shop, "POST", `/api/admin/orders/${order.id}/shipments`, {
      admin: true,
      body: { carrier: "postal", serviceLevel: "standard" },
    });
    const emails = await outboxFor(order.id);
    expect(emails.map((e) => e.template)).toEqual(["order_confirmation", "order_shipped"]);
    expect(emails[1]?.body).toContain(shipped.body.trackingNumber);
  });

  it("dispatches pending emails", async () => {
    const { order } = await placePaidOrder(shop, [{ productId: "prd_010", quantity: 1 }]);
    const dispatched = await call<{ sent: number; failed: number }>(shop, "POST", "/api/admin/outbox/dispatch", { admin: true });
    expect(dispatched.status).toBe(200);
    expect(dispatched.body.sent).toBeGreaterThanOrEqual(1);
    expect(dispatched.body.failed).toBe(0);
    const emails = await outboxFor(order.id);
    expect(emails.every((e) => e.status === "sent")).toBe(true);
    const pending = await call<{ items: OutboxEmail[] }>(shop, "GET", `/api/admin/outbox?status=pending&orderId=${order.id}`, {
      admin: true,
    });
    expect(pending.body.items).toEqual([]);
  });
});
