import type { JsonSchema, Operation, Parameter } from "../service-contract.js";

/** How a parameter's type travels: scalars fit a path or query string, anything else needs a body. */
export type ParameterShape = "scalar" | "scalar-array" | "structured";

export interface ParameterInput {
  readonly name: string;
  readonly required: boolean;
  readonly schema: JsonSchema;
  readonly shape: ParameterShape;
}

/** Verbs that only read: served as GET. Everything else is POST. */
export const READ_PREFIXES = ["get", "find", "list", "search", "count"] as const;

/**
 * The HTTP convention, one rule so clients, services and docs agree without configuration:
 * - a read (`get*`, `find*`, `list*`, `search*`, `count*`) whose parameters are all scalars or
 *   arrays of scalars is `GET`; a single required id-like scalar (`id`, `*Id`) goes in the path,
 *   any other parameter in the query;
 * - everything else (writes, and reads taking objects) is `POST` with every parameter a property
 *   of one JSON body;
 * - the path is `/<service>/<kebab-case operationId>`, then `/{id}` for a path parameter.
 */
export function planHttp(
  service: string,
  operationId: string,
  functionName: string,
  inputs: readonly ParameterInput[],
): { http: Operation["http"]; parameters: Parameter[] } {
  const base = `/${service}/${kebabCase(operationId)}`;
  const fitsQuery = inputs.every((p) => p.shape !== "structured");
  if (!isRead(functionName) || !fitsQuery) {
    return { http: { method: "POST", path: base }, parameters: inputs.map((p) => toParameter(p, "body")) };
  }
  const [only] = inputs;
  if (inputs.length === 1 && only && only.shape === "scalar" && only.required && isIdName(only.name)) {
    return { http: { method: "GET", path: `${base}/{${only.name}}` }, parameters: [toParameter(only, "path")] };
  }
  return { http: { method: "GET", path: base }, parameters: inputs.map((p) => toParameter(p, "query")) };
}

export function isRead(name: string): boolean {
  return READ_PREFIXES.some((prefix) => name === prefix || new RegExp(`^${prefix}[A-Z0-9_]`).test(name));
}

function isIdName(name: string): boolean {
  return name === "id" || /[a-z0-9]Id$/.test(name) || /_id$/.test(name);
}

function toParameter(input: ParameterInput, where: Parameter["in"]): Parameter {
  return { name: input.name, in: where, required: where === "path" ? true : input.required, schema: input.schema };
}

/** `getOrderForCustomer` → `get-order-for-customer`; `Cart_addItem` → `cart-add-item`. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
}
