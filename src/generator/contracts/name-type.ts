import type { Node, Type } from "ts-morph";
import { isExternalSymbol } from "./classify-type.js";
import { relativePath, type DeriveContext } from "./derive-context.js";

export interface NamedType {
  /** The checker's fully qualified text: one key per declaration and type arguments. */
  readonly key: string;
  /** Component name: the declared name, then its type arguments, e.g. `Page_Product`. */
  readonly name: string;
  /** Root-relative file of the declaration. */
  readonly file: string;
  readonly exported: boolean;
}

const NAMED_KINDS = new Set(["InterfaceDeclaration", "ClassDeclaration", "EnumDeclaration", "TypeAliasDeclaration"]);

/**
 * The project's own declared types (interfaces, aliases, classes, enums) have names worth keeping
 * in the contract; anonymous object types, primitives and library types do not.
 */
export function describeNamedType(ctx: DeriveContext, type: Type): NamedType | undefined {
  const alias = type.getAliasSymbol();
  const symbol = alias ?? type.getSymbol();
  if (!symbol || isExternalSymbol(symbol)) return undefined;
  const declaration = symbol.getDeclarations().find((d) => NAMED_KINDS.has(d.getKindName()));
  if (!declaration) return undefined;
  const parameterCount = typeParameterCount(ctx, declaration);
  const args = (alias ? type.getAliasTypeArguments() : type.getTypeArguments()).slice(0, parameterCount);
  const name = [symbol.getName(), ...args.map((arg) => argumentName(ctx, arg))].join("_");
  return {
    key: type.getText(undefined, ctx.tsm.ts.TypeFormatFlags.NoTruncation | ctx.tsm.ts.TypeFormatFlags.UseFullyQualifiedType),
    name,
    file: relativePath(ctx.root, declaration.getSourceFile().getFilePath()),
    exported: ctx.tsm.Node.isExportable(declaration) && declaration.isExported(),
  };
}

function typeParameterCount(ctx: DeriveContext, declaration: Node): number {
  return ctx.tsm.Node.isTypeParametered(declaration) ? declaration.getTypeParameters().length : 0;
}

function argumentName(ctx: DeriveContext, type: Type): string {
  const named = describeNamedType(ctx, type);
  if (named) return named.name;
  const text = type.getText(undefined, ctx.tsm.ts.TypeFormatFlags.NoTruncation);
  return text.replace(/\[\]/g, "Array").replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "") || "Anonymous";
}
