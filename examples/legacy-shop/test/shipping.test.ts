import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startShop } from "./support/shop.js";
import type { ShopHandle } from "./support/shop.js";
import { DECLINED_CARD, addToCart, call, checkout, placePaidOrder, registerCustomer } from "./support/api.js";
import type { ErrorBody, Order, Shipment } from "./support/api.js";

let shop: ShopHandle;
beforeAll(async () => {
  shop = await startShop();
});
afterAll(async () => {
  await shop.stop();
});

describe("shipping", () => {
  it("quotes carrier rates", async () => {
    const res = await call<{ customerPriceCents: number; carrierQuotes: { costCents: number; carrier: string }[] }>(
      shop,
      "GET",
      "/api/shipping/rates?weightGrams=2500&subtotalCents=4000",
    );
    expect(res.status).toBe(200);
    expect(res.body.customerPriceCents).toBe(599);
    expect(res.body.carrierQuotes).toHaveLength(6);
    const costs = res.body.carrierQuotes.map((q) => q.costCents);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
  });

  it("ships a paid order and tracks it to delivery", async () => {
    const { customer, order } = await placePaidOrder(shop, [{ productId: "prd_004", quantity: 1 }]);

    const unauth = await call<ErrorBody>(shop, "POST", `/api/admin/orders/${order.id}/shipments`, {
      body: { carrier: "ups", serviceLevel: "standard" },
    });
    expect(unauth.status).toBe(401);

    const shipped = await call<Shipment>(shop, "POST", `/api/admin/orders/${order.id}/shipments`, {
      admin: true,
      body: { carrier: "ups", serviceLevel: "express" },
    });
    expect(shipped.status).toBe(201);
    expect(shipped.body).toMatchObject({ orderId: order.id, carrier: "ups", status: "in_transit" });
    expect(shipped.body.trackingNumber).toMatch(/^1Z[A-Z0-9]{12}$/);
    expect(shipped.body.events.map((e) => e.status)).toEqual(["label_created", "in_transit"]);

    const orderAfter = await call<Order>(shop, "GET", `/api/orders/${order.id}`, { token: customer.token });
    expect(orderAfter.body.status).toBe("shipped");

    const tracked = await call<Shipment>(shop, "GET", `/api/shipments/${shipped.body.trackingNumber}`);
    expect(tracked.status).toBe(200);
    expect(tracked.body.orderId).toBe(order.id);
    const mine = await call<Shipment>(shop, "GET", `/api/orders/${order.id}/shipment`, { token: customer.token });
    expect(mine.body.trackingNumber).toBe(shipped.body.trackingNumber);

    const again = await call<ErrorBody>(shop, "POST", `/api/admin/orders/${order.id}/shipments`, {
      admin: true,
      body: { carrier: "fedex", serviceLevel: "standard" },
    });
    expect(again.status).toBe(409);

    const delivered = await call<Shipment>(shop, "POST", `/api/admin/shipments/${shipped.body.trackingNumber}/deliver`, {
      admin: true,
      body: { location: "Reception" },
    });
    expect(delivered.status).toBe(200);
    expect(delivered.body.status).toBe("delivered");
    expect(delivered.body.events.at(-1)?.status).toBe("delivered");
    expect((await call<Order>(shop, "GET", `/api/orders/${order.id}`, { token: customer.token })).body.status).toBe("delivered");
  });

  it("refuses to ship unpaid orders or unknown carriers", async () => {
    const { token } = await registerCustomer(shop);
    await addToCart(shop, token, "prd_005", 1);
    const declined = await checkout(shop, token, DECLINED_CARD);
    const orderId = declined.body.error?.details?.orderId as string;
    const res = await call<ErrorBody>(shop, "POST", `/api/admin/orders/${orderId}/shipments`, {
      admin: true,
      body: { carrier: "postal", serviceLevel: "standard" },
    });
    expect(res.status).toBe(409);
    const badCarrier = await call<ErrorBody>(shop, "POST", `/api/admin/orders/${orderId}/shipments`, {
      admin: true,
      body: { carrier: "pigeon", serviceLevel: "standard" },
    });
    expect(badCarrier.status).toBe(400);
    expect((await call(shop, "GET", "/api/shipments/1ZDOESNOTEXIST")).status).toBe(404);
  });
});
