import { describe, expect, it } from "vitest";
import { assertSafeRelativePath } from "../../../src/generator/assert-safe-path.js";
import { buildRouteSchemas, pointRefs } from "../../../src/generator/build-route-schemas.js";
import { diffPlan, hashContent, nextManifest } from "../../../src/generator/diff-plan.js";
import type { GenerationManifest, PlannedFile } from "../../../src/generator/generation-plan.js";
import { importSpecifier, toEnvName, toKebabCase } from "../../../src/generator/name-forms.js";
import type { Operation } from "../../../src/generator/service-contract.js";
import { UserError } from "../../../src/model/errors.js";
import { servicesNamed } from "../../support/branded.js";

describe("diffPlan", () => {
  const plan: PlannedFile[] = [
    { path: "services/a/new.ts", content: "new" },
    { path: "services/a/same.ts", content: "same" },
    { path: "services/a/owned.ts", content: "v2" },
    { path: "services/a/edited.ts", content: "v2" },
    { path: "services/a/foreign.ts", content: "v2" },
    { path: "decouple.routing.json", content: "{}", once: true },
  ];
  const manifest: GenerationManifest = {
    version: 1,
    files: {
      "services/a/same.ts": hashContent("same"),
      "services/a/owned.ts": hashContent("v1"),
      "services/a/edited.ts": hashContent("v1"),
      "services/a/gone.ts": hashContent("old"),
      "services/a/gone-edited.ts": hashContent("old"),
    },
  };
  const disk = {
    manifest,
    hashes: new Map([
      ["services/a/same.ts", hashContent("same")],
      ["services/a/owned.ts", hashContent("v1")],
      ["services/a/edited.ts", hashContent("v1 edited")],
      ["services/a/foreign.ts", hashContent("mine")],
      ["services/a/gone.ts", hashContent("old")],
      ["services/a/gone-edited.ts", hashContent("old, edited")],
      ["decouple.routing.json", hashContent('{"services":{"a":"on"}}')],
    ]),
  };

  it.each([
    ["services/a/new.ts", "create", "create"],
    ["services/a/same.ts", "unchanged", "unchanged"],
    ["services/a/owned.ts", "update", "update"],
    ["services/a/edited.ts", "keep-user-edited", "overwrite"],
    ["services/a/foreign.ts", "keep-user-edited", "overwrite"],
    ["services/a/gone.ts", "remove", "remove"],
    ["services/a/gone-edited.ts", "keep-user-edited", "remove"],
    ["decouple.routing.json", "unchanged", "unchanged"],
  ])("%s: %s (with --force: %s)", (file, action, forced) => {
    expect(diffPlan(plan, disk, false).find((change) => change.path === file)?.action).toBe(action);
    expect(diffPlan(plan, disk, true).find((change) => change.path === file)?.action).toBe(forced);
  });

  it("keeps an edited file's old hash in the next manifest, so it stays the user's", () => {
    const changes = diffPlan(plan, disk, false);
    const next = nextManifest(plan, changes, manifest);
    expect(next.files["services/a/edited.ts"]).toBe(hashContent("v1"));
    expect(next.files["services/a/owned.ts"]).toBe(hashContent("v2"));
    expect(next.files["services/a/foreign.ts"]).toBeUndefined();
    expect(next.files["services/a/gone.ts"]).toBeUndefined();
    expect(next.files["decouple.routing.json"]).toBeUndefined();
    expect(Object.keys(next.files)).toEqual([...Object.keys(next.files)].sort());
  });
});

describe("assertSafeRelativePath", () => {
  it.each(["src/routes/charge-order.ts", "payment", "a.b/c"])("accepts %s", (relative) => {
    expect(assertSafeRelativePath(relative, "path")).toBe(relative);
  });
  it.each(["../x", "a/../../x", "/etc/passwd", "C:\\x", "a\\b", "{{x}}", "a/${x}", "a//b", "./a", "", " a"])("rejects %j with DCP005", (relative) => {
    expect(() => assertSafeRelativePath(relative, "path")).toThrow(UserError);
    try {
      assertSafeRelativePath(relative, "path");
    } catch (error) {
      expect((error as UserError).code).toBe("DCP005");
    }
  });
});

