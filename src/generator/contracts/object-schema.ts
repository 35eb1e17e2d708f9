import type { Node, Type } from "ts-morph";
import type { JsonSchema } from "../service-contract.js";
import { isExternalSymbol } from "./classify-type.js";
import { formatLocation, reportUnexpressible, type DeriveContext } from "./derive-context.js";
import { memberSchema } from "./member-schema.js";
import { typeText, typeToSchema, type WalkSite } from "./type-to-schema.js";

/**
 * An object type's schema: its properties (those that may be undefined are not required), index
 * signatures as `additionalProperties` (a `Record<string, T>`), otherwise closed
 * (`additionalProperties: false`) so a contract check rejects fields the type does not have.
 * Function-valued members are reported and left out: the data still travels, the behaviour not.
 */
export function objectSchema(ctx: DeriveContext, type: Type, site: WalkSite, depth: number): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const property of type.getProperties()) {
    const name = property.getName();
    const declaration: Node | undefined = property.getValueDeclaration() ?? property.getDeclarations()[0];
    const inner: WalkSite = declaration && !isExternalSymbol(property) ? { at: declaration, usedIn: site.usedIn } : site;
    if (name.startsWith("__@")) {
      report(ctx, inner, name, "a symbol-keyed property: JSON keys are strings; it is left out of the schema");
      continue;
    }
    const propertyType = property.getTypeAtLocation(site.at);
    if (isFunctionValued(ctx, declaration, propertyType)) {
      report(ctx, inner, `${name}: ${typeText(ctx, propertyType, inner.at)}`, `a function-valued member (${name}): behaviour cannot travel as data; it is left out of the schema`);
      continue;
    }
    const member = memberSchema(ctx, declaration, propertyType, inner, depth + 1);
    properties[name] = member.schema;
    const optional = (property.getFlags() & ctx.tsm.ts.SymbolFlags.Optional) !== 0;
    if (!optional && !member.canBeUndefined) required.push(name);
  }
  const schema: Record<string, unknown> = { type: "object" };
  if (Object.keys(properties).length > 0) schema.properties = properties;
  if (required.length > 0) schema.required = required.sort();
  const index = type.getStringIndexType() ?? type.getNumberIndexType();
  schema.additionalProperties = index ? typeToSchema(ctx, index, site, depth + 1) : false;
  return schema;
}

function isFunctionValued(ctx: DeriveContext, declaration: Node | undefined, type: Type): boolean {
  const { Node } = ctx.tsm;
  if (declaration && (Node.isMethodSignature(declaration) || Node.isMethodDeclaration(declaration))) return true;
  const callable = (t: Type): boolean => t.getCallSignatures().length > 0 && t.getProperties().length === 0;
  return callable(type) || (type.isUnion() && type.getUnionTypes().some(callable));
}

function report(ctx: DeriveContext, site: WalkSite, type: string, reason: string): void {
  reportUnexpressible(ctx, { type, location: formatLocation(ctx.root, site.at), reason, usedIn: site.usedIn });
}
