import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startShop } from "./support/shop.js";
import type { ShopHandle } from "./support/shop.js";
import { call } from "./support/api.js";
import type { ErrorBody, Page, Product, StockLevel } from "./support/api.js";

let shop: ShopHandle;
beforeAll(async () => {
  shop = await startShop();
});
afterAll(async () => {
  await shop.stop();
});

describe("catalog browsing", () => {
  it("lists active products with pagination", async () => {
    const first = await call<Page<Product>>(shop, "GET", "/api/products?pageSize=5");
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(12);
    expect(first.body.items).toHaveLength(5);
    expect(first.body.totalPages).toBe(3);
    const last = await call<Page<Product>>(shop, "GET", "/api/products?pageSize=5&page=3");
    expect(last.body.items).toHaveLength(2);
    const ids = new Set([...first.body.items, ...last.body.items].map((p) => p.id));
    expect(ids.size).toBe(7);
    expect([...ids]).not.toContain("prd_013");
  });

  it("filters by category and sorts by price", async () => {
    const books = await call<Page<Product>>(shop, "GET", "/api/products?category=books&sort=price_asc");
    expect(books.status).toBe(200);
    expect(books.body.items.map((p) => p.sku)).toEqual(["BK-003", "BK-002", "BK-001"]);
    const prices = books.body.items.map((p) => p.priceCents);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const unknown = await call<ErrorBody>(shop, "GET", "/api/products?category=garden");
    expect(unknown.status).toBe(404);
  });

  it("lists categories with product counts", async () => {
    const res = await call<{ items: { slug: string; productCount: number }[] }>(shop, "GET", "/api/categories");
    expect(res.status).toBe(200);
    const counts = Object.fromEntries(res.body.items.map((c) => [c.slug, c.productCount]));
    expect(counts).toEqual({ books: 3, electronics: 3, kitchen: 3, outdoor: 3 });
  });

  it("searches by relevance", async () => {
    const res = await call<{ items: Product[] }>(shop, "GET", `/api/products/search?q=${encodeURIComponent("coffee kettle")}`);
    expect(res.status).toBe(200);
    expect(res.body.items[0]?.id).toBe("prd_005");
    const sku = await call<{ items: Product[] }>(shop, "GET", "/api/products/search?q=od-002");
    expect(sku.body.items[0]?.name).toBe("Trail Running Headlamp");
    const none = await call<{ items: Product[] }>(shop, "GET", "/api/products/search?q=zeppelin");
    expect(none.body.items).toEqual([]);
  });

  it("shows product detail and hides discontinued products", async () => {
    const res = await call<Product>(shop, "GET", "/api/products/prd_001");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sku: "BK-001", name: "Refactoring Legacy Code", priceCents: 3999 });
    expect((await call<ErrorBody>(shop, "GET", "/api/products/prd_013")).status).toBe(404);
    const missing = await call<ErrorBody>(shop, "GET", "/api/products/prd_999");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
  });

  it("exposes stock availability", async () => {
    const res = await call<StockLevel>(shop, "GET", "/api/inventory/prd_012");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ productId: "prd_012", available: 0 });
  });

  it("lets an admin create a product with initial stock", async () => {
    const denied = await call<ErrorBody>(shop, "POST", "/api/admin/products", { body: {} });
    expect(denied.status).toBe(401);
    const sku = `TS-${Date.now()}`;
    const created = await call<Product & { stock: StockLevel }>(shop, "POST", "/api/admin/products", {
      admin: true,
      body: { sku, name: "Test Widget", categoryId: "cat_kitchen", priceCents: 1500, initialStock: 7 },
    });
    expect(created.status).toBe(201);
    expect(created.body.stock.onHand).toBe(7);
    const detail = await call<Product>(shop, "GET", `/api/products/${created.body.id}`);
    expect(detail.body.priceCents).toBe(1500);
    const duplicate = await call<ErrorBody>(shop, "POST", "/api/admin/products", {
      admin: true,
      body: { sku, name: "Again", categoryId: "cat_kitchen", priceCents: 100 },
    });
    expect(duplicate.status).toBe(409);
  });
});
