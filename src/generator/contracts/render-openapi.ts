import type { JsonSchema, Operation, Parameter, ServiceContract } from "../service-contract.js";
import { PROBLEM_DETAILS } from "./problem-details.js";
import { sortSchemaKeys, toYaml } from "./to-yaml.js";

export interface RenderOptions {
  /** `info.version` (default `0.1.0`). */
  readonly version?: string;
  /** A `servers` entry, e.g. `http://localhost:3000`. */
  readonly serverUrl?: string;
}

/** Every generated service answers these (the skeleton serves them), so every document has paths. */
const HEALTH_PATHS: Record<string, Record<string, unknown>> = {
  "/health": { get: probe("probeHealth", "The process is up.") },
  "/ready": { get: probe("probeReady", "Its dependencies (database, broker, services it calls) are reachable.") },
};

function probe(name: string, meaning: string): Record<string, unknown> {
  return {
    operationId: name,
    summary: meaning,
    tags: ["probes"],
    responses: {
      "200": { description: meaning, content: { "application/json": { schema: { type: "object" } } } },
      "503": { description: "Not (yet) able to serve.", content: { "application/json": { schema: { type: "object" } } } },
    },
  };
}

/**
 * The service's OpenAPI 3.1 document: one path per operation (the convention in plan-http.ts),
 * JSON bodies, domain errors as `application/problem+json` (RFC 9457). Pure: contract in, YAML out,
 * every key below the top level sorted.
 */
export function renderOpenApi(contract: ServiceContract, options: RenderOptions = {}): string {
  const problemRef = { $ref: `#/components/schemas/${problemSchemaName(contract)}` };
  const paths: Record<string, Record<string, unknown>> = { ...HEALTH_PATHS };
  for (const operation of contract.operations) {
    const item = (paths[operation.http.path] ??= {});
    item[operation.http.method.toLowerCase()] = renderOperation(contract.service, operation, problemRef);
  }
  const document = {
    openapi: "3.1.0",
    info: {
      title: `${contract.service} service`,
      version: options.version ?? "0.1.0",
      description: `The ${contract.service} service's API, derived by decouple from the functions other services call today.`,
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    paths: sortSchemaKeys(paths),
    ...(Object.keys(contract.schemas).length > 0 ? { components: { schemas: sortSchemaKeys(contract.schemas) } } : {}),
  };
  return toYaml(document);
}

function renderOperation(service: string, operation: Operation, problemRef: JsonSchema): Record<string, unknown> {
  const inUrl = operation.parameters.filter((p) => p.in !== "body");
  const inBody = operation.parameters.filter((p) => p.in === "body");
  const target = operation.method ? `${operation.exportName}.${operation.method}` : operation.exportName;
  const responses: Record<string, unknown> = {};
  if (operation.response === null) responses["204"] = { description: `${target} returns nothing.` };
  else responses["200"] = { description: `What ${target} returns.`, content: { "application/json": { schema: operation.response } } };
  const byStatus = new Map<number, string[]>();
  for (const error of operation.errors) byStatus.set(error.status, [...(byStatus.get(error.status) ?? []), error.name]);
  for (const [status, names] of byStatus) {
    responses[String(status)] = { description: names.join(", "), content: { "application/problem+json": { schema: problemRef } } };
  }
  return {
    operationId: operation.operationId,
    summary: `${target} (${operation.module})`,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [service],
    ...(inUrl.length > 0 ? { parameters: inUrl.map(renderParameter) } : {}),
    ...(inBody.length > 0 ? { requestBody: renderBody(inBody) } : {}),
    responses,
  };
}

function renderParameter(parameter: Parameter): Record<string, unknown> {
  return { name: parameter.name, in: parameter.in, required: parameter.required, schema: parameter.schema };
}

/** The body is one object: each parameter a property, named as in the function. */
export function bodySchema(parameters: readonly Parameter[]): JsonSchema {
  const properties = Object.fromEntries(parameters.map((p) => [p.name, p.schema]));
  const required = parameters.filter((p) => p.required).map((p) => p.name);
  return { type: "object", properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
}

function renderBody(parameters: readonly Parameter[]): Record<string, unknown> {
  return { required: parameters.some((p) => p.required), content: { "application/json": { schema: bodySchema(parameters) } } };
}

/** The components name derivation gave RFC 9457's problem schema (`ProblemDetails` unless taken). */
export function problemSchemaName(contract: ServiceContract): string {
  const expected = JSON.stringify(sortSchemaKeys(PROBLEM_DETAILS));
  const found = Object.entries(contract.schemas).find(([, schema]) => JSON.stringify(sortSchemaKeys(schema)) === expected);
  return found?.[0] ?? "ProblemDetails";
}
