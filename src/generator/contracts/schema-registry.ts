import type { JsonSchema } from "../service-contract.js";
import { compareStrings } from "../../model/compare-strings.js";

/** Refs point at placeholders while walking; names are given only once every type is known. */
const PLACEHOLDER = "#/components/schemas/\u0000";
const COMPONENT_NAME = /[^A-Za-z0-9._-]+/g;

interface Entry {
  readonly id: number;
  /** The name the code gives it, e.g. `Order` or `Page_Product`. */
  readonly baseName: string;
  /** Root-relative file of the declaration: qualifies the name when two types share one. */
  readonly file: string;
  schema: JsonSchema | undefined;
}

/**
 * Named schemas of one service (`components/schemas`). Types are keyed by the checker's fully
 * qualified text, so two `Order`s from different files stay apart and get qualified names.
 */
export class SchemaRegistry {
  private readonly entries = new Map<string, Entry>();

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Reserves a name for a type (before walking it, so recursion can point at it) and returns its `$ref`. */
  reserve(key: string, baseName: string, file: string): { $ref: string } {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { id: this.entries.size, baseName: baseName.replace(COMPONENT_NAME, "_"), file, schema: undefined };
      this.entries.set(key, entry);
    }
    return { $ref: `${PLACEHOLDER}${entry.id}` };
  }

  define(key: string, schema: JsonSchema): void {
    const entry = this.entries.get(key);
    if (entry) entry.schema = schema;
  }

  /**
   * Gives every reserved type its final name (the plain name unless two declarations share it; then
   * each is prefixed by its file's name) and returns the schemas plus a function that rewrites
   * placeholder refs in any other schema (operations, events).
   */
  finish(): { schemas: Record<string, JsonSchema>; resolve: (schema: JsonSchema) => JsonSchema } {
    const byName = new Map<string, Entry[]>();
    for (const entry of this.entries.values()) {
      byName.set(entry.baseName, [...(byName.get(entry.baseName) ?? []), entry]);
    }
    const names = new Map<number, string>();
    for (const [baseName, group] of byName) {
      if (group.length === 1) {
        names.set(group[0]!.id, baseName);
        continue;
      }
      const sorted = [...group].sort((a, b) => compareStrings(a.file, b.file) || a.id - b.id);
      sorted.forEach((entry, index) => {
        const stem = pascalCase(entry.file.replace(/\.[cm]?[jt]sx?$/, "").split("/").pop() ?? "");
        const qualified = `${stem}_${baseName}`;
        const clash = sorted.some((other, j) => j < index && other.file === entry.file);
        names.set(entry.id, clash ? `${qualified}_${index + 1}` : qualified);
      });
    }
    const resolve = (schema: JsonSchema): JsonSchema => {
      if (typeof schema === "boolean") return schema;
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(schema)) out[key] = rewriteRef(key, inner, names);
      return out;
    };
    const schemas: Record<string, JsonSchema> = {};
    const ordered = [...this.entries.values()].sort((a, b) => compareStrings(names.get(a.id)!, names.get(b.id)!));
    for (const entry of ordered) schemas[names.get(entry.id)!] = resolve(entry.schema ?? {});
    return { schemas, resolve };
  }
}

function rewriteRef(key: string, value: unknown, names: ReadonlyMap<number, string>): unknown {
  if (key === "$ref" && typeof value === "string" && value.startsWith(PLACEHOLDER)) {
    return `#/components/schemas/${names.get(Number(value.slice(PLACEHOLDER.length)))}`;
  }
  if (Array.isArray(value)) return value.map((item) => rewriteRef("", item, names));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [inner, child] of Object.entries(value)) out[inner] = rewriteRef(inner, child, names);
  return out;
}

export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join("");
}
