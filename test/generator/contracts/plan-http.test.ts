import { describe, expect, it } from "vitest";
import { isRead, kebabCase, planHttp, type ParameterInput } from "../../../src/generator/contracts/plan-http.js";

const scalar = (name: string, required = true): ParameterInput => ({ name, required, schema: { type: "string" }, shape: "scalar" });
const structured = (name: string): ParameterInput => ({ name, required: true, schema: { type: "object" }, shape: "structured" });

describe("the HTTP convention", () => {
  it.each([
    ["getOrder", [scalar("orderId")], "GET", "/order/get-order/{orderId}", ["path"]],
    ["findById", [scalar("id")], "GET", "/order/find-by-id/{id}", ["path"]],
    ["getOrderForCustomer", [scalar("customerId"), scalar("orderId")], "GET", "/order/get-order-for-customer", ["query", "query"]],
    ["listOrders", [scalar("status", false)], "GET", "/order/list-orders", ["query"]],
    ["getByName", [scalar("name")], "GET", "/order/get-by-name", ["query"]],
    ["countOrders", [], "GET", "/order/count-orders", []],
    ["searchOrders", [structured("query")], "POST", "/order/search-orders", ["body"]],
    ["chargeOrder", [structured("order"), structured("card")], "POST", "/order/charge-order", ["body", "body"]],
    ["markShipped", [scalar("orderId")], "POST", "/order/mark-shipped", ["body"]],
    ["getaway", [], "POST", "/order/getaway", []],
  ] as const)("%s → %s %s", (name, inputs, method, path, places) => {
    const { http, parameters } = planHttp("order", name, name, inputs);
    expect(http).toEqual({ method, path });
    expect(parameters.map((p) => p.in)).toEqual(places);
  });

  it("makes a path parameter required whatever the function says", () => {
    expect(planHttp("s", "getX", "getX", [scalar("id")]).parameters[0]?.required).toBe(true);
  });

  it("reads verbs only as whole words at the start", () => {
    expect(["get", "getX", "find_all", "list2", "countItems"].map(isRead)).toEqual([true, true, true, true, true]);
    expect(["getaway", "listen", "finder", "counter", "target"].map(isRead)).toEqual([false, false, false, false, false]);
  });

  it("kebab-cases operation ids, class methods included", () => {
    expect(["getOrderForCustomer", "Ledger_post", "ledgerApi_getStatement", "parseHTTPRequest"].map(kebabCase)).toEqual([
      "get-order-for-customer", "ledger-post", "ledger-api-get-statement", "parse-http-request",
    ]);
  });
});
