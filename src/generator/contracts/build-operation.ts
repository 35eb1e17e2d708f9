import type { Node, ParameterDeclaration, Type } from "ts-morph";
import type { JsonSchema, Operation } from "../service-contract.js";
import type { ApiCallable } from "./collect-api.js";
import type { DeriveContext } from "./derive-context.js";
import { findThrownErrors } from "./find-thrown-errors.js";
import { memberSchema } from "./member-schema.js";
import { planHttp, type ParameterInput, type ParameterShape } from "./plan-http.js";
import { typeToSchema } from "./type-to-schema.js";
import { unionSchema, withNull } from "./union-schema.js";

/** One operation from an API function: parameters, awaited response, thrown errors, HTTP route. */
export function buildOperation(
  ctx: DeriveContext,
  service: string,
  callable: ApiCallable,
  serviceFiles: ReadonlySet<string>,
): Omit<Operation, "resultUnused"> {
  const { Node } = ctx.tsm;
  const fn = callable.node;
  const parameterNodes: ParameterDeclaration[] = (Node.isParametered(fn) ? fn.getParameters() : []).filter((p) => p.getName() !== "this");
  const inputs: ParameterInput[] = parameterNodes.map((parameter, index) => {
    const site = { at: parameter, usedIn: callable.operationId };
    const member = memberSchema(ctx, parameter, parameter.getType(), site, 0);
    const optional = parameter.hasQuestionToken() || parameter.hasInitializer() || parameter.isRestParameter();
    return {
      name: Node.isIdentifier(parameter.getNameNode()) ? parameter.getName() : `arg${index}`,
      required: !optional && !member.canBeUndefined,
      schema: member.schema,
      shape: shapeOf(ctx, parameter.getType()),
    };
  });
  const { http, parameters } = planHttp(service, callable.operationId, callable.verb, inputs);
  const returned = Node.isReturnTyped(fn) ? fn.getReturnType() : undefined;
  const awaited = returned ? awaitedType(returned) : undefined;
  const responseAt: Node = (Node.isReturnTyped(fn) ? fn.getReturnTypeNode() : undefined) ?? nameNode(ctx, fn);
  const errorBody = Node.isFunctionDeclaration(fn) && !fn.hasBody() ? fn.getImplementation() ?? fn : fn;
  const description = docComment(ctx, fn);
  return {
    operationId: callable.operationId,
    module: callable.module,
    exportName: callable.exportName,
    ...(callable.method ? { method: callable.method } : {}),
    ...(callable.receiver ? { receiver: callable.receiver } : {}),
    ...(callable.injected ? { injected: true } : {}),
    ...(description ? { description } : {}),
    http,
    parameters,
    response: awaited ? responseSchema(ctx, awaited, { at: responseAt, usedIn: callable.operationId }) : null,
    errors: findThrownErrors(ctx, errorBody, serviceFiles),
    synchronous: !returned || awaited === returned,
    idempotent: http.method === "GET",
    usedBy: callable.usedBy,
  };
}

/** `Promise<T>` (or any thenable's type argument) unwrapped, nested promises too. */
export function awaitedType(type: Type): Type {
  let current = type;
  for (let i = 0; i < 8; i++) {
    const symbol = current.getSymbol();
    const argument = current.getTypeArguments()[0];
    if ((symbol?.getName() === "Promise" || symbol?.getName() === "PromiseLike") && argument) current = argument;
    else break;
  }
  return current;
}

/** `void`/`undefined` answer nothing (null); `T | undefined` answers `T` or null, as JSON has no undefined. */
function responseSchema(ctx: DeriveContext, type: Type, site: { at: Node; usedIn: string }): JsonSchema | null {
  const { TypeFlags } = ctx.tsm.ts;
  const empty = TypeFlags.Void | TypeFlags.Undefined;
  if (type.getFlags() & empty) return null;
  if (!type.isUnion()) return typeToSchema(ctx, type, site);
  const members = type.getUnionTypes();
  const schema = unionSchema(ctx, members, site, 0);
  return members.some((m) => m.getFlags() & empty) && !members.some((m) => m.getFlags() & TypeFlags.Null) ? withNull(schema) : schema;
}

function shapeOf(ctx: DeriveContext, type: Type): ParameterShape {
  const { TypeFlags } = ctx.tsm.ts;
  const scalar = TypeFlags.StringLike | TypeFlags.NumberLike | TypeFlags.BooleanLike | TypeFlags.Undefined | TypeFlags.Null | TypeFlags.EnumLike;
  // A branded id (`string & { __brand: "Id" }`) is a scalar on the wire.
  const isScalar = (t: Type): boolean =>
    (t.getFlags() & scalar) !== 0 ||
    (t.isUnion() && t.getUnionTypes().every(isScalar)) ||
    (t.isIntersection() && t.getIntersectionTypes().some(isScalar));
  if (isScalar(type)) return "scalar";
  const element = type.isArray() ? type.getArrayElementType() : type.getSymbol()?.getName() === "ReadonlyArray" ? type.getTypeArguments()[0] : undefined;
  return element && isScalar(element) ? "scalar-array" : "structured";
}

function nameNode(ctx: DeriveContext, fn: Node): Node {
  const { Node } = ctx.tsm;
  if (Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn)) return fn.getNameNode() ?? fn;
  return fn;
}

/** The first paragraph of the doc comment on the function, or on the `const` holding it. */
function docComment(ctx: DeriveContext, fn: Node): string | undefined {
  const { Node } = ctx.tsm;
  const holder = Node.isJSDocable(fn) ? fn : fn.getFirstAncestor((a) => Node.isVariableStatement(a));
  if (!holder || !Node.isJSDocable(holder)) return undefined;
  const text = holder.getJsDocs()[0]?.getDescription().trim().split(/\n\s*\n/)[0]?.replace(/\s+/g, " ");
  return text || undefined;
}
