import { Router } from "express";
import { createProduct, getProduct, listCatalog, listCategories, updateProduct } from "../services/catalog-service.js";
import { searchProducts } from "../services/product-search.js";
import { registerStockItem } from "../services/inventory-service.js";
import { requireAdmin } from "../middleware/admin-guard.js";
import {
  asBody,
  optionalInt,
  optionalString,
  parsePageRequest,
  pathParam,
  queryInt,
  queryString,
  requireInt,
  requireString,
} from "../utils/index.js";

export function createCatalogRouter(): Router {
  const router = Router();

  router.get("/categories", (_req, res) => {
    res.json({ items: listCategories() });
  });

  router.get("/products", (req, res) => {
    const page = parsePageRequest(req.query);
    res.json(
      listCatalog(
        {
          categorySlug: queryString(req.query, "category"),
          text: queryString(req.query, "q"),
          sort: queryString(req.query, "sort"),
        },
        page,
      ),
    );
  });

  router.get("/products/search", (req, res) => {
    const q = queryString(req.query, "q") ?? "";
    const hits = searchProducts(q, {
      limit: queryInt(req.query, "limit", 10, { min: 1, max: 50 }),
      categorySlug: queryString(req.query, "category"),
    });
    res.json({ query: q, items: hits.map((hit) => ({ ...hit.product, score: hit.score, matched: hit.matched })) });
  });

  router.get("/products/:id", (req, res) => {
    res.json(getProduct(pathParam(req.params, "id")));
  });

  router.post("/admin/products", requireAdmin, (req, res) => {
    const body = asBody(req.body);
    const product = createProduct({
      sku: requireString(body, "sku", { max: 32 }).toUpperCase(),
      name: requireString(body, "name", { max: 200 }),
      description: optionalString(body, "description", { max: 2000 }) ?? "",
      categoryId: requireString(body, "categoryId"),
      priceCents: requireInt(body, "priceCents", { min: 0 }),
      weightGrams: optionalInt(body, "weightGrams", { min: 1 }) ?? 500,
    });
    // Legacy: creating a product also creates its stock row.
    const stock = registerStockItem(product.id, optionalInt(body, "initialStock", { min: 0 }) ?? 0);
    res.status(201).json({ ...product, stock });
  });

  router.patch("/admin/products/:id", requireAdmin, (req, res) => {
    const body = asBody(req.body);
    const active = body.active;
    res.json(
      updateProduct(pathParam(req.params, "id"), {
        priceCents: optionalInt(body, "priceCents", { min: 0 }),
        name: optionalString(body, "name", { min: 1, max: 200 }),
        active: typeof active === "boolean" ? active : undefined,
      }),
    );
  });

  return router;
}