describe("name forms", () => {
  it.each([
    ["chargeOrder", "charge-order"],
    ["Cart_addLine", "cart-add-line"],
    ["getHTTPStatus", "get-http-status"],
  ])("%s -> %s", (name, kebab) => expect(toKebabCase(name)).toBe(kebab));
  it("env names and import specifiers", () => {
    expect(toEnvName("order-fulfilment")).toBe("ORDER_FULFILMENT");
    expect(importSpecifier("services/payment/src/routes/charge-order.ts", "src/services/payment-service.ts")).toBe("../../../../src/services/payment-service.js");
    expect(importSpecifier("src/decouple/facade/a.ts", "src/x.mts")).toBe("../../x.mjs");
    expect(importSpecifier("a/b.ts", "a/c.js")).toBe("./c.js");
  });
});

describe("buildRouteSchemas", () => {
  const operation: Operation = {
    operationId: "reserve",
    module: "src/stock.ts",
    exportName: "reserve",
    http: { method: "POST", path: "/stock/{id}/reserve" },
    parameters: [
      { name: "id", in: "path", required: true, schema: { type: "string" } },
      { name: "dryRun", in: "query", required: false, schema: { type: "boolean" } },
      { name: "lines", in: "body", required: true, schema: { type: "array", items: { $ref: "#/components/schemas/Line" } } },
    ],
    response: { $ref: "#/components/schemas/Reservation" },
    errors: [],
    synchronous: true,
    idempotent: false,
    usedBy: servicesNamed("order"),
    resultUnused: false,
  };
  it("puts each parameter where the contract says, refuses extra fields, and points refs at the registered components", () => {
    expect(buildRouteSchemas(operation)).toEqual({
      params: { type: "object", properties: { id: { type: "string" } }, required: ["id"], additionalProperties: false },
      querystring: { type: "object", properties: { dryRun: { type: "boolean" } }, required: [], additionalProperties: false },
      body: { type: "object", properties: { lines: { type: "array", items: { $ref: "components.json#/$defs/Line" } } }, required: ["lines"], additionalProperties: false },
      response: { $ref: "components.json#/$defs/Reservation" },
    });
    expect(pointRefs({ anyOf: [{ $ref: "#/components/schemas/A" }, { $ref: "https://example.com/x" }] })).toEqual({
      anyOf: [{ $ref: "components.json#/$defs/A" }, { $ref: "https://example.com/x" }],
    });
  });
});

describe("the versions generated services pin", () => {
  it("are the ones installed here, on which the generated services' tests run", async () => {
    const { RUNTIME_VERSIONS } = await import("../../../src/generator/runtime-versions.js");
    const fs = await import("node:fs");
    const installed = (name: string) => (JSON.parse(fs.readFileSync(`node_modules/${name}/package.json`, "utf8")) as { version: string }).version;
    expect({
      fastify: installed("fastify"),
      ajv: installed("ajv"),
      ajvFormats: installed("ajv-formats"),
      otelApi: installed("@opentelemetry/api"),
      otelTrace: installed("@opentelemetry/sdk-trace-node"),
      otelMetrics: installed("@opentelemetry/sdk-metrics"),
      otelTraceExporter: installed("@opentelemetry/exporter-trace-otlp-http"),
      otelMetricsExporter: installed("@opentelemetry/exporter-metrics-otlp-http"),
      tsx: installed("tsx"),
      typescript: installed("typescript"),
      typesNode: installed("@types/node"),
      vitest: installed("vitest"),
    }).toEqual(RUNTIME_VERSIONS);
    expect(installed("@opentelemetry/resources")).toBe(RUNTIME_VERSIONS.otelTrace);
  });
});

describe("paths from an output folder beside the monolith", () => {
  it("do not depend on the folder decouple runs in", () => {
    expect(importSpecifier("../generated/payment/src/routes/charge-order.ts", "src/services/payment-service.ts", "/work/shop")).toBe("../../../../shop/src/services/payment-service.js");
  });
});
