import type { ClassDeclaration, Node, Type } from "ts-morph";
import type { ErrorContract } from "../service-contract.js";
import { isExternalSymbol } from "./classify-type.js";
import type { DeriveContext } from "./derive-context.js";
import { compareStrings } from "../../model/compare-strings.js";

/** How far calls are followed inside the service to find what a function can throw. */
const MAX_CALL_DEPTH = 4;

/**
 * Domain errors a function can throw: the classes extending Error whose instances are thrown in its
 * body, or in the bodies of the same service's functions it calls (a remote call surfaces those as
 * problem responses too). Plain `Error` is a bug, not a domain error: it stays a 500.
 */
export function findThrownErrors(ctx: DeriveContext, fn: Node, serviceFiles: ReadonlySet<string>): ErrorContract[] {
  const { SyntaxKind, Node } = ctx.tsm;
  const found = new Map<string, number>();
  const visited = new Set<Node>();
  const visit = (body: Node, depth: number): void => {
    if (visited.has(body)) return;
    visited.add(body);
    for (const statement of body.getDescendantsOfKind(SyntaxKind.ThrowStatement)) {
      const thrown = statement.getExpression().getType();
      for (const member of thrown.isUnion() ? thrown.getUnionTypes() : [thrown]) {
        const error = describeError(ctx, member);
        if (error) found.set(error.name, error.status);
      }
    }
    if (depth >= MAX_CALL_DEPTH) return;
    for (const call of body.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const symbol = call.getExpression().getSymbol();
      const target = symbol?.isAlias() ? symbol.getAliasedSymbol() : symbol;
      for (const declaration of target?.getDeclarations() ?? []) {
        const inService = serviceFiles.has(declaration.getSourceFile().getFilePath());
        const callable = Node.isFunctionDeclaration(declaration) || Node.isMethodDeclaration(declaration) ||
          (Node.isVariableDeclaration(declaration) && declaration.getInitializer() !== undefined);
        if (inService && callable) visit(declaration, depth + 1);
      }
    }
  };
  visit(fn, 0);
  return [...found].map(([name, status]) => ({ name, status })).sort((a, b) => a.status - b.status || compareStrings(a.name, b.name));
}

function describeError(ctx: DeriveContext, type: Type): ErrorContract | undefined {
  const symbol = type.getSymbol();
  if (!symbol || isExternalSymbol(symbol)) return undefined;
  const chain = classChain(ctx, type);
  if (!chain.some((t) => t.getSymbol()?.getName() === "Error" && isExternalSymbol(t.getSymbol()))) return undefined;
  return { name: symbol.getName(), status: errorStatus(ctx, chain) };
}

/** The type and its base classes, nearest first. */
function classChain(ctx: DeriveContext, type: Type): Type[] {
  const chain: Type[] = [];
  let current: Type | undefined = type;
  while (current && chain.length < 16) {
    chain.push(current);
    current = current.getBaseTypes()[0];
  }
  return chain;
}

const NAME_STATUS: ReadonlyArray<readonly [RegExp, number]> = [
  [/NotFound|Missing|Unknown/i, 404],
  [/Unauthori[sz]ed|Unauthenticated|Authentication/i, 401],
  [/Forbidden|Permission|AccessDenied/i, 403],
  [/Conflict|AlreadyExists|Duplicate|Concurrency/i, 409],
  [/BadRequest|Validation|Invalid/i, 400],
  [/PaymentRequired|PaymentDeclined|Declined/i, 402],
  [/TooMany|RateLimit/i, 429],
  [/Unprocessable/i, 422],
];

/**
 * The status the code itself states (`super(404, ...)` or `status = 404` in the class or a base
 * class, nearest first), else one read from the class name, else 422: a domain rule said no.
 */
function errorStatus(ctx: DeriveContext, chain: readonly Type[]): number {
  for (const type of chain) {
    const declaration = type.getSymbol()?.getDeclarations().find((d) => ctx.tsm.Node.isClassDeclaration(d));
    if (declaration && ctx.tsm.Node.isClassDeclaration(declaration)) {
      const stated = statedStatus(ctx, declaration);
      if (stated !== undefined) return stated;
    }
  }
  for (const type of chain) {
    const name = type.getSymbol()?.getName() ?? "";
    const match = NAME_STATUS.find(([pattern]) => pattern.test(name));
    if (match) return match[1];
  }
  return 422;
}

function statedStatus(ctx: DeriveContext, declaration: ClassDeclaration): number | undefined {
  const { Node, SyntaxKind } = ctx.tsm;
  const isStatus = (value: number): boolean => Number.isInteger(value) && value >= 400 && value <= 599;
  for (const constructor of declaration.getConstructors()) {
    for (const call of constructor.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      if (call.getExpression().getKind() !== SyntaxKind.SuperKeyword) continue;
      const first = call.getArguments()[0];
      if (first && Node.isNumericLiteral(first) && isStatus(first.getLiteralValue())) return first.getLiteralValue();
    }
  }
  for (const property of declaration.getProperties()) {
    if (!["status", "statusCode", "httpStatus"].includes(property.getName())) continue;
    const initializer = property.getInitializer();
    if (initializer && Node.isNumericLiteral(initializer) && isStatus(initializer.getLiteralValue())) return initializer.getLiteralValue();
  }
  return undefined;
}
