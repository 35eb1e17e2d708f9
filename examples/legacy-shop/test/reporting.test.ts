import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { isExternal, startShop } from "./support/shop.js";
import type { ShopHandle } from "./support/shop.js";
import { DECLINED_CARD, addToCart, call, checkout, placePaidOrder, registerCustomer } from "./support/api.js";
import type { ErrorBody, SalesReport } from "./support/api.js";

let shop: ShopHandle;
beforeAll(async () => {
  shop = await startShop();
});
afterAll(async () => {
  await shop.stop();
});

const today = new Date().toISOString().slice(0, 10);

async function dailyReport(): Promise<SalesReport> {
  const res = await call<SalesReport>(shop, "GET", `/api/admin/reports/daily?date=${today}`, { admin: true });
  expect(res.status).toBe(200);
  return res.body;
}

function expectInternallyConsistent(report: SalesReport): void {
  expect(report.subtotalCents - report.discountCents + report.shippingCents).toBe(report.grossCents);
  expect(report.netCents).toBe(report.grossCents - report.refundCents);
  expect(report.itemsSold).toBe(report.products.reduce((acc, p) => acc + p.quantity, 0));
  expect(report.subtotalCents).toBe(report.products.reduce((acc, p) => acc + p.revenueCents, 0));
  expect(report.capturedCents).toBe(report.grossCents);
}

describe("daily sales report", () => {
  it("requires the admin key and a valid date", async () => {
    expect((await call(shop, "GET", "/api/admin/reports/daily")).status).toBe(401);
    const bad = await call<ErrorBody>(shop, "GET", "/api/admin/reports/daily?date=2024-02-30", { admin: true });
    expect(bad.status).toBe(400);
  });

  it("adds up orders, payments and refunds", async () => {
    const before = await dailyReport();
    expectInternallyConsistent(before);

    const first = await placePaidOrder(shop, [
      { productId: "prd_007", quantity: 1 },
      { productId: "prd_008", quantity: 2 },
    ]);
    const second = await placePaidOrder(shop, [{ productId: "prd_008", quantity: 1 }], "SAVE5");
    // a declined checkout must not count
    const { token } = await registerCustomer(shop);
    await addToCart(shop, token, "prd_007", 1);
    expect((await checkout(shop, token, DECLINED_CARD)).status).toBe(402);
    // partial refund on the first order
    const refund = await call(shop, "POST", `/api/admin/orders/${first.order.id}/refunds`, {
      admin: true,
      body: { amountCents: 2500, reason: "late delivery" },
    });
    expect(refund.status).toBe(201);

    const after = await dailyReport();
    expectInternallyConsistent(after);
    const expectedGross = first.order.totalCents + second.order.totalCents;
    expect(first.order.totalCents).toBe(24900 + 2 * 2999); // free shipping over $100
    expect(second.order.totalCents).toBe(2999 - 500 + 599);

    if (isExternal) {
      expect(after.orderCount).toBeGreaterThanOrEqual(before.orderCount + 2);
      expect(after.grossCents).toBeGreaterThanOrEqual(before.grossCents + expectedGross);
    } else {
      expect(after.orderCount).toBe(before.orderCount + 2);
      expect(after.itemsSold).toBe(before.itemsSold + 4);
      expect(after.grossCents).toBe(before.grossCents + expectedGross);
      expect(after.discountCents).toBe(before.discountCents + 500);
      expect(after.refundCents).toBe(before.refundCents + 2500);
      expect(after.netCents).toBe(before.netCents + expectedGross - 2500);
      const headlamp = after.products.find((p) => p.productId === "prd_008");
      const headlampBefore = before.products.find((p) => p.productId === "prd_008");
      expect(headlamp?.quantity).toBe((headlampBefore?.quantity ?? 0) + 3);
    }
  });

  it("persists generated reports", async () => {
    const generated = await call<SalesReport>(shop, "POST", `/api/admin/reports/daily?date=${today}`, { admin: true });
    expect(generated.status).toBe(201);
    expectInternallyConsistent(generated.body);
    const stored = await call<SalesReport>(shop, "GET", `/api/admin/reports/${today}`, { admin: true });
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual(generated.body);
    const list = await call<{ items: SalesReport[] }>(shop, "GET", "/api/admin/reports", { admin: true });
    expect(list.body.items.map((r) => r.date)).toContain(today);
    expect((await call(shop, "GET", "/api/admin/reports/1999-01-01", { admin: true })).status).toBe(404);
  });
});
