import { Ajv2020, type AnySchema } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";
import type { FastifyInstance } from "fastify";

/** A response that breaks the contract: the service's bug, answered with 500 and logged. */
export class ResponseContractError extends Error {
  readonly details: unknown;

  constructor(details: unknown) {
    super("the response does not match the contract");
    this.name = "ResponseContractError";
    this.details = details;
  }
}

/**
 * Validates requests and responses against the contract with Ajv (draft 2020-12, as OpenAPI 3.1).
 * Fastify's own defaults remove unknown properties and coerce types, so a wrong body could pass:
 * bodies and responses are checked as they are. Only path and query parameters, which are text
 * on the wire, are coerced to the schema's types.
 */
export function useContractValidation(app: FastifyInstance, components: AnySchema): void {
  const strict = createAjv(components, false);
  // "array" also turns a single `?ids=a` into ["a"] where the schema wants an array.
  const fromText = createAjv(components, "array");
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === "params" || httpPart === "querystring" ? fromText : strict).compile(schema));
  app.setSerializerCompiler(({ schema }) => {
    const validate = strict.compile(schema);
    return (data: unknown) => {
      // Checked as the client will read it: dates become strings, undefined fields disappear.
      const text = JSON.stringify(data) ?? "null";
      if (!validate(JSON.parse(text))) throw new ResponseContractError(validate.errors);
      return text;
    };
  });
}

function createAjv(components: AnySchema, coerceTypes: boolean | "array"): Ajv2020 {
  // strict: false lets annotation keywords the contract may carry through; validation stays exact.
  const ajv = new Ajv2020({ allErrors: true, strict: false, coerceTypes, removeAdditional: false, useDefaults: false, schemas: [components] });
  ajvFormats.default(ajv);
  return ajv;
}
