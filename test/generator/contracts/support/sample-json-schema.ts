import fc from "fast-check";
import type { JsonSchema } from "../../../../src/generator/service-contract.js";

type Schema = { readonly [keyword: string]: unknown };
export type Defs = Readonly<Record<string, JsonSchema>>;

const REF = "#/components/schemas/";
/** Below this depth, recursive types stop growing (empty arrays, absent optionals, nulls). */
const MAX_DEPTH = 4;

function asSchema(value: unknown): Schema {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {};
}

export function resolveRef(schema: Schema, defs: Defs): Schema {
  let current = schema;
  for (let i = 0; i < 16 && typeof current.$ref === "string"; i++) current = asSchema(defs[current.$ref.slice(REF.length)]);
  return current;
}

/**
 * A fast-check arbitrary of JSON values valid against a schema of the subset derivation emits
 * (type, const, enum, properties/required/additionalProperties, items/prefixItems, anyOf/oneOf,
 * $ref to components, format date-time). A test helper, so it throws on anything else.
 */
export function arbitraryFor(schema: JsonSchema, defs: Defs, depth = 0): fc.Arbitrary<unknown> {
  if (typeof schema === "boolean" || Object.keys(schema).every((k) => k === "description")) return fc.jsonValue({ maxDepth: 2 });
  if (typeof schema.$ref === "string") return arbitraryFor(resolveRef(schema, defs), defs, depth + 1);
  if ("const" in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(union)) {
    // Deep in a recursive type, take the last member only (`null` in `T | null`) so values stay finite.
    if (depth > MAX_DEPTH) return arbitraryFor(union[union.length - 1], defs, depth + 1);
    return fc.oneof(...union.map((s: JsonSchema) => arbitraryFor(s, defs, depth + 1)));
  }
  if (Array.isArray(schema.type)) {
    const types: unknown[] = schema.type;
    if (depth > MAX_DEPTH && types.includes("null")) return fc.constant(null);
    return fc.oneof(...types.map((type) => arbitraryFor({ ...schema, type }, defs, depth)));
  }
  switch (schema.type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
      return fc.integer({
        ...(typeof schema.minimum === "number" ? { min: schema.minimum } : {}),
        ...(typeof schema.maximum === "number" ? { max: schema.maximum } : {}),
      });
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case "string":
      if (schema.format === "date-time") {
        return fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2200-01-01T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString());
      }
      if (schema.format === "uri-reference") return fc.webUrl();
      if (schema.format !== undefined) throw new Error(`sampler does not know format ${String(schema.format)}`);
      return fc.string();
    case "array":
      return arrayArbitrary(schema, defs, depth);
    case "object":
      return objectArbitrary(schema, defs, depth);
    default:
      throw new Error(`sampler does not know ${JSON.stringify(schema)}`);
  }
}

function arrayArbitrary(schema: Schema, defs: Defs, depth: number): fc.Arbitrary<unknown> {
  const maxLength = depth > MAX_DEPTH ? 0 : 3;
  if (maxLength === 0 && !Array.isArray(schema.prefixItems)) return fc.constant([]);
  const rest = schema.items === undefined || schema.items === false ? undefined : arbitraryFor(asSchemaOrBool(schema.items), defs, depth + 1);
  if (!Array.isArray(schema.prefixItems)) return fc.array(rest ?? fc.jsonValue({ maxDepth: 1 }), { maxLength });
  const prefix = schema.prefixItems.map((s: JsonSchema) => arbitraryFor(s, defs, depth + 1));
  const minItems = typeof schema.minItems === "number" ? schema.minItems : prefix.length;
  return fc
    .tuple(fc.tuple(...prefix), fc.integer({ min: minItems, max: prefix.length }), rest ? fc.array(rest, { maxLength }) : fc.constant([]))
    .map(([items, length, tail]) => (length < prefix.length ? items.slice(0, length) : [...items, ...tail]));
}

function objectArbitrary(schema: Schema, defs: Defs, depth: number): fc.Arbitrary<unknown> {
  const properties = asSchema(schema.properties);
  const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, inner] of Object.entries(properties)) {
    if (depth <= MAX_DEPTH || required.includes(name)) record[name] = arbitraryFor(asSchemaOrBool(inner), defs, depth + 1);
  }
  const fixed = fc.record(record, { requiredKeys: required.filter((k) => k in record) });
  if (schema.additionalProperties === undefined || schema.additionalProperties === false || depth > MAX_DEPTH) return fixed;
  const extra = fc.dictionary(
    fc.string().filter((k) => !(k in properties) && k !== "__proto__"),
    arbitraryFor(asSchemaOrBool(schema.additionalProperties), defs, depth + 1),
    { maxKeys: depth > MAX_DEPTH ? 0 : 3 },
  );
  return fc.tuple(fixed, extra).map(([a, b]) => ({ ...b, ...a }));
}

function asSchemaOrBool(value: unknown): JsonSchema {
  return typeof value === "boolean" ? value : asSchema(value);
}

/** JSON types a schema accepts ("any" when it accepts every type). */
export function acceptedTypes(schema: JsonSchema, defs: Defs, seen = 0): Set<string> | "any" {
  if (typeof schema === "boolean" || seen > 16) return "any";
  const resolved = resolveRef(schema, defs);
  const union = resolved.anyOf ?? resolved.oneOf;
  if (Array.isArray(union)) {
    const all = new Set<string>();
    for (const member of union) {
      const types = acceptedTypes(member, defs, seen + 1);
      if (types === "any") return "any";
      types.forEach((t) => all.add(t));
    }
    return all;
  }
  const values: unknown[] = "const" in resolved ? [resolved.const] : Array.isArray(resolved.enum) ? resolved.enum : [];
  if (values.length > 0) return new Set(values.map(jsonType));
  if (typeof resolved.type === "string") return new Set([resolved.type === "integer" ? "number" : resolved.type]);
  if (Array.isArray(resolved.type)) return new Set(resolved.type.map((t) => (t === "integer" ? "number" : String(t))));
  return "any";
}

export function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** A value of each JSON type: one the schema does not accept is a wrong shape. */
export const ONE_OF_EACH_TYPE: ReadonlyArray<unknown> = ["text", 1.5, true, null, [], {}];
