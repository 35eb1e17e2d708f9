import type { Type } from "ts-morph";
import type { JsonSchema } from "../service-contract.js";
import type { DeriveContext } from "./derive-context.js";
import { typeToSchema, type WalkSite } from "./type-to-schema.js";
import { compareStrings } from "../../model/compare-strings.js";

/**
 * A union's schema. `undefined` members are left to the caller (an optional field or parameter);
 * `null` makes the rest nullable; literal members become one `enum` (values sorted, so the output
 * does not depend on the order the checker met them); a union of objects that all carry a distinct
 * literal in one property (a discriminated union) becomes `oneOf`, any other `anyOf`.
 */
export function unionSchema(ctx: DeriveContext, members: readonly Type[], site: WalkSite, depth: number): JsonSchema {
  const { TypeFlags } = ctx.tsm.ts;
  let nullable = false;
  const booleans = new Set<boolean>();
  const strings = new Set<string>();
  const numbers = new Set<number>();
  const others: Type[] = [];
  for (const member of members) {
    const flags = member.getFlags();
    if (flags & (TypeFlags.Undefined | TypeFlags.Void)) continue;
    if (flags & TypeFlags.Null) nullable = true;
    else if (flags & TypeFlags.BooleanLiteral) booleans.add(member.getText() === "true");
    else if (flags & TypeFlags.StringLiteral && !member.getAliasSymbol()) strings.add(String(member.getLiteralValue()));
    else if (flags & TypeFlags.NumberLiteral && !member.getAliasSymbol()) numbers.add(Number(member.getLiteralValue()));
    else others.push(member);
  }
  const parts: JsonSchema[] = [];
  if (strings.size > 0) parts.push(literalSchema("string", [...strings].sort(compareStrings)));
  if (numbers.size > 0) parts.push(literalSchema("number", [...numbers].sort((a, b) => a - b)));
  if (booleans.size === 2) parts.push({ type: "boolean" });
  else if (booleans.size === 1) parts.push({ const: [...booleans][0] });
  for (const member of others) parts.push(typeToSchema(ctx, member, site, depth + 1));

  if (parts.length === 0) return nullable ? { type: "null" } : { not: {} };
  if (parts.length === 1) return nullable ? withNull(parts[0]!) : parts[0]!;
  const onlyObjects = strings.size + numbers.size + booleans.size === 0;
  const keyword = onlyObjects && isDiscriminated(ctx, others, site) ? "oneOf" : "anyOf";
  return { [keyword]: nullable ? [...parts, { type: "null" }] : parts };
}

function literalSchema(type: "string" | "number", values: ReadonlyArray<string | number>): JsonSchema {
  return values.length === 1 ? { type, const: values[0] } : { type, enum: values };
}


/** `T | null`: a plain typed schema gets "null" in its type (and enum); anything else goes in `anyOf`. */
export function withNull(schema: JsonSchema): JsonSchema {
  if (typeof schema === "boolean" || schema.$ref !== undefined || typeof schema.type !== "string") {
    return { anyOf: [schema, { type: "null" }] };
  }
  const out: Record<string, unknown> = { ...schema, type: [schema.type, "null"] };
  if (Array.isArray(schema.enum)) out.enum = [...schema.enum, null];
  if (schema.const !== undefined) {
    delete out.const;
    out.enum = [schema.const, null];
  }
  return out;
}

/** Every member is an object with one property holding a literal, a different one in each. */
function isDiscriminated(ctx: DeriveContext, members: readonly Type[], site: WalkSite): boolean {
  const first = members[0];
  if (!first || members.length < 2 || !members.every((m) => m.isObject())) return false;
  const { TypeFlags } = ctx.tsm.ts;
  const literal = TypeFlags.StringLiteral | TypeFlags.NumberLiteral | TypeFlags.BooleanLiteral;
  return first.getProperties().some((candidate) => {
    const values = new Set<string>();
    for (const member of members) {
      const property = member.getProperty(candidate.getName());
      if (!property) return false;
      const type = property.getTypeAtLocation(site.at);
      if (!(type.getFlags() & literal)) return false;
      values.add(type.getText());
    }
    return values.size === members.length;
  });
}
