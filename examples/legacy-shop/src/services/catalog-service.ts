import {
  findProductById,
  findProductBySku,
  findProductsByIds,
  insertProduct,
  queryProducts,
  updateProductFields,
} from "../repositories/product-repository.js";
import { findCategoryById, findCategoryBySlug, listCategoriesWithCounts } from "../repositories/category-repository.js";
import { PRODUCT_SORTS } from "../models/index.js";
import type { CategoryWithCount, NewProduct, Product, ProductSort } from "../models/index.js";
import { BadRequestError, ConflictError, UnprocessableError, notFound, toPage } from "../utils/index.js";
import type { Page, PageRequest } from "../utils/index.js";

export interface CatalogListOptions {
  categorySlug?: string;
  text?: string;
  sort?: string;
  includeInactive?: boolean;
}

function parseSort(raw: string | undefined): ProductSort {
  if (raw === undefined) return "name";
  const sort = PRODUCT_SORTS.find((s) => s === raw);
  if (!sort) throw new BadRequestError(`sort must be one of ${PRODUCT_SORTS.join(", ")}`);
  return sort;
}

export function listCatalog(options: CatalogListOptions, page: PageRequest): Page<Product> {
  let categoryId: string | undefined;
  if (options.categorySlug) {
    const category = findCategoryBySlug(options.categorySlug);
    if (!category) throw notFound("Category", options.categorySlug);
    categoryId = category.id;
  }
  const { products, total } = queryProducts({
    categoryId,
    text: options.text,
    sort: parseSort(options.sort),
    includeInactive: options.includeInactive ?? false,
    limit: page.limit,
    offset: page.offset,
  });
  return toPage(products, total, page);
}

export function getProduct(id: string): Product {
  const product = findProductById(id);
  if (!product || !product.active) throw notFound("Product", id);
  return product;
}

/** Used by the cart: the product must exist and still be for sale. */
export function getSellableProduct(id: string): Product {
  const product = findProductById(id);
  if (!product) throw notFound("Product", id);
  if (!product.active) throw new UnprocessableError(`Product ${id} is no longer sold`);
  return product;
}

export function getProductsByIds(ids: readonly string[]): Map<string, Product> {
  const unique = [...new Set(ids)];
  return new Map(findProductsByIds(unique).map((p) => [p.id, p]));
}

export function listCategories(): CategoryWithCount[] {
  return listCategoriesWithCounts();
}

export function createProduct(input: NewProduct): Product {
  if (!findCategoryById(input.categoryId)) throw new UnprocessableError(`Unknown category ${input.categoryId}`);
  if (findProductBySku(input.sku)) throw new ConflictError(`SKU ${input.sku} already exists`);
  return insertProduct(input);
}

export function updateProduct(id: string, fields: { priceCents?: number; name?: string; active?: boolean }): Product {
  const existing = findProductById(id);
  if (!existing) throw notFound("Product", id);
  updateProductFields(id, fields);
  const updated = findProductById(id);
  if (!updated) throw notFound("Product", id);
  return updated;
}
