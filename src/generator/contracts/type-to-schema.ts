import type { Node, Symbol as TsSymbol, Type } from "ts-morph";
import type { JsonSchema } from "../service-contract.js";
import { isExternalSymbol, isLibDate, unexpressibleReason } from "./classify-type.js";
import { formatLocation, reportUnexpressible, type DeriveContext } from "./derive-context.js";
import { describeNamedType } from "./name-type.js";
import { objectSchema } from "./object-schema.js";
import { unionSchema } from "./union-schema.js";

/** Where a type crosses the boundary: problems are reported at `at` (or the member inside it), for `usedIn`. */
export interface WalkSite {
  readonly at: Node;
  readonly usedIn: string;
}

/** Deep enough for any data model; deeper means a library type slipped through. */
const MAX_DEPTH = 32;

/**
 * JSON Schema (2020-12) for a checker type, instantiated where it is used: `Page<Product>` is walked
 * with `T = Product`. Exported named types become `$ref`s to components; recursive types too.
 */
export function typeToSchema(ctx: DeriveContext, type: Type, site: WalkSite, depth = 0): JsonSchema {
  const { TypeFlags } = ctx.tsm.ts;
  const flags = type.getFlags();
  if (flags & TypeFlags.Any && Reflect.get(type.compilerType, "intrinsicName") === "error") {
    return unexpressible(ctx, type, site, "a type the checker could not resolve (a package not installed, or a broken import): install the project's dependencies and generate again");
  }
  if (flags & (TypeFlags.Any | TypeFlags.Unknown)) return {};
  if (flags & TypeFlags.Never) return { not: {} };
  if (flags & (TypeFlags.Null | TypeFlags.Undefined | TypeFlags.Void)) return { type: "null" };
  if (depth > MAX_DEPTH) return unexpressible(ctx, type, site, "nested deeper than 32 levels: likely a library type, not data");
  // Checked before naming: a class with behaviour is reported, never made a component.
  const reason = unexpressibleReason(ctx.tsm, type);
  if (reason) return unexpressible(ctx, type, site, reason);
  const named = describeNamedType(ctx, type);
  if (named) {
    if (ctx.registry.has(named.key)) return ctx.registry.reserve(named.key, named.name, named.file);
    if (named.exported || inProgress(ctx).has(named.key)) {
      const ref = ctx.registry.reserve(named.key, named.name, named.file);
      ctx.registry.define(named.key, walkInner(ctx, type, site, depth, named.key));
      return ref;
    }
    const schema = walkInner(ctx, type, site, depth, named.key);
    // A non-exported type that turned out recursive was reserved while walking it: define it now.
    if (!ctx.registry.has(named.key)) return schema;
    ctx.registry.define(named.key, schema);
    return ctx.registry.reserve(named.key, named.name, named.file);
  }
  return walkInner(ctx, type, site, depth, undefined);
}

const progress = new WeakMap<DeriveContext, Set<string>>();
function inProgress(ctx: DeriveContext): Set<string> {
  let set = progress.get(ctx);
  if (!set) progress.set(ctx, (set = new Set()));
  return set;
}

function walkInner(ctx: DeriveContext, type: Type, site: WalkSite, depth: number, key: string | undefined): JsonSchema {
  if (key) inProgress(ctx).add(key);
  try {
    return walkStructure(ctx, type, site, depth);
  } finally {
    if (key) inProgress(ctx).delete(key);
  }
}

