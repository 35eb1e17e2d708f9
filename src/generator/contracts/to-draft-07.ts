import type { JsonSchema } from "../service-contract.js";

/**
 * AsyncAPI 3.0's default schema format is draft-07 based: a tuple's `prefixItems` (2020-12) is
 * written as the array form of `items`, and what follows it as `additionalItems`. The rest is the
 * same in both drafts for the keywords derivation produces.
 */
export function toDraft07(schema: JsonSchema): JsonSchema {
  return typeof schema === "boolean" ? schema : convert(schema);
}

function convert(value: { readonly [keyword: string]: unknown }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === "prefixItems") continue;
    out[key] = convertAny(inner);
  }
  if (Array.isArray(value.prefixItems)) {
    out.items = value.prefixItems.map(convertAny);
    if (value.items !== undefined) out.additionalItems = convertAny(value.items);
    else delete out.additionalItems;
  }
  return out;
}

function convertAny(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convertAny);
  if (value !== null && typeof value === "object") return convert(Object.fromEntries(Object.entries(value)));
  return value;
}
