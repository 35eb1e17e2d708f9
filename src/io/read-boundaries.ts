import fs from "node:fs";
import { boundariesSchema, type Boundaries } from "../model/boundaries.js";
import { UserError } from "../model/errors.js";
import { readJsonFile } from "./read-json-file.js";

/** Reads and validates a boundaries file; undefined when it does not exist and `optional` is set. */
export function readBoundaries(file: string, optional: true): Boundaries | undefined;
export function readBoundaries(file: string, optional?: false): Boundaries;
export function readBoundaries(file: string, optional = false): Boundaries | undefined {
  if (!fs.existsSync(file)) {
    if (optional) return undefined;
    throw new UserError("DCP005", `boundaries file ${file} does not exist. Run \`decouple analyze\` first, or pass --boundaries FILE.`);
  }
  return readJsonFile(file, boundariesSchema, { code: "DCP005", hint: "Fix it, or delete it to start over (schemas/decouple.boundaries.schema.json)." });
}
