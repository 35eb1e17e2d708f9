import { db } from "../db/database.js";
import { categoryFromRow, categoryWithCountFromRow } from "../models/index.js";
import type { Category, CategoryRow, CategoryWithCount } from "../models/index.js";

export function listCategoriesWithCounts(): CategoryWithCount[] {
  const rows = db()
    .prepare(
      `SELECT c.*, COUNT(p.id) AS product_count
         FROM categories c
         LEFT JOIN products p ON p.category_id = c.id AND p.active = 1
        GROUP BY c.id
        ORDER BY c.name`,
    )
    .all() as CategoryRow[];
  return rows.map(categoryWithCountFromRow);
}

export function findCategoryById(id: string): Category | null {
  const row = db().prepare("SELECT * FROM categories WHERE id = ?").get(id) as CategoryRow | undefined;
  return row ? categoryFromRow(row) : null;
}

export function findCategoryBySlug(slug: string): Category | null {
  const row = db().prepare("SELECT * FROM categories WHERE slug = ?").get(slug) as CategoryRow | undefined;
  return row ? categoryFromRow(row) : null;
}

export function insertCategory(category: Category): void {
  db()
    .prepare("INSERT INTO categories (id, slug, name, parent_id) VALUES (?, ?, ?, ?)")
    .run(category.id, category.slug, category.name, category.parentId);
}
