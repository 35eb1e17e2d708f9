import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { deriveServiceContracts } from "../../../src/generator/contracts/derive-service-contracts.js";
import type { JsonSchema, ServiceContract } from "../../../src/generator/service-contract.js";
import { readBoundaries } from "../../../src/io/read-boundaries.js";
import { compileContractSchema } from "./support/compile-contract-schema.js";
import { invalid, valid } from "../../fixtures/contracts/type-shapes/samples.js";
import { acceptedTypes, arbitraryFor, jsonType, ONE_OF_EACH_TYPE, resolveRef } from "./support/sample-json-schema.js";

const fixture = path.resolve("test/fixtures/contracts/type-shapes");
let catalog: ServiceContract;
let contracts: ServiceContract[];

beforeAll(async () => {
  contracts = await deriveServiceContracts({ root: fixture, boundaries: readBoundaries(path.join(fixture, "decouple.boundaries.json")) });
  catalog = contracts.find((c) => c.service === "catalog")!;
});

/** Every schema the contract carries: components, and each operation's body and response. */
function schemasOf(contract: ServiceContract): Array<[string, JsonSchema]> {
  const list: Array<[string, JsonSchema]> = Object.entries(contract.schemas).map(([name, schema]) => [name, schema]);
  for (const operation of contract.operations) {
    if (operation.response !== null) list.push([`${operation.operationId} response`, operation.response]);
    for (const parameter of operation.parameters) list.push([`${operation.operationId}(${parameter.name})`, parameter.schema]);
  }
  return list;
}

