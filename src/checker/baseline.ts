import fs from "node:fs";
import path from "node:path";
import { readJsonFile } from "../io/read-json-file.js";
import { compareStrings } from "../model/compare-strings.js";
import { baselineSchema, keyOf, type Baseline, type ViolationKey } from "../model/check-result.js";

export { baselineSchema, keyOf, type Baseline };

export const BASELINE_FILE = "decouple.baseline.json";


/** Where the baseline lives by default: beside the boundaries file. */
export function baselinePathFor(boundariesFile: string): string {
  return path.join(path.dirname(boundariesFile), BASELINE_FILE);
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
  const parsed = readJsonFile(file, baselineSchema, { code: "DCP008", hint: "Fix it, or rewrite it with `decouple check --update-baseline`." });
  return toBaseline(parsed.violations);
}
