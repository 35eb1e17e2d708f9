import type { CallExpression, SourceFile, Symbol as TsSymbol, Type } from "ts-morph";
import { isExternalSymbol } from "./classify-type.js";
import type { DeriveContext } from "./derive-context.js";
import type { ModuleId } from "../../model/module-id.js";

/** Methods that publish an event, and methods that register a handler for one. */
export const EMIT_METHODS = new Set(["emit", "publish", "dispatch"]);
export const HANDLE_METHODS = new Set(["on", "once", "addListener", "subscribe"]);

export interface EventSite {
  readonly name: string;
  readonly role: "producer" | "consumer";
  readonly call: CallExpression;
  /** Root-relative file of the call. */
  readonly file: ModuleId;
  /** The payload's type: the bus's declared parameter, else what the code passes or handles. */
  readonly payload: Type | undefined;
}

/**
 * In-process events: `x.emit('order.placed', payload)` / `x.on('order.placed', handler)` (and
 * publish/subscribe...) with a name the checker knows as one string literal (written so, or a
 * constant or string enum member), on an object that has both an emit-like and an
 * on-like method and is declared in the project (so `process.on('SIGTERM')` is not an event).
 */
export function findEventSites(ctx: DeriveContext, files: readonly SourceFile[], relative: (file: SourceFile) => ModuleId): EventSite[] {
  const { Node, SyntaxKind } = ctx.tsm;
  const sites: EventSite[] = [];
  for (const file of files) {
    for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      if (!Node.isPropertyAccessExpression(callee)) continue;
      const method = callee.getName();
      const role = EMIT_METHODS.has(method) ? "producer" : HANDLE_METHODS.has(method) ? "consumer" : undefined;
      const [nameArg, second] = call.getArguments();
      if (!role || !nameArg) continue;
      // A literal, or a constant or string enum member whose type is one (`emit(ORDER_PLACED, …)`).
      const nameType = nameArg.getType();
      if (!nameType.isStringLiteral()) continue;
      const receiver = callee.getExpression();
      const receiverSymbol = receiver.getSymbol();
      if (receiverSymbol && isExternalSymbol(receiverSymbol.isAlias() ? receiverSymbol.getAliasedSymbol() : receiverSymbol)) continue;
      if (!isEventBusLike(receiver.getType())) continue;
      sites.push({
        name: String(nameType.getLiteralValue()),
        role,
        call,
        file: relative(file),
        payload: payloadType(ctx, call, role, second?.getType()),
      });
    }
  }
  return sites;
}

/** Has a method to publish and one to handle: an event bus or an EventEmitter. */
export function isEventBusLike(type: Type): boolean {
  const names = type.getApparentType().getProperties().map((p) => p.getName());
  return names.some((n) => EMIT_METHODS.has(n)) && names.some((n) => HANDLE_METHODS.has(n));
}

function payloadType(ctx: DeriveContext, call: CallExpression, role: EventSite["role"], argument: Type | undefined): Type | undefined {
  const { TypeFlags } = ctx.tsm.ts;
  const useful = (t: Type | undefined): Type | undefined => (t && !(t.getFlags() & (TypeFlags.Any | TypeFlags.Unknown)) ? t : undefined);
  const signature = ctx.project.getTypeChecker().getResolvedSignature(call);
  const declared = signature ? parameterType(ctx, signature.getParameters(), 1, call) : undefined;
  if (role === "producer") return useful(declared) ?? useful(argument);
  const handlerParameter = (t: Type | undefined): Type | undefined => {
    const handler = t?.getCallSignatures()[0];
    return handler ? parameterType(ctx, handler.getParameters(), 0, call) : undefined;
  };
  return useful(handlerParameter(declared)) ?? useful(handlerParameter(argument));
}

/** The type of the index-th argument: a rest parameter (`...args: any[]`) gives its element type. */
function parameterType(ctx: DeriveContext, parameters: readonly TsSymbol[], index: number, at: CallExpression): Type | undefined {
  const last = parameters[parameters.length - 1];
  const lastDeclaration = last?.getValueDeclaration();
  const isRest = lastDeclaration !== undefined && ctx.tsm.Node.isParameterDeclaration(lastDeclaration) && lastDeclaration.isRestParameter();
  if (isRest && index >= parameters.length - 1) {
    const rest = last!.getTypeAtLocation(at);
    return rest.isArray() ? rest.getArrayElementType() : rest.getTupleElements()[index - (parameters.length - 1)];
  }
  return parameters[index]?.getTypeAtLocation(at);
}
