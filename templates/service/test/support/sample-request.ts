/**
 * Builds the smallest request a route's schemas accept: the first choice of every union, one item
 * per required array, the lowest allowed number, a string of the right format. Deterministic, so
 * a failure repeats. Hand-written examples (test/examples.ts) take precedence where the code
 * needs real ids to answer with data.
 */
type Schema = { readonly [keyword: string]: unknown } | boolean;

export interface SampleRequest {
  readonly params: Record<string, unknown>;
  readonly query: Record<string, unknown>;
  readonly body: Record<string, unknown> | undefined;
}

interface RouteSchemas {
  readonly params?: Schema;
  readonly querystring?: Schema;
  readonly body?: Schema;
}

export function sampleRequest(route: RouteSchemas, components: { readonly $defs?: Record<string, Schema> }): SampleRequest {
  const defs = components.$defs ?? {};
  const part = (schema: Schema | undefined): Record<string, unknown> => {
    const value = schema === undefined ? {} : sampleValue(schema, defs, 0);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? { ...value } : {};
  };
  return { params: part(route.params), query: part(route.querystring), body: route.body === undefined ? undefined : part(route.body) };
}

export function sampleValue(schema: Schema, defs: Record<string, Schema>, depth: number): unknown {
  if (typeof schema === "boolean") return null;
  if (depth > 12) return null;
  const ref = schema.$ref;
  if (typeof ref === "string") {
    const target = defs[ref.slice(ref.lastIndexOf("/") + 1)];
    return target === undefined ? null : sampleValue(target, defs, depth + 1);
  }
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  for (const keyword of ["anyOf", "oneOf", "allOf"]) {
    const choices = schema[keyword];
    if (Array.isArray(choices) && choices.length > 0) {
      if (keyword !== "allOf") return sampleValue(firstNonNull(choices), defs, depth + 1);
      return Object.assign({}, ...choices.map((choice: Schema) => sampleValue(choice, defs, depth + 1)));
    }
  }
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== "null") ?? "null") : schema.type;
  switch (type) {
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
      return Object.fromEntries(required.map((name) => [name, sampleValue(properties[name] ?? true, defs, depth + 1)]));
    }
    case "array": {
      const minItems = typeof schema.minItems === "number" ? schema.minItems : 1;
      const items = (schema.items ?? true) as Schema;
      if (Array.isArray(schema.prefixItems)) return schema.prefixItems.map((item: Schema) => sampleValue(item, defs, depth + 1));
      return Array.from({ length: Math.max(1, minItems) }, () => sampleValue(items, defs, depth + 1));
    }
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum + 1 : 1;
    case "boolean":
      return true;
    case "null":
      return null;
    case "string":
      return sampleString(schema);
    default:
      return null;
  }
}

function firstNonNull(choices: readonly Schema[]): Schema {
  return choices.find((choice) => !(typeof choice === "object" && choice.type === "null")) ?? choices[0] ?? true;
}

function sampleString(schema: { readonly [keyword: string]: unknown }): string {
  switch (schema.format) {
    case "date-time":
      return "2024-01-01T00:00:00.000Z";
    case "date":
      return "2024-01-01";
    case "email":
      return "sample@example.com";
    case "uri":
      return "https://example.com/";
    case "uuid":
      return "00000000-0000-4000-8000-000000000000";
    default: {
      const minLength = typeof schema.minLength === "number" ? schema.minLength : 1;
      return "sample".padEnd(minLength, "x");
    }
  }
}
