import type { JsonSchema } from "../service-contract.js";

/**
 * RFC 9457 problem details, the body of every domain-error response (`application/problem+json`).
 * Open to extension members (RFC 9457 section 3.2), so `additionalProperties` stays allowed.
 */
export const PROBLEM_DETAILS: JsonSchema = {
  type: "object",
  properties: {
    type: { type: "string", format: "uri-reference", description: "Identifies the problem type." },
    title: { type: "string", description: "Short summary of the problem type, e.g. the error class." },
    status: { type: "integer", minimum: 400, maximum: 599 },
    detail: { type: "string", description: "This occurrence's explanation: the error's message." },
    instance: { type: "string", format: "uri-reference" },
  },
  required: ["status", "title"],
};

/** `ProblemDetails`, unless the service already has a type of that name. */
export function problemDetailsName(schemas: Readonly<Record<string, unknown>>): string {
  let name = "ProblemDetails";
  while (name in schemas) name = `Rfc9457${name}`;
  return name;
}
