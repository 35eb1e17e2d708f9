import { listActiveProducts } from "../repositories/product-repository.js";
import { findCategoryBySlug } from "../repositories/category-repository.js";
import type { Product } from "../models/index.js";
import { notFound } from "../utils/index.js";

export interface SearchHit {
  product: Product;
  score: number;
  matched: string[];
}

export interface SearchOptions {
  limit?: number;
  categorySlug?: string;
}

const STOP_WORDS = new Set(["a", "an", "and", "the", "for", "of", "with", "in", "to"]);

export function tokenize(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[^a-z0-9-]+/)
    .filter((t) => t.length >= 2 && !STOP_WORDS.has(t));
}

/** Naive relevance: SKU match beats name match beats description match. */
export function scoreProduct(product: Product, tokens: readonly string[]): { score: number; matched: string[] } {
  const name = product.name.toLowerCase();
  const description = product.description.toLowerCase();
  const sku = product.sku.toLowerCase();
  let score = 0;
  const matched: string[] = [];
  for (const token of tokens) {
    let tokenScore = 0;
    if (sku === token) tokenScore += 10;
    if (name.split(/\s+/).includes(token)) tokenScore += 5;
    else if (name.includes(token)) tokenScore += 3;
    if (description.includes(token)) tokenScore += 1;
    if (tokenScore > 0) matched.push(token);
    score += tokenScore;
  }
  return { score, matched };
}

export function searchProducts(query: string, options: SearchOptions = {}): SearchHit[] {
  const tokens = tokenize(query);
  if (tokens.length === 0) return [];
  let categoryId: string | undefined;
  if (options.categorySlug) {
    const category = findCategoryBySlug(options.categorySlug);
    if (!category) throw notFound("Category", options.categorySlug);
    categoryId = category.id;
  }
  const hits: SearchHit[] = [];
  for (const product of listActiveProducts()) {
    if (categoryId && product.categoryId !== categoryId) continue;
    const { score, matched } = scoreProduct(product, tokens);
    if (score > 0) hits.push({ product, score, matched });
  }
  hits.sort((a, b) => b.score - a.score || a.product.name.localeCompare(b.product.name));
  return hits.slice(0, options.limit ?? 10);
}
