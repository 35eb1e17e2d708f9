export interface Category {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
}

export interface CategoryWithCount extends Category {
  productCount: number;
}

export interface CategoryRow {
  id: string;
  slug: string;
  name: string;
  parent_id: string | null;
  product_count?: number;
}

export function categoryFromRow(row: CategoryRow): Category {
  return { id: row.id, slug: row.slug, name: row.name, parentId: row.parent_id };
}

export function categoryWithCountFromRow(row: CategoryRow): CategoryWithCount {
  return { ...categoryFromRow(row), productCount: row.product_count ?? 0 };
}

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