function walkStructure(ctx: DeriveContext, type: Type, site: WalkSite, depth: number): JsonSchema {
  const { TypeFlags } = ctx.tsm.ts;
  const flags = type.getFlags();
  if (isLibDate(type)) return { type: "string", format: "date-time" };
  if (flags & TypeFlags.StringLiteral || flags & TypeFlags.NumberLiteral) return { const: type.getLiteralValue() };
  if (flags & TypeFlags.BooleanLiteral) return { const: type.getText() === "true" };
  if (flags & (TypeFlags.String | TypeFlags.TemplateLiteral | TypeFlags.StringMapping)) return { type: "string" };
  if (flags & TypeFlags.Number) return { type: "number" };
  if (flags & TypeFlags.Boolean) return { type: "boolean" };
  if (type.isUnion()) return unionSchema(ctx, type.getUnionTypes(), site, depth);
  if (type.isIntersection()) {
    // A branded primitive (`string & { __brand: "Id" }`) travels as the primitive.
    const primitive = type.getIntersectionTypes().find((t) => !(t.getFlags() & TypeFlags.Object));
    if (primitive) return typeToSchema(ctx, primitive, site, depth + 1);
    return objectSchema(ctx, type, site, depth);
  }
  if (type.isTuple()) return tupleSchema(ctx, type, site, depth);
  const element = arrayElement(type);
  if (element) return { type: "array", items: typeToSchema(ctx, element, site, depth + 1) };
  if (flags & TypeFlags.TypeParameter) {
    const constraint = type.getConstraint();
    return constraint ? typeToSchema(ctx, constraint, site, depth + 1) : {};
  }
  if (flags & TypeFlags.NonPrimitive) return { type: "object" };
  if (flags & TypeFlags.Object) return objectSchema(ctx, type, site, depth);
  return unexpressible(ctx, type, site, `a type decouple cannot map to JSON Schema (${type.getText()}): check it by hand`);
}

function arrayElement(type: Type): Type | undefined {
  if (type.isArray()) return type.getArrayElementType();
  const symbol: TsSymbol | undefined = type.getSymbol();
  if (symbol?.getName() === "ReadonlyArray" && isExternalSymbol(symbol)) return type.getTypeArguments()[0];
  return undefined;
}

function tupleSchema(ctx: DeriveContext, type: Type, site: WalkSite, depth: number): JsonSchema {
  const { ElementFlags } = ctx.tsm.ts;
  const target = type.getTargetType() ?? type;
  const elementFlags: readonly number[] = Reflect.get(target.compilerType, "elementFlags") ?? [];
  const elements = type.getTupleElements();
  const prefixItems: JsonSchema[] = [];
  let rest: JsonSchema | undefined;
  let minItems = 0;
  elements.forEach((element, index) => {
    const flag = elementFlags[index] ?? ElementFlags.Required;
    const schema = typeToSchema(ctx, element, site, depth + 1);
    if (flag & ElementFlags.Variable) {
      rest = schema;
    } else {
      prefixItems.push(schema);
      if (flag & ElementFlags.Required) minItems = prefixItems.length;
    }
  });
  const schema: Record<string, unknown> = { type: "array", prefixItems, minItems };
  if (rest === undefined) {
    schema.maxItems = prefixItems.length;
    schema.items = false;
  } else {
    // A rest element of `T[]` (or `...T[]`) walks to an array schema: its items are the rest.
    schema.items = typeof rest === "object" && rest.type === "array" && rest.items !== undefined ? rest.items : rest;
  }
  return schema;
}

/** Reports a type JSON cannot carry and stands in a permissive schema that says why. */
export function unexpressible(ctx: DeriveContext, type: Type, site: WalkSite, reason: string): JsonSchema {
  reportUnexpressible(ctx, {
    type: typeText(ctx, type, site.at),
    location: formatLocation(ctx.root, site.at),
    reason,
    usedIn: site.usedIn,
  });
  return { description: `Not expressible in JSON: ${reason}` };
}

/** The type as written where it crosses (`Request`), else as the checker prints it, without absolute import paths. */
export function typeText(ctx: DeriveContext, type: Type, at: Node): string {
  const { Node } = ctx.tsm;
  const written = Node.isParameterDeclaration(at) || Node.isPropertySignature(at) || Node.isPropertyDeclaration(at) ? at.getTypeNode() : undefined;
  const text = written && written.getType() === type ? written.getText() : type.getText(at);
  return text.replace(/import\("[^"]*"\)\./g, "");
}