describe("schemas derived from every type shape (type-shapes fixture)", () => {
  it("match the committed golden (vitest -u rewrites it)", async () => {
    await expect(`${JSON.stringify(contracts, null, 2)}\n`).toMatchFileSnapshot("../../fixtures/contracts/type-shapes.contracts.json");
  });

  it("name the exported types and cover each shape", () => {
    expect(Object.keys(catalog.schemas)).toEqual([
      "Availability", "Category", "Contact", "Localized", "Money", "Page_Category", "Page_Product", "Priority", "ProblemDetails",
      "Product", "ProductId", "Scores", "SearchQuery", "Shape",
    ]);
    expect(catalog.schemas.Shape).toMatchObject({ oneOf: [{ properties: { kind: { const: "circle" } } }, {}, {}] });
    expect(catalog.schemas.Contact).toMatchObject({ anyOf: [{ required: ["email"] }, { required: ["phone"] }] });
    expect(catalog.schemas.Priority).toEqual({ type: "number", enum: [1, 2] });
    expect(catalog.schemas.Availability).toEqual({ type: "string", enum: ["backorder", "discontinued", "in_stock"] });
    expect(catalog.schemas.Category).toMatchObject({
      properties: { children: { type: "array", items: { $ref: "#/components/schemas/Category" } } },
      required: ["children", "name"],
    });
    expect(catalog.schemas.Product).toMatchObject({
      properties: {
        releasedAt: { type: "string", format: "date-time" },
        discontinuedAt: { type: ["string", "null"], format: "date-time" },
        dimensions: { type: "array", prefixItems: [{ type: "number" }, { type: "number" }, { type: "number" }], minItems: 2, maxItems: 3 },
        attributes: { type: "object", additionalProperties: { anyOf: expect.any(Array) } },
        priority: { $ref: "#/components/schemas/Priority" },
        id: { $ref: "#/components/schemas/ProductId" },
      },
    });
    expect((catalog.schemas.Product as { required: string[] }).required).not.toContain("description");
    expect(catalog.schemas.Scores).toEqual({ type: "array", prefixItems: [{ type: "string" }], items: { type: "number" }, minItems: 1 });
    expect(catalog.schemas.Page_Product).toMatchObject({ properties: { items: { items: { $ref: "#/components/schemas/Product" } } } });
    expect(catalog.unexpressible).toEqual([]);
  });

  it("agree with the TypeScript compiler on typed values, once through JSON (samples.ts)", () => {
    for (const [name, value] of Object.entries(valid)) {
      const validate = compileContractSchema(catalog, { $ref: `#/components/schemas/${name}` });
      expect(validate(JSON.parse(JSON.stringify(value))), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    for (const [name, value] of invalid) {
      const validate = compileContractSchema(catalog, { $ref: `#/components/schemas/${name}` });
      expect(validate(JSON.parse(JSON.stringify(value))), `${name} accepted ${JSON.stringify(value)}`).toBe(false);
    }
  });

  it("accept every sample value made from them (fast-check, Ajv 2020-12)", () => {
    for (const [name, schema] of schemasOf(catalog)) {
      const validate = compileContractSchema(catalog, schema);
      fc.assert(
        fc.property(arbitraryFor(schema, catalog.schemas), (value) => {
          const ok = validate(JSON.parse(JSON.stringify(value)));
          if (!ok) throw new Error(`${name}: ${JSON.stringify(value)} rejected: ${JSON.stringify(validate.errors)}`);
        }),
        { numRuns: 40, seed: 42 },
      );
    }
  });

  it("reject values of the wrong JSON type, missing required fields, wrong-typed fields and unknown fields", () => {
    let checked = 0;
    for (const [name, schema] of schemasOf(catalog)) {
      const validate = compileContractSchema(catalog, schema);
      const accepted = acceptedTypes(schema, catalog.schemas);
      if (accepted !== "any") {
        for (const wrong of ONE_OF_EACH_TYPE.filter((v) => !accepted.has(jsonType(v)))) {
          expect(validate(wrong), `${name} accepted ${JSON.stringify(wrong)}`).toBe(false);
          checked++;
        }
      }
      const resolved = typeof schema === "boolean" ? {} : resolveRef(schema, catalog.schemas);
      if (resolved.type !== "object" || typeof resolved.properties !== "object" || resolved.properties === null) continue;
      const properties: Record<string, JsonSchema> = Object.fromEntries(Object.entries(resolved.properties));
      const required = Array.isArray(resolved.required) ? resolved.required.map(String) : [];
      fc.assert(
        fc.property(arbitraryFor(schema, catalog.schemas), fc.nat(), (value, pick) => {
          const sample = Object.fromEntries(Object.entries(JSON.parse(JSON.stringify(value)) as object));
          if (required.length > 0) {
            const field = required[pick % required.length]!;
            const { [field]: _dropped, ...missing } = sample;
            expect(validate(missing), `${name} without ${field}`).toBe(false);
            const fieldTypes = acceptedTypes(properties[field]!, catalog.schemas);
            const wrongValue = fieldTypes === "any" ? undefined : ONE_OF_EACH_TYPE.find((v) => !fieldTypes.has(jsonType(v)));
            if (wrongValue !== undefined) expect(validate({ ...sample, [field]: wrongValue }), `${name}.${field} = ${JSON.stringify(wrongValue)}`).toBe(false);
          }
          if (resolved.additionalProperties === false) expect(validate({ ...sample, unexpectedField: 1 }), `${name} + unexpectedField`).toBe(false);
        }),
        { numRuns: 25, seed: 7 },
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe("schemas derived from legacy-shop (its golden)", () => {
  const shop = JSON.parse(fs.readFileSync("test/fixtures/contracts/legacy-shop.contracts.json", "utf8")) as ServiceContract[];

  it("accept sample values made from them and reject values of the wrong JSON type", () => {
    let checked = 0;
    for (const contract of shop) {
      for (const [name, schema] of schemasOf(contract)) {
        const validate = compileContractSchema(contract, schema);
        fc.assert(
          fc.property(arbitraryFor(schema, contract.schemas), (value) => {
            if (!validate(JSON.parse(JSON.stringify(value)))) throw new Error(`${contract.service} ${name}: ${JSON.stringify(validate.errors)}`);
          }),
          { numRuns: 15, seed: 11 },
        );
        const accepted = acceptedTypes(schema, contract.schemas);
        if (accepted === "any") continue;
        for (const wrong of ONE_OF_EACH_TYPE.filter((v) => !accepted.has(jsonType(v)))) {
          expect(validate(wrong), `${contract.service} ${name} accepted ${JSON.stringify(wrong)}`).toBe(false);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
