import fs from "node:fs";
import { boundariesSchema, type Boundaries } from "../model/boundaries.js";
import { UserError } from "../model/errors.js";
import { describeZodError } from "./describe-zod-error.js";

/** Reads and validates a boundaries file; undefined when it does not exist and `optional` is set. */
export function readBoundaries(file: string, optional: true): Boundaries | undefined;
export function readBoundaries(file: string, optional?: false): Boundaries;
export function readBoundaries(file: string, optional = false): Boundaries | undefined {
  if (!fs.existsSync(file)) {
    if (optional) return undefined;
    throw new UserError("DCP005", `boundaries file ${file} does not exist. Run \`decouple analyze\` first, or pass --boundaries FILE.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new UserError("DCP005", `${file} is not valid JSON (${(error as Error).message}). Fix it or delete it to start over.`);
  }
  const parsed = boundariesSchema.safeParse(raw);
  if (!parsed.success) throw new UserError("DCP005", `${file}: ${describeZodError(parsed.error)}. See schemas/decouple.boundaries.schema.json.`);
  return parsed.data;
}
