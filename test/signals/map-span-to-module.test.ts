import { describe, expect, it } from "vitest";
import type { ModuleEdge, ModuleGraph } from "../../src/model/module-graph.js";
import { parseModuleId } from "../../src/model/module-id.js";
import { createSpanMapper } from "../../src/signals/map-span-to-module.js";
import type { TraceSpan } from "../../src/signals/parse-otlp-traces.js";

/** A graph of modules and their exports; `reExports` are `export … from` edges (barrels). */
function graph(exportsOf: Record<string, string[]>, reExports: [string, string][] = []): Pick<ModuleGraph, "modules" | "edges"> {
  return {
    modules: Object.entries(exportsOf).map(([id, exports]) => ({ id: parseModuleId(id), lines: 1, exports })),
    edges: reExports.map(([from, to]): ModuleEdge => ({ from: parseModuleId(from), to: parseModuleId(to), kind: "re-export", line: 1, specifier: to, symbols: [] })),
  };
}

function span(attributes: Record<string, string>, name = "work", scope = "shop"): TraceSpan {
  return { traceId: "t1", name, scope, attributes };
}

const SHOP = graph(
  {
    "src/orders/place-order.ts": ["placeOrder"],
    "src/orders/order-service.ts": ["OrderService"],
    "src/orders/index.ts": ["OrderService", "placeOrder"],
    "src/payments/index.ts": ["chargeCard"],
    "src/index.ts": [],
    "src/legacy/refund.js": ["refund"],
    "src/legacy/refund.ts": ["refund"],
    "src/catalog/search.ts": ["search", "query"],
    "src/reports/search.ts": ["search"],
  },
  [
    ["src/orders/index.ts", "src/orders/place-order.ts"],
    ["src/orders/index.ts", "src/orders/order-service.ts"],
  ],
);

describe("createSpanMapper: by file path", () => {
  const mapper = createSpanMapper(SHOP);
  it.each([
    ["the module id itself", { "code.file.path": "src/orders/place-order.ts" }, "src/orders/place-order.ts"],
    ["an absolute path from another machine", { "code.file.path": "/app/src/orders/place-order.ts" }, "src/orders/place-order.ts"],
    ["a relative path with ./", { "code.file.path": "./src/payments/index.ts" }, "src/payments/index.ts"],
    ["a Windows path", { "code.file.path": "C:\\work\\shop\\src\\payments\\index.ts" }, "src/payments/index.ts"],
    ["a file: URL", { "code.file.path": "file:///srv/shop/src/orders/place-order.ts" }, "src/orders/place-order.ts"],
    ["compiled output (dist/…js)", { "code.file.path": "/srv/shop/dist/orders/place-order.js" }, "src/orders/place-order.ts"],
    ["the older code.filepath", { "code.filepath": "dist/orders/order-service.js" }, "src/orders/order-service.ts"],
    ["the longest suffix among two index files", { "code.file.path": "/app/dist/payments/index.js" }, "src/payments/index.ts"],
    ["the exact extension when .js and .ts both exist", { "code.file.path": "/app/src/legacy/refund.js" }, "src/legacy/refund.js"],
    ["a file outside the codebase", { "code.file.path": "/app/src/unknown.ts" }, undefined],
    ["a dependency in node_modules", { "code.file.path": "/app/node_modules/express/lib/index.js" }, undefined],
    ["a Node internal", { "code.file.path": "node:internal/process/task_queues" }, undefined],
    ["an ambiguous suffix (two search.ts)", { "code.file.path": "/elsewhere/search.ts" }, undefined],
    ["ambiguous across extensions (refund.mjs)", { "code.file.path": "dist/legacy/refund.mjs" }, undefined],
  ])("%s", (_, attributes, expected) => {
    expect(mapper(span(attributes))).toBe(expected);
  });
});

describe("createSpanMapper: by function name", () => {
  const mapper = createSpanMapper(SHOP);
  it.each([
    ["code.function.name declared once", span({ "code.function.name": "chargeCard" }), "src/payments/index.ts"],
    ["a declared function, not the barrel re-exporting it", span({ "code.function.name": "placeOrder" }), "src/orders/place-order.ts"],
    ["a class method qualified by its class", span({ "code.function.name": "OrderService.placeOrder" }), "src/orders/order-service.ts"],
    ["the older code.function with code.namespace", span({ "code.function": "cancel", "code.namespace": "OrderService" }), "src/orders/order-service.ts"],
    ["a span name Class.method", span({}, "OrderService.placeOrder"), "src/orders/order-service.ts"],
    ["a span name of an exported function", span({}, "chargeCard"), "src/payments/index.ts"],
    ["a namespace nobody exports, then the function", span({ "code.function.name": "payments.chargeCard" }), "src/payments/index.ts"],
    ["a name declared by two modules", span({ "code.function.name": "search" }), undefined],
    ["a name nobody exports", span({ "code.function.name": "shipParcel" }), undefined],
    ["an HTTP span name", span({}, "GET /orders"), undefined],
    ["an auto-instrumentation span named like a symbol", span({}, "query", "@opentelemetry/instrumentation-pg"), undefined],
    ["a default export never matches by name", span({ "code.function.name": "default" }), undefined],
    ["the file path wins over the function name", span({ "code.file.path": "src/payments/index.ts", "code.function.name": "placeOrder" }), "src/payments/index.ts"],
    ["a file outside the codebase falls back to the name", span({ "code.file.path": "/lib/vendor.js", "code.function.name": "chargeCard" }), "src/payments/index.ts"],
  ])("%s", (_, input, expected) => {
    expect(mapper(input)).toBe(expected);
  });
});
