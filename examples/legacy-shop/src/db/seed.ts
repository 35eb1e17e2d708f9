import type Database from "better-sqlite3";

// Demo catalog loaded on first start. IDs are fixed so tests and docs can refer to them.
const CATEGORIES = [
  ["cat_books", "books", "Books"],
  ["cat_kitchen", "kitchen", "Kitchen"],
  ["cat_outdoor", "outdoor", "Outdoor"],
  ["cat_electronics", "electronics", "Electronics"],
] as const;

// id, sku, name, description, category, price, weight, stock, active
const PRODUCTS: ReadonlyArray<readonly [string, string, string, string, string, number, number, number, number]> = [
  ["prd_001", "BK-001", "Refactoring Legacy Code", "Hands-on techniques for taming old code bases.", "cat_books", 3999, 900, 25, 1],
  ["prd_002", "BK-002", "Domain-Driven Design Distilled", "A short tour of bounded contexts.", "cat_books", 2999, 400, 25, 1],
  ["prd_003", "BK-003", "The Monolith Survival Guide", "Living with a big ball of mud.", "cat_books", 1999, 350, 15, 1],
  ["prd_004", "KT-001", "Cast Iron Skillet 26cm", "Pre-seasoned cast iron skillet.", "cat_kitchen", 4500, 2700, 10, 1],
  ["prd_005", "KT-002", "Pour-Over Coffee Kettle", "Gooseneck kettle for pour-over coffee.", "cat_kitchen", 3450, 800, 8, 1],
  ["prd_006", "KT-003", "Chef's Knife 20cm", "Forged stainless steel chef's knife.", "cat_kitchen", 8900, 300, 5, 1],
  ["prd_007", "OD-001", "Ultralight Tent 2P", "Two person ultralight backpacking tent.", "cat_outdoor", 24900, 1200, 4, 1],
  ["prd_008", "OD-002", "Trail Running Headlamp", "Rechargeable 400 lumen headlamp.", "cat_outdoor", 2999, 90, 30, 1],
  ["prd_009", "OD-003", "Insulated Water Bottle 750ml", "Keeps drinks cold for 24 hours.", "cat_outdoor", 2499, 400, 40, 1],
  ["prd_010", "EL-001", "USB-C Charging Cable 2m", "Braided USB-C cable, 100W.", "cat_electronics", 1299, 60, 100, 1],
  ["prd_011", "EL-002", "Noise Cancelling Headphones", "Over-ear wireless headphones.", "cat_electronics", 19900, 250, 6, 1],
  ["prd_012", "EL-003", "Mechanical Keyboard", "Tenkeyless mechanical keyboard.", "cat_electronics", 12900, 900, 0, 1],
  ["prd_013", "EL-004", "Discontinued Gadget", "No longer sold.", "cat_electronics", 999, 100, 3, 0],
];

// code, kind, value, min subtotal, max redemptions, starts, expires
const COUPONS: ReadonlyArray<readonly [string, string, number, number, number | null, string | null, string | null]> = [
  ["WELCOME10", "percent", 10, 0, null, null, null],
  ["SAVE5", "fixed", 500, 2000, null, null, null],
  ["FREESHIP", "free_shipping", 0, 0, null, null, null],
  ["SPRING20", "percent", 20, 0, null, "2020-03-01T00:00:00.000Z", "2020-04-01T00:00:00.000Z"],
];

export function seedIfEmpty(connection: Database.Database): boolean {
  const existing = connection.prepare("SELECT COUNT(*) AS n FROM products").get() as { n: number };
  if (existing.n > 0) return false;
  const now = "2024-01-01T00:00:00.000Z";
  const insertCategory = connection.prepare("INSERT INTO categories (id, slug, name, parent_id) VALUES (?, ?, ?, NULL)");
  const insertProduct = connection.prepare(
    `INSERT INTO products (id, sku, name, description, category_id, price_cents, weight_grams, active, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertStock = connection.prepare(
    "INSERT INTO stock_items (product_id, on_hand, reserved, reorder_level, updated_at) VALUES (?, ?, 0, 5, ?)",
  );
  const insertCoupon = connection.prepare(
    `INSERT INTO coupons (code, kind, value, min_subtotal_cents, max_redemptions, redemptions, starts_at, expires_at, active)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?, 1)`,
  );
  connection.transaction(() => {
    for (const [id, slug, name] of CATEGORIES) insertCategory.run(id, slug, name);
    for (const [id, sku, name, description, category, price, weight, stock, active] of PRODUCTS) {
      insertProduct.run(id, sku, name, description, category, price, weight, active, now);
      insertStock.run(id, stock, now);
    }
    for (const [code, kind, value, min, max, starts, expires] of COUPONS) {
      insertCoupon.run(code, kind, value, min, max, starts, expires);
    }
  })();
  return true;
}
