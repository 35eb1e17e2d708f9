import type { Node, Type } from "ts-morph";
import type { JsonSchema } from "../service-contract.js";
import { isExternalSymbol } from "./classify-type.js";
import type { DeriveContext } from "./derive-context.js";
import { typeToSchema, type WalkSite } from "./type-to-schema.js";
import { unionSchema } from "./union-schema.js";

export interface MemberSchema {
  readonly schema: JsonSchema;
  /** The member may be `undefined` (leave it out of `required`). */
  readonly canBeUndefined: boolean;
}

/**
 * The schema of a property or parameter. The checker folds `OrderStatus | null` into one flat
 * union and forgets the alias, so where the declaration's written type means the same thing (no
 * type parameter in scope, not a mapped or instantiated member) its parts are walked as written,
 * keeping `$ref: OrderStatus`. Elsewhere the instantiated type is walked (`Page<Product>.items`).
 */
export function memberSchema(
  ctx: DeriveContext,
  declaration: Node | undefined,
  instantiated: Type,
  site: WalkSite,
  depth: number,
): MemberSchema {
  const { TypeFlags } = ctx.tsm.ts;
  const undefinedFlags = TypeFlags.Undefined | TypeFlags.Void;
  const canBeUndefined =
    (instantiated.getFlags() & undefinedFlags) !== 0 ||
    (instantiated.isUnion() && instantiated.getUnionTypes().some((t) => (t.getFlags() & undefinedFlags) !== 0));
  const written = writtenParts(ctx, declaration);
  if (written) {
    const schema = written.length === 1 ? typeToSchema(ctx, written[0]!, site, depth) : unionSchema(ctx, written, site, depth);
    return { schema, canBeUndefined };
  }
  const schema = instantiated.isUnion()
    ? unionSchema(ctx, instantiated.getUnionTypes(), site, depth)
    : typeToSchema(ctx, instantiated, site, depth);
  return { schema, canBeUndefined };
}

/** The written union's parts, or undefined when the written type could differ from the instantiated one. */
function writtenParts(ctx: DeriveContext, declaration: Node | undefined): Type[] | undefined {
  const { Node } = ctx.tsm;
  if (!declaration) return undefined;
  if (!(Node.isPropertySignature(declaration) || Node.isPropertyDeclaration(declaration) || Node.isParameterDeclaration(declaration))) {
    return undefined;
  }
  const typeNode = declaration.getTypeNode();
  if (!typeNode) return undefined;
  const generic = declaration.getAncestors().some((a) => Node.isTypeParametered(a) && a.getTypeParameters().length > 0);
  if (generic) return undefined;
  const parts: Type[] = [];
  const collect = (node: Node): void => {
    if (Node.isUnionTypeNode(node)) node.getTypeNodes().forEach(collect);
    else if (Node.isParenthesizedTypeNode(node)) collect(node.getTypeNode());
    else parts.push(node.getType());
  };
  collect(typeNode);
  // Only worth it when a part keeps a name the flat union loses.
  const named = parts.some((part) => {
    const symbol = part.getAliasSymbol() ?? part.getSymbol();
    return symbol !== undefined && !isExternalSymbol(symbol) && part.isUnion();
  });
  return named ? parts : undefined;
}
