export interface Product {
  id: string;
  sku: string;
  name: string;
  description: string;
  categoryId: string;
  priceCents: number;
  weightGrams: number;
  active: boolean;
  createdAt: string;
}

export interface ProductRow {
  id: string;
  sku: string;
  name: string;
  description: string;
  category_id: string;
  price_cents: number;
  weight_grams: number;
  active: number;
  created_at: string;
}

export type ProductSort = "name" | "price_asc" | "price_desc" | "newest";

export const PRODUCT_SORTS: readonly ProductSort[] = ["name", "price_asc", "price_desc", "newest"];

export interface ProductQuery {
  categoryId?: string;
  text?: string;
  sort: ProductSort;
  includeInactive: boolean;
  limit: number;
  offset: number;
}

export interface NewProduct {
  sku: string;
  name: string;
  description: string;
  categoryId: string;
  priceCents: number;
  weightGrams: number;
}

export function productFromRow(row: ProductRow): Product {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    categoryId: row.category_id,
    priceCents: row.price_cents,
    weightGrams: row.weight_grams,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}
