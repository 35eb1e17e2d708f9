import fs from "node:fs";
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { renderAsyncApi } from "../../../src/generator/contracts/render-asyncapi.js";
import { renderOpenApi } from "../../../src/generator/contracts/render-openapi.js";
import type { ServiceContract } from "../../../src/generator/service-contract.js";

/** The goldens the derivation tests keep equal to what derivation produces. */
const GOLDENS = ["legacy-shop", "type-shapes", "api-forms"];
const contractsOf = (name: string): ServiceContract[] =>
  JSON.parse(fs.readFileSync(`test/fixtures/contracts/${name}.contracts.json`, "utf8")) as ServiceContract[];
const all = GOLDENS.flatMap((name) => contractsOf(name).map((contract) => [`${name}/${contract.service}`, contract] as const));

describe("rendered contracts", () => {
  it.each(all)("%s: the OpenAPI document is valid OpenAPI 3.1 (@readme/openapi-parser)", async (_name, contract) => {
    const document = parseYaml(renderOpenApi(contract, { serverUrl: "http://127.0.0.1:3000" }));
    // The parser mutates its input (FINDINGS.md): give it a copy.
    const result = await validate(structuredClone(document));
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("validate as AsyncAPI 3.0 with no error diagnostics (@asyncapi/parser)", async () => {
    const { Parser } = await import("@asyncapi/parser");
    // Errors come from the core ruleset; the recommended one only adds hints and costs a quarter of the time.
    const parser = new Parser({ ruleset: { recommended: false } });
    const errorsOf = async (text: string): Promise<string[]> =>
      (await parser.validate(text)).filter((d) => d.severity === 0).map((d) => `${d.message} at ${d.path.join("/")}`);
    for (const [name, contract] of all) expect(await errorsOf(renderAsyncApi(contract)), name).toEqual([]);
    // The check can fail: a misspelt action and a broken payload schema are errors.
    const order = all.find(([name]) => String(name) === "legacy-shop/order")![1];
    const broken = renderAsyncApi(order).replace("action: send", "action: sned").replace("type: object", "type: objeckt");
    expect((await errorsOf(broken)).length).toBeGreaterThan(0);
  });

  it("fail OpenAPI validation when broken (the check can fail)", async () => {
    const payment = contractsOf("legacy-shop").find((c) => c.service === "payment")!;
    const document = parseYaml(renderOpenApi(payment).replace("operationId: chargeOrder", "operationId: 12"));
    delete document.components.schemas.Order;
    const result = await validate(structuredClone(document));
    expect(result.valid).toBe(false);
  });

  it("are the same text for the same contract (no timestamps, sorted keys)", () => {
    for (const [, contract] of all) {
      expect(renderOpenApi(contract)).toBe(renderOpenApi(structuredClone(contract)));
      expect(renderAsyncApi(contract)).toBe(renderAsyncApi(structuredClone(contract)));
    }
  });

  it("serve payment's chargeOrder as POST /payment/charge-order with problem+json errors", () => {
    const payment = contractsOf("legacy-shop").find((c) => c.service === "payment")!;
    const document = parseYaml(renderOpenApi(payment));
    const operation = document.paths["/payment/charge-order"].post;
    expect(operation.operationId).toBe("chargeOrder");
    expect(operation.requestBody.content["application/json"].schema.required).toEqual(["order", "card"]);
    expect(Object.keys(operation.responses)).toEqual(["200", "404", "409"]);
    expect(operation.responses["409"].content["application/problem+json"].schema).toEqual({ $ref: "#/components/schemas/ProblemDetails" });
  });

  it("put order's events on order.events, sent by order and received by notification", () => {
    const [order, notification] = ["order", "notification"].map((s) => contractsOf("legacy-shop").find((c) => c.service === s)!);
    const orderDoc = parseYaml(renderAsyncApi(order!));
    expect(orderDoc.channels.order_events.address).toBe("order.events");
    expect(Object.keys(orderDoc.channels.order_events.messages)).toEqual(["order_placed", "order_refunded", "order_shipped"]);
    expect(orderDoc.operations["send_order_events_order_placed"].action).toBe("send");
    expect(orderDoc.operations["receive_order_commands_markOrderShipped"].action).toBe("receive");
    const notificationDoc = parseYaml(renderAsyncApi(notification!));
    expect(Object.keys(notificationDoc.operations)).toEqual([
      "receive_order_events_order_placed", "receive_order_events_order_refunded", "receive_order_events_order_shipped",
    ]);
  });
});
