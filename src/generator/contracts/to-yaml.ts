import { stringify } from "yaml";
import { compareKeys } from "../../model/compare-strings.js";

/** Keys that name things in a fixed place (`properties`, `paths`...) keep their order; schema keywords get sorted. */
export function sortSchemaKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortSchemaKeys);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value).sort(compareKeys);
  return Object.fromEntries(entries.map(([key, inner]) => [key, sortSchemaKeys(inner)]));
}

/** YAML 1.2 for a JSON document: no anchors (repeated schemas are written out), long lines kept whole. */
export function toYaml(document: unknown): string {
  return stringify(document, { aliasDuplicateObjects: false, lineWidth: 0, indent: 2 });
}
