import fs from "node:fs";
import type { z } from "zod";
import { UserError, type UserErrorCode } from "../model/errors.js";
import { describeZodError } from "./describe-zod-error.js";
import { locateJsonError } from "./locate-json-error.js";

/** How a file's problems are reported: the code of its kind of file and what the user should do. */
export interface JsonFileErrors {
  code: UserErrorCode;
  /** The last sentence of every message: how to fix the file (e.g. "See schemas/x.schema.json."). */
  hint: string;
  /** What the file is, when its name does not say ("reference file"). */
  label?: string;
}

/** The value of a JSON file; invalid JSON is a user error that gives the line and column where parsing stopped. */
export function readJson(file: string, errors: JsonFileErrors): unknown {
  const text = fs.readFileSync(file, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8's message quotes the text, newlines and all: the line and column say more in one line.
    const where = locateJsonError(text);
    const reason = where === undefined ? ` (${(error instanceof Error ? error.message : String(error)).split("\n")[0]})` : "";
    const location = where === undefined ? "" : `:${where.line}:${where.column}`;
    throw new UserError(errors.code, `${describeFile(file, errors)}${location}: not valid JSON${reason}. ${errors.hint}`);
  }
}

/** A value checked against its schema; the first problem is a user error naming its path in the file. */
export function validateJson<S extends z.ZodType>(value: unknown, schema: S, file: string, errors: JsonFileErrors): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UserError(errors.code, `${describeFile(file, errors)}: ${describeZodError(parsed.error)}. ${errors.hint}`);
  return parsed.data;
}

/** Reads a JSON file and validates it: the one way decouple reads a document a person may have edited. */
export function readJsonFile<S extends z.ZodType>(file: string, schema: S, errors: JsonFileErrors): z.output<S> {
  return validateJson(readJson(file, errors), schema, file, errors);
}

function describeFile(file: string, errors: JsonFileErrors): string {
  return errors.label === undefined ? file : `${errors.label} ${file}`;
}
