import { describe, expect, it } from "vitest";
import { SchemaRegistry } from "../../../src/generator/contracts/schema-registry.js";

describe("SchemaRegistry", () => {
  it("keeps plain names, qualifies two declarations of one name by file, and rewrites refs everywhere", () => {
    const registry = new SchemaRegistry();
    const order = registry.reserve("a.Order", "Order", "src/models/order.ts");
    const newOrderRepo = registry.reserve("r.NewOrder", "NewOrder", "src/repositories/order-repository.ts");
    const newOrderModel = registry.reserve("m.NewOrder", "NewOrder", "src/models/new-order.ts");
    registry.define("a.Order", { type: "object", properties: { next: order } });
    registry.define("r.NewOrder", { type: "string" });
    registry.define("m.NewOrder", { type: "number" });
    const { schemas, resolve } = registry.finish();
    expect(Object.keys(schemas)).toEqual(["NewOrder_NewOrder", "Order", "OrderRepository_NewOrder"]);
    expect(schemas.Order).toEqual({ type: "object", properties: { next: { $ref: "#/components/schemas/Order" } } });
    expect(resolve({ anyOf: [newOrderRepo, newOrderModel] })).toEqual({
      anyOf: [{ $ref: "#/components/schemas/OrderRepository_NewOrder" }, { $ref: "#/components/schemas/NewOrder_NewOrder" }],
    });
  });

  it("gives the same reservation the same ref and makes names safe as component keys", () => {
    const registry = new SchemaRegistry();
    expect(registry.reserve("k", "Page<Product>", "a.ts")).toEqual(registry.reserve("k", "ignored", "b.ts"));
    expect(Object.keys(registry.finish().schemas)).toEqual(["Page_Product_"]);
  });
});
