import { Ajv2020 } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import type { ValidateFunction } from "ajv";
import type { JsonSchema, ServiceContract } from "../../../../src/generator/service-contract.js";

const DEFS_ID = "urn:decouple:contract";

/** Points `#/components/schemas/X` at the contract's schemas, registered once per Ajv as `urn:decouple:contract`. */
function retarget(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(retarget);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === "$ref" && typeof v === "string" ? v.replace("#/components/schemas/", `${DEFS_ID}#/$defs/`) : retarget(v)]),
  );
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" ? Object.fromEntries(Object.entries(value)) : {};
}

const instances = new WeakMap<ServiceContract, Ajv2020>();

/** Ajv 2020-12 (as OpenAPI 3.1), strict, with formats: a validator for one schema of the contract. */
export function compileContractSchema(contract: ServiceContract, schema: JsonSchema): ValidateFunction {
  let ajv = instances.get(contract);
  if (!ajv) {
    // strictTuples would refuse `[w, h, d?]` (minItems below the tuple length): optional elements are meant.
    ajv = new Ajv2020({ strict: true, strictTuples: false, allErrors: false });
    formats.default(ajv);
    ajv.addSchema({ $id: DEFS_ID, $defs: record(retarget(contract.schemas)) });
    instances.set(contract, ajv);
  }
  return ajv.compile(typeof schema === "boolean" ? { anyOf: [schema] } : record(retarget(schema)));
}
