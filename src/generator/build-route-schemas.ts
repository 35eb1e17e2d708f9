import type { JsonSchema, Operation, Parameter, ServiceContract } from "./service-contract.js";

/** The `$id` generated services register the contract's named schemas under. */
export const COMPONENTS_ID = "components.json";

/** The JSON Schemas of one route, in the shape Fastify's `schema` route option takes. */
export interface RouteSchemas {
  readonly params?: JsonSchema;
  readonly querystring?: JsonSchema;
  readonly body?: JsonSchema;
  /** `null` when the operation returns nothing (204). */
  readonly response: JsonSchema | null;
}

/**
 * One object schema per request part: path parameters, query parameters, and the body as an
 * object with one property per body parameter, named as in the function's declaration. Extra
 * properties are refused: a field the code does not read is a client bug to report, not to drop.
 */
export function buildRouteSchemas(operation: Operation): RouteSchemas {
  const part = (where: Parameter["in"]): JsonSchema | undefined => {
    const parameters = operation.parameters.filter((parameter) => parameter.in === where);
    if (parameters.length === 0) return undefined;
    return {
      type: "object",
      properties: Object.fromEntries(parameters.map((parameter) => [parameter.name, pointRefs(parameter.schema)])),
      required: parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
      additionalProperties: false,
    };
  };
  const schemas: { -readonly [K in keyof RouteSchemas]: RouteSchemas[K] } = { response: operation.response === null ? null : pointRefs(operation.response) };
  const params = part("path");
  const querystring = part("query");
  const body = part("body");
  if (params !== undefined) schemas.params = params;
  if (querystring !== undefined) schemas.querystring = querystring;
  if (body !== undefined) schemas.body = body;
  return schemas;
}

/** The contract's named schemas as one document Ajv registers under COMPONENTS_ID. */
export function buildComponentsSchema(contract: ServiceContract): JsonSchema {
  const defs = Object.fromEntries(Object.entries(contract.schemas).map(([name, schema]) => [name, pointRefs(schema)]));
  return { $id: COMPONENTS_ID, $defs: defs };
}

/** Rewrites OpenAPI's `#/components/schemas/X` references to the registered components document. */
export function pointRefs(schema: JsonSchema): JsonSchema {
  if (typeof schema === "boolean") return schema;
  return Object.fromEntries(Object.entries(schema).map(([key, child]) => [key, rewriteEntry(key, child)]));
}

function rewriteEntry(key: string, child: unknown): unknown {
  return key === "$ref" && typeof child === "string" && child.startsWith("#/components/schemas/")
    ? `${COMPONENTS_ID}#/$defs/${child.slice("#/components/schemas/".length)}`
    : rewrite(child);
}

function rewrite(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewrite);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, rewriteEntry(key, child)]));
}
