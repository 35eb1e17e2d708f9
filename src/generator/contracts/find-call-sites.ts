import type { SourceFile, Symbol as TsSymbol, ts } from "ts-morph";
import type { DeriveContext } from "./derive-context.js";
import type { ModuleId } from "../../model/module-id.js";

export interface CallSites {
  /** `file:line` of each call whose result is discarded (a statement, or `void f()`). */
  readonly discarded: string[];
  /** Calls whose result is used, and references that are not calls (passed on as a value). */
  used: number;
  /** Files (root-relative) the discarded calls are in. */
  readonly discardedFiles: ModuleId[];
}

export interface CallTarget {
  readonly symbol: TsSymbol;
  /** The name callers write: the function's, or the method's. */
  readonly name: string;
  /** Module ids of the owning service: references from there are not crossings. */
  readonly ownFiles: ReadonlySet<string>;
}

/**
 * How code outside a service calls its API: one pass over every file (on the compiler's own nodes:
 * wrapping each node in ts-morph costs more than the walk), resolving each identifier named like
 * an API function to its declaration (through imports, re-exports and namespace imports), then
 * looking at what the caller does with the result. Keyed by the target's symbol.
 */
export function findCallSites(
  ctx: DeriveContext,
  targets: readonly CallTarget[],
  files: readonly SourceFile[],
  relative: (file: SourceFile) => ModuleId,
): Map<TsSymbol, CallSites> {
  const { ts } = ctx.tsm;
  const checker = ctx.project.getTypeChecker().compilerObject;
  const names = new Set(targets.map((t) => t.name));
  const bySymbol = new Map<ts.Symbol, CallTarget>(targets.map((t) => [t.symbol.compilerSymbol, t]));
  const result = new Map<TsSymbol, CallSites>();
  for (const file of files) {
    const module = relative(file);
    const source = file.compilerNode;
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && names.has(node.text) && !isDeclarationName(ctx, node)) record(node);
      ts.forEachChild(node, visit);
    };
    const record = (identifier: ts.Identifier): void => {
      const symbol = checker.getSymbolAtLocation(identifier);
      const resolved = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const target = resolved ? bySymbol.get(resolved) : undefined;
      if (!target || target.ownFiles.has(module)) return;
      let sites = result.get(target.symbol);
      if (!sites) result.set(target.symbol, (sites = { discarded: [], used: 0, discardedFiles: [] }));
      const call = callOf(ctx, identifier);
      if (call && isDiscarded(ctx, call)) {
        sites.discarded.push(`${module}:${source.getLineAndCharacterOfPosition(call.getStart(source)).line + 1}`);
        sites.discardedFiles.push(module);
      } else {
        sites.used += 1;
      }
    };
    if ([...names].some((name) => source.text.includes(name))) visit(source);
  }
  return result;
}

/** Declarations and import/export specifiers name the symbol without using it. */
function isDeclarationName(ctx: DeriveContext, identifier: ts.Identifier): boolean {
  const { ts } = ctx.tsm;
  const parent = identifier.parent;
  return ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent) ||
    ((ts.isFunctionDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === identifier);
}

/** The call this identifier is the callee of (`f()`, `ns.f()`, `obj.method()`), if any. */
function callOf(ctx: DeriveContext, identifier: ts.Identifier): ts.CallExpression | undefined {
  const { ts } = ctx.tsm;
  const parent = identifier.parent;
  const callee: ts.Node = ts.isPropertyAccessExpression(parent) && parent.name === identifier ? parent : identifier;
  const call = callee.parent;
  return ts.isCallExpression(call) && call.expression === callee ? call : undefined;
}

function isDiscarded(ctx: DeriveContext, call: ts.Node): boolean {
  const { ts } = ctx.tsm;
  let node = call;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAwaitExpression(node.parent)) node = node.parent;
  return ts.isExpressionStatement(node.parent) || ts.isVoidExpression(node.parent);
}
