import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

/** JSON Schemas (draft 2020-12) taken from the service's AsyncAPI document. */
export interface EventSchemas {
  /** The payload schema of each event, keyed by event name. */
  readonly events: Readonly<Record<string, unknown>>;
  /** `components/schemas`: what `#/components/schemas/X` refers to. */
  readonly components?: Readonly<Record<string, unknown>>;
}

export type PayloadCheck = (event: string, payload: unknown) => string | null;

// Compiling costs milliseconds: every queue of a process built from the same schemas shares one check.
const compiled = new WeakMap<EventSchemas, PayloadCheck>();

/** Compiles every schema once; returns null for a valid payload or a one-line reason. */
export function createPayloadCheck(schemas: EventSchemas): PayloadCheck {
  let check = compiled.get(schemas);
  if (!check) compiled.set(schemas, (check = compilePayloadCheck(schemas)));
  return check;
}

function compilePayloadCheck(schemas: EventSchemas): PayloadCheck {
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  // ajv-formats is CommonJS: under NodeNext its default import is module.exports, which carries `.default`.
  addFormatsModule.default(ajv);
  const $defs = rewriteRefs(schemas.components ?? {});
  const validators = new Map<string, ValidateFunction>();
  for (const [event, schema] of Object.entries(schemas.events)) {
    const rewritten = rewriteRefs(schema);
    const root = typeof rewritten === "boolean" ? rewritten : { ...(rewritten as object), $defs };
    validators.set(event, ajv.compile(root));
  }
  return (event, payload) => {
    const validate = validators.get(event);
    if (!validate) return `no schema for event "${event}"`;
    if (validate(payload)) return null;
    const first = validate.errors?.[0];
    return `payload of "${event}" ${first?.instancePath || "/"} ${first?.message ?? "is invalid"}`;
  };
}

/** AsyncAPI components live outside the payload schema: point their refs at `$defs` of the compiled root. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === "$ref" && typeof v === "string" ? v.replace(/^#\/components\/schemas\//, "#/$defs/") : rewriteRefs(v);
  }
  return out;
}
