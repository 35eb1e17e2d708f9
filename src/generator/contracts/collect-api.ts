import type { ClassDeclaration, Node, Project, Symbol as TsSymbol, Type } from "ts-morph";
import type { ServiceBoundary } from "../../model/boundaries.js";
import type { DeriveContext } from "./derive-context.js";
import { isEventBusLike } from "./find-events.js";
import { compareStrings } from "../../model/compare-strings.js";
import type { ServiceName } from "../../model/service-name.js";

/** A function (or method) of the service's API that another service calls. */
export interface ApiCallable {
  readonly operationId: string;
  readonly module: string;
  readonly exportName: string;
  readonly method?: string;
  /** The function-like node whose parameters and body are read. */
  readonly node: Node;
  /** Its symbol: call sites in other services resolve to it. */
  readonly symbol: TsSymbol;
  /** The name the HTTP convention reads (the function's, or the method's). */
  readonly verb: string;
  readonly usedBy: readonly ServiceName[];
  readonly receiver?: "object" | "class";
  readonly injected?: boolean;
}

/** An exported type other services use: a named schema of the service. */
export interface ApiType {
  readonly exportName: string;
  readonly node: Node;
  readonly type: Type;
}

export interface ServiceApi {
  readonly callables: ApiCallable[];
  readonly types: ApiType[];
}

/**
 * Reads the boundaries' `api` entries another service uses (entries used only by `shared` stay in
 * the monolith: routers, wiring). Functions become operations; exported classes and objects offer
 * their public methods as `Export_method` (a class only when it needs no constructor arguments:
 * otherwise it is an entity and crosses as a type); an event-bus-like object is left to the event contract;
 * interfaces, aliases and enums become named schemas; other values (constants) carry no operation.
 */
export function collectApi(ctx: DeriveContext, project: Project, service: ServiceBoundary, services: ReadonlySet<string>): ServiceApi {
  const { Node } = ctx.tsm;
  const callables: ApiCallable[] = [];
  const types: ApiType[] = [];
  for (const entry of service.api) {
    const usedBy = entry.usedBy.filter((user) => user !== service.name && services.has(user)).sort();
    if (usedBy.length === 0) continue;
    const file = project.getSourceFile(`${ctx.root}/${entry.module}`);
    const declarations = file?.getExportedDeclarations().get(entry.symbol) ?? [];
    const base = { module: entry.module, exportName: entry.symbol, usedBy };
    for (const declaration of declarations.slice(0, 1)) {
      if (Node.isInterfaceDeclaration(declaration) || Node.isTypeAliasDeclaration(declaration) || Node.isEnumDeclaration(declaration)) {
        types.push({ exportName: entry.symbol, node: declaration, type: declaration.getType() });
        continue;
      }
      const fn = functionLike(ctx, declaration);
      const symbol = declaration.getSymbol();
      if (fn && symbol) {
        // `export default function chargeOrder` is served under its own name (or its file's).
        const name = entry.symbol === "default" ? defaultExportName(ctx, declaration, entry.module) : entry.symbol;
        callables.push({ ...base, operationId: name, node: fn, symbol, verb: name });
        continue;
      }
      const instance = declaration.getType();
      if (isEventBusLike(instance)) continue;
      const isClass = Node.isClassDeclaration(declaration);
      const construction = isClass ? classConstruction(ctx, declaration) : "none";
      if (construction === "entity") {
        // An entity (`new Invoice(id, total)`), not a service object: it crosses as a type.
        types.push({ exportName: entry.symbol, node: declaration, type: instance });
        continue;
      }
      for (const property of instance.getProperties()) {
        const method = property.getValueDeclaration();
        const methodFn = method ? functionLike(ctx, method) : undefined;
        if (!method || !methodFn || isPrivate(ctx, method, property.getName())) continue;
        callables.push({
          ...base,
          operationId: `${entry.symbol}_${property.getName()}`,
          method: property.getName(),
          node: methodFn,
          symbol: property,
          verb: property.getName(),
          receiver: isClass ? "class" : "object",
          ...(construction === "injected" ? { injected: true } : {}),
        });
      }
    }
  }
  callables.sort((a, b) => compareStrings(a.operationId, b.operationId));
  return { callables, types };
}

/**
 * How an exported class's instance comes to be: `none` (`new Ledger()`), `injected` (every
 * required constructor argument is a collaborator with behaviour, as dependency injection passes
 * them: NestJS's `constructor(private prisma: PrismaService)`), or `entity` (it takes data:
 * `new Invoice(id, total)`, which crosses as a type, not as an API).
 */
function classConstruction(ctx: DeriveContext, declaration: ClassDeclaration): "none" | "injected" | "entity" {
  const required = declaration.getConstructors().flatMap((c) => c.getParameters()).filter((p) => !p.isOptional() && !p.hasInitializer());
  if (required.length === 0) return "none";
  const { Node, ts } = ctx.tsm;
  const collaborator = (type: Type): boolean => {
    // A dependency whose package is not installed is unresolved (any): only a collaborator is injected so.
    if (type.getFlags() & ts.TypeFlags.Any) return true;
    if (!type.getSymbol() || type.isArray() || !type.isObject()) return false;
    if (type.getSymbol()?.getDeclarations().some((d) => Node.isClassDeclaration(d))) return true;
    return type.getProperties().some((p) => p.getDeclarations().some((d) => Node.isMethodDeclaration(d) || Node.isMethodSignature(d)));
  };
  return required.every((p) => collaborator(p.getType())) ? "injected" : "entity";
}

function defaultExportName(ctx: DeriveContext, declaration: Node, module: string): string {
  const { Node } = ctx.tsm;
  const own = Node.isFunctionDeclaration(declaration) ? declaration.getName() : undefined;
  if (own) return own;
  const stem = module.replace(/\.[cm]?[jt]sx?$/, "").split("/").pop() ?? "default";
  return stem.replace(/[^A-Za-z0-9]+(.)/g, (_, c: string) => c.toUpperCase()).replace(/^[^A-Za-z_]+/, "") || "default";
}

/** The function behind a declaration: a function, a method, or a variable holding an arrow/function. */
function functionLike(ctx: DeriveContext, node: Node): Node | undefined {
  const { Node } = ctx.tsm;
  if (Node.isFunctionDeclaration(node) || Node.isMethodDeclaration(node)) return node.getOverloads()[0] ?? node;
  if (Node.isArrowFunction(node) || Node.isFunctionExpression(node)) return node;
  if (Node.isVariableDeclaration(node) || Node.isPropertyAssignment(node)) {
    const initializer = node.getInitializer();
    if (initializer && (Node.isArrowFunction(initializer) || Node.isFunctionExpression(initializer))) return initializer;
  }
  return undefined;
}

function isPrivate(ctx: DeriveContext, member: Node, name: string): boolean {
  const { Node, SyntaxKind } = ctx.tsm;
  if (name.startsWith("#") || name.startsWith("_")) return true;
  if (Node.isModifierable(member)) {
    return member.hasModifier(SyntaxKind.PrivateKeyword) || member.hasModifier(SyntaxKind.ProtectedKeyword) || member.hasModifier(SyntaxKind.StaticKeyword);
  }
  return false;
}
