import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { deriveServiceContracts } from "../../../src/generator/contracts/derive-service-contracts.js";
import type { ServiceContract } from "../../../src/generator/service-contract.js";
import { readBoundaries } from "../../../src/io/read-boundaries.js";

const root = path.resolve("examples/legacy-shop");
let contracts: ServiceContract[];

beforeAll(async () => {
  contracts = await deriveServiceContracts({ root, boundaries: readBoundaries(path.join(root, "decouple.boundaries.json")) });
});

const byService = (name: string): ServiceContract => {
  const contract = contracts.find((c) => c.service === name);
  if (!contract) throw new Error(`no contract for ${name}`);
  return contract;
};

describe("legacy-shop's real boundaries", () => {
  it("derive a contract for each of the 10 services", () => {
    expect(contracts.map((c) => c.service)).toEqual([
      "cart", "coupon", "customer", "notification", "order", "payment", "product", "report", "shipping", "stock",
    ]);
  });

  it("match the committed golden (test/fixtures/contracts/legacy-shop.contracts.json; vitest -u rewrites it)", async () => {
    await expect(`${JSON.stringify(contracts, null, 2)}\n`).toMatchFileSnapshot("../../fixtures/contracts/legacy-shop.contracts.json");
  });

  it("make payment's chargeOrder a POST taking the order and card, answering a Payment, with its domain errors", () => {
    const charge = byService("payment").operations.find((o) => o.operationId === "chargeOrder");
    expect(charge).toMatchObject({
      module: "src/services/payment-service.ts",
      http: { method: "POST", path: "/payment/charge-order" },
      parameters: [
        { name: "order", in: "body", required: true, schema: { $ref: "#/components/schemas/Order" } },
        { name: "card", in: "body", required: true, schema: { $ref: "#/components/schemas/CardDetails" } },
      ],
      response: { $ref: "#/components/schemas/Payment" },
      errors: [{ name: "NotFoundError", status: 404 }, { name: "ConflictError", status: 409 }],
      synchronous: true,
      idempotent: false,
      usedBy: ["order"],
      resultUnused: false,
    });
    expect(Object.keys(byService("payment").schemas)).toEqual(expect.arrayContaining(["Order", "OrderStatus", "Payment", "CardDetails", "ProblemDetails"]));
  });

  it("serve a getter with a single id as GET with a path parameter", () => {
    const getOrder = byService("order").operations.find((o) => o.operationId === "getOrder");
    expect(getOrder?.http).toEqual({ method: "GET", path: "/order/get-order/{orderId}" });
    expect(getOrder?.parameters).toEqual([{ name: "orderId", in: "path", required: true, schema: { type: "string" } }]);
    expect(getOrder?.idempotent).toBe(true);
  });

  it("find the event bus's three events, emitted by order and handled by notification", () => {
    for (const service of ["order", "notification"]) {
      const events = byService(service).events.filter((e) => e.kind === "event");
      expect(events.map((e) => [e.name, e.producers, e.consumers])).toEqual([
        ["order.placed", ["order"], ["notification"]],
        ["order.refunded", ["order"], ["notification"]],
        ["order.shipped", ["order"], ["notification"]],
      ]);
      expect(events[0]?.payload).toEqual({ $ref: "#/components/schemas/OrderPlacedEvent" });
    }
    expect(byService("notification").schemas.OrderRefundedEvent).toMatchObject({
      properties: { status: { $ref: "#/components/schemas/OrderStatus" } },
    });
  });

  it("offer calls whose result no caller uses as commands, in the receiver's and the sender's contract", () => {
    const stock = byService("stock");
    expect(stock.operations.filter((o) => o.resultUnused).map((o) => o.operationId)).toEqual([
      "commitReservations", "releaseReservations", "reserveForOrder", "restockOrder",
    ]);
    const command = stock.events.find((e) => e.name === "releaseReservations");
    expect(command).toMatchObject({ kind: "command", producers: ["order"], consumers: ["stock"] });
    expect(byService("order").events.some((e) => e.name === "releaseReservations" && e.kind === "command")).toBe(true);
    expect(byService("payment").operations).toHaveLength(1);
  });

  it("report every type JSON cannot carry, with its place and reason", () => {
    const all = contracts.flatMap((c) => c.unexpressible.map((u) => `${c.service} ${u.usedIn} ${u.type} ${u.location}`));
    expect(all).toEqual([
      "customer currentCustomerId Response src/middleware/auth-middleware.ts:26:35",
      "customer requireCustomer Request src/middleware/auth-middleware.ts:14:33",
      "customer requireCustomer Response src/middleware/auth-middleware.ts:14:47",
      "customer requireCustomer NextFunction src/middleware/auth-middleware.ts:14:62",
      "product getProductsByIds Map<string, Product> src/services/catalog-service.ts:61:59",
    ]);
    expect(byService("product").unexpressible[0]?.reason).toMatch(/Map/);
  });
});
