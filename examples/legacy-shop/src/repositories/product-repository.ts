import { db } from "../db/database.js";
import { productFromRow } from "../models/index.js";
import type { NewProduct, Product, ProductQuery, ProductRow, ProductSort } from "../models/index.js";
import { newId, nowIso } from "../utils/index.js";

const ORDER_BY: Record<ProductSort, string> = {
  name: "p.name ASC",
  price_asc: "p.price_cents ASC, p.name ASC",
  price_desc: "p.price_cents DESC, p.name ASC",
  newest: "p.created_at DESC, p.id DESC",
};

export function findProductById(id: string): Product | null {
  const row = db().prepare("SELECT * FROM products WHERE id = ?").get(id) as ProductRow | undefined;
  return row ? productFromRow(row) : null;
}

export function findProductBySku(sku: string): Product | null {
  const row = db().prepare("SELECT * FROM products WHERE sku = ?").get(sku) as ProductRow | undefined;
  return row ? productFromRow(row) : null;
}

export function findProductsByIds(ids: readonly string[]): Product[] {
  if (ids.length === 0) return [];
  const placeholders = ids.map(() => "?").join(", ");
  const rows = db().prepare(`SELECT * FROM products WHERE id IN (${placeholders})`).all(...ids) as ProductRow[];
  return rows.map(productFromRow);
}

export function queryProducts(query: ProductQuery): { products: Product[]; total: number } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (!query.includeInactive) where.push("p.active = 1");
  if (query.categoryId) {
    where.push("p.category_id = ?");
    params.push(query.categoryId);
  }
  if (query.text) {
    where.push("(p.name LIKE ? OR p.description LIKE ? OR p.sku = ?)");
    params.push(`%${query.text}%`, `%${query.text}%`, query.text.toUpperCase());
  }
  const whereSql = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const total = (db().prepare(`SELECT COUNT(*) AS n FROM products p ${whereSql}`).get(...params) as { n: number }).n;
  const rows = db()
    .prepare(`SELECT p.* FROM products p ${whereSql} ORDER BY ${ORDER_BY[query.sort]} LIMIT ? OFFSET ?`)
    .all(...params, query.limit, query.offset) as ProductRow[];
  return { products: rows.map(productFromRow), total };
}

export function listActiveProducts(): Product[] {
  const rows = db().prepare("SELECT * FROM products WHERE active = 1 ORDER BY name").all() as ProductRow[];
  return rows.map(productFromRow);
}

export function insertProduct(input: NewProduct): Product {
  const id = newId("prd");
  db()
    .prepare(
      `INSERT INTO products (id, sku, name, description, category_id, price_cents, weight_grams, active, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)`,
    )
    .run(id, input.sku, input.name, input.description, input.categoryId, input.priceCents, input.weightGrams, nowIso());
  const created = findProductById(id);
  if (!created) throw new Error(`failed to insert product ${input.sku}`);
  return created;
}

export function updateProductFields(id: string, fields: { priceCents?: number; name?: string; active?: boolean }): void {
  const sets: string[] = [];
  const params: (string | number)[] = [];
  if (fields.priceCents !== undefined) {
    sets.push("price_cents = ?");
    params.push(fields.priceCents);
  }
  if (fields.name !== undefined) {
    sets.push("name = ?");
    params.push(fields.name);
  }
  if (fields.active !== undefined) {
    sets.push("active = ?");
    params.push(fields.active ? 1 : 0);
  }
  if (sets.length === 0) return;
  db().prepare(`UPDATE products SET ${sets.join(", ")} WHERE id = ?`).run(...params, id);
}
