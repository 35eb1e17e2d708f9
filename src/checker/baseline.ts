import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { describeZodError } from "../io/describe-zod-error.js";
import { UserError } from "../model/errors.js";
import { compareStrings } from "../model/module-id.js";
import type { ViolationKey } from "./types.js";

export const BASELINE_FILE = "decouple.baseline.json";

const entrySchema = z.union([
  z.object({ rule: z.string().min(1), from: z.string().min(1), to: z.string().min(1), symbol: z.string().min(1) }).strict(),
  z.object({ rule: z.string().min(1), services: z.array(z.string().min(1)).min(2) }).strict(),
  z.object({ rule: z.string().min(1), module: z.string().min(1) }).strict(),
]);

export const baselineSchema = z
  .object({ version: z.literal(1), violations: z.array(entrySchema) })
  .strict()
  .describe("decouple.baseline.json: violations known when it was written; `decouple check` fails only on others.");

/** The baseline document: known violations, keyed without line numbers, sorted so merges rarely conflict. */
export interface Baseline {
  version: 1;
  violations: ViolationKey[];
}

/** Where the baseline lives by default: beside the boundaries file. */
export function baselinePathFor(boundariesFile: string): string {
  return path.join(path.dirname(boundariesFile), BASELINE_FILE);
}

/** A stable string for a key: rule, then the fields that identify it (services sorted). */
export function keyOf(key: ViolationKey): string {
  if ("services" in key) return `${key.rule}\0services\0${[...key.services].sort().join("\0")}`;
  if ("module" in key) return `${key.rule}\0module\0${key.module}`;
  return `${key.rule}\0edge\0${key.from}\0${key.to}\0${key.symbol}`;
}

/** Builds a baseline document from keys: normalised (services sorted), deduplicated and sorted. */
export function toBaseline(keys: ViolationKey[]): Baseline {
  const unique = new Map<string, ViolationKey>();
  for (const key of keys) {
    const normalised: ViolationKey = "services" in key ? { rule: key.rule, services: [...key.services].sort() } : "module" in key ? { rule: key.rule, module: key.module } : { rule: key.rule, from: key.from, to: key.to, symbol: key.symbol };
    unique.set(keyOf(normalised), normalised);
  }
  const violations = [...unique].sort(([a], [b]) => compareStrings(a, b)).map(([, key]) => key);
  return { version: 1, violations };
}

/** Reads and validates a baseline; an absent file is an empty baseline. */
export function readBaseline(file: string): Baseline {
  if (!fs.existsSync(file)) return { version: 1, violations: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new UserError("DCP008", `${file} is not valid JSON (${(error as Error).message}). Fix it, or rewrite it with \`decouple check --update-baseline\`.`);
  }
  const parsed = baselineSchema.safeParse(raw);
  if (!parsed.success) throw new UserError("DCP008", `${file}: ${describeZodError(parsed.error)}. Fix it, or rewrite it with \`decouple check --update-baseline\`.`);
  return toBaseline(parsed.data.violations);
}
