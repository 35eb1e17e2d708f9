import type { Node, SourceFile, Symbol as TsSymbol } from "ts-morph";
import type { DeriveContext } from "./derive-context.js";

export interface CallSites {
  /** `file:line` of each call whose result is discarded (a statement, or `void f()`). */
  readonly discarded: string[];
  /** Calls whose result is used, and references that are not calls (passed on as a value). */
  used: number;
  /** Files (root-relative) the discarded calls are in. */
  readonly discardedFiles: string[];
}

/**
 * How code outside a service calls its API: resolves each identifier named like an API function to
 * its declaration (through imports, re-exports and namespace imports), then looks at what the
 * caller does with the result. Keyed by the target's symbol.
 */
export function findCallSites(
  ctx: DeriveContext,
  targets: ReadonlyMap<TsSymbol, string>,
  files: readonly SourceFile[],
  relative: (file: SourceFile) => string,
): Map<TsSymbol, CallSites> {
  const { SyntaxKind } = ctx.tsm;
  const names = new Set([...targets.values()]);
  const bySymbol = new Map<object, TsSymbol>();
  for (const symbol of targets.keys()) bySymbol.set(symbol.compilerSymbol, symbol);
  const result = new Map<TsSymbol, CallSites>();
  for (const file of files) {
    const text = file.getFullText();
    if (![...names].some((name) => text.includes(name))) continue;
    for (const identifier of file.getDescendantsOfKind(SyntaxKind.Identifier)) {
      if (!names.has(identifier.getText()) || isDeclarationName(ctx, identifier)) continue;
      const symbol = identifier.getSymbol();
      const resolved = symbol?.isAlias() ? symbol.getAliasedSymbol() : symbol;
      const target = resolved ? bySymbol.get(resolved.compilerSymbol) : undefined;
      if (!target) continue;
      let sites = result.get(target);
      if (!sites) result.set(target, (sites = { discarded: [], used: 0, discardedFiles: [] }));
      const call = callOf(ctx, identifier);
      if (call && isDiscarded(ctx, call)) {
        sites.discarded.push(`${relative(file)}:${call.getStartLineNumber()}`);
        sites.discardedFiles.push(relative(file));
      } else {
        sites.used += 1;
      }
    }
  }
  return result;
}

/** Import and export specifiers name the symbol without using it. */
function isDeclarationName(ctx: DeriveContext, identifier: Node): boolean {
  const { SyntaxKind } = ctx.tsm;
  const parent = identifier.getParent();
  const kind = parent?.getKind();
  return kind === SyntaxKind.ImportSpecifier || kind === SyntaxKind.ExportSpecifier || kind === SyntaxKind.ImportClause ||
    kind === SyntaxKind.NamespaceImport || kind === SyntaxKind.FunctionDeclaration || kind === SyntaxKind.MethodDeclaration;
}

/** The call this identifier is the callee of (`f()`, `ns.f()`, `obj.method()`), if any. */
function callOf(ctx: DeriveContext, identifier: Node): Node | undefined {
  const { Node } = ctx.tsm;
  let callee: Node = identifier;
  const parent = identifier.getParent();
  if (parent && Node.isPropertyAccessExpression(parent) && parent.getNameNode() === identifier) callee = parent;
  const call = callee.getParent();
  return call && Node.isCallExpression(call) && call.getExpression() === callee ? call : undefined;
}

function isDiscarded(ctx: DeriveContext, call: Node): boolean {
  const { Node } = ctx.tsm;
  let node = call;
  let parent = node.getParent();
  while (parent && (Node.isParenthesizedExpression(parent) || Node.isAwaitExpression(parent))) {
    node = parent;
    parent = node.getParent();
  }
  return parent !== undefined && (Node.isExpressionStatement(parent) || Node.isVoidExpression(parent));
}
