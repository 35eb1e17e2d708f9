import { assertSafeRelativePath } from "./assert-safe-path.js";
import { buildRouteSchemas } from "./build-route-schemas.js";
import { importSpecifier, toKebabCase, toPascalCase } from "./name-forms.js";
import type { ErrorContract, Operation } from "./service-contract.js";

/** Alias each monolith module is imported under, in the client and the facade. */
export type ModuleAliases = ReadonlyMap<string, string>;

/** One argument of an operation's function: where the request carries it. */
export interface ArgumentView {
  readonly name: string;
  readonly index: number;
  readonly in: "path" | "query" | "body";
  readonly required: boolean;
}

/** What the templates of one operation read. */
export interface OperationView {
  readonly operationId: string;
  readonly fileName: string;
  readonly registerName: string;
  readonly httpMethod: string;
  /** The OpenAPI path (`/order/orders/{orderId}`) and Fastify's form of it (`/order/orders/:orderId`). */
  readonly path: string;
  readonly fastifyPath: string;
  /** The route file's import of the declaring module, and what it calls there (`monolith.chargeOrder`). */
  readonly module: string;
  readonly callee: string;
  /** `chargeOrder`, `Api.method`: for comments. */
  readonly calleeName: string;
  readonly sourceModule: string;
  /** What the client (types only) and the facade reach it by: `m0.chargeOrder`. */
  readonly clientCallee: string;
  readonly facadeCallee: string;
  /** Fastify's request type parameter and the call's arguments read from the request. */
  readonly requestType: string;
  readonly callArguments: string;
  /** The client's object literals of each request part, read from its `args`. */
  readonly clientRequest: { readonly pathParams: string; readonly query: string; readonly body: string };
  readonly arguments: readonly ArgumentView[];
  readonly pathArguments: readonly ArgumentView[];
  readonly queryArguments: readonly ArgumentView[];
  readonly bodyArguments: readonly ArgumentView[];
  readonly hasBody: boolean;
  readonly returnsNothing: boolean;
  readonly idempotent: boolean;
  readonly synchronous: boolean;
  readonly usedBy: readonly string[];
  readonly errors: readonly ErrorContract[];
  /** The route's `schema` option: params, querystring, body, and the success response by status. */
  readonly fastifySchema: Readonly<Record<string, unknown>>;
}

const REQUEST_PART = { path: "Params", query: "Querystring", body: "Body" } as const;
const REQUEST_FIELD = { path: "params", query: "query", body: "body" } as const;

export function buildOperationView(operation: Operation, routeFile: string, aliases: ModuleAliases, root: string): OperationView {
  const fileName = assertSafeRelativePath(toKebabCase(operation.operationId), "operation");
  if (!/^[A-Za-z_$][\w$]*$/.test(operation.operationId)) assertSafeRelativePath(`{${operation.operationId}}`, "operationId");
  const args = operation.parameters.map((parameter, index) => ({ name: parameter.name, index, in: parameter.in, required: parameter.required }));
  const member = `${operation.exportName === "default" ? "default" : operation.exportName}${operation.method === undefined ? "" : `.${operation.method}`}`;
  const alias = aliases.get(operation.module) ?? "m0";
  const { response, ...requestSchemas } = buildRouteSchemas(operation);
  const parts = (["path", "query", "body"] as const)
    .map((where) => ({ where, args: args.filter((arg) => arg.in === where) }))
    .filter((part) => part.args.length > 0)
    .map(({ where, args: partArgs }) => `${REQUEST_PART[where]}: { ${partArgs.map((arg) => `${arg.name}${arg.required ? "" : "?"}: Args[${arg.index}];`).join(" ")} }`);
  return {
    operationId: operation.operationId,
    fileName,
    registerName: `register${toPascalCase(operation.operationId)}Route`,
    httpMethod: operation.http.method,
    path: operation.http.path,
    fastifyPath: operation.http.path.replace(/\{([^}]+)\}/g, ":$1"),
    module: importSpecifier(routeFile, operation.module, root),
    callee: `monolith.${member}`,
    calleeName: operation.method === undefined ? operation.exportName : `${operation.exportName}.${operation.method}`,
    sourceModule: operation.module,
    clientCallee: `${alias}.${member}`,
    facadeCallee: `${alias}.${member}`,
    requestType: `{ ${parts.join("; ")} }`,
    callArguments: args.map((arg) => `request.${REQUEST_FIELD[arg.in]}.${arg.name}`).join(", "),
    clientRequest: {
      pathParams: objectLiteral(args.filter((arg) => arg.in === "path")),
      query: objectLiteral(args.filter((arg) => arg.in === "query")),
      body: args.some((arg) => arg.in === "body") ? objectLiteral(args.filter((arg) => arg.in === "body")) : "undefined",
    },
    arguments: args,
    pathArguments: args.filter((arg) => arg.in === "path"),
    queryArguments: args.filter((arg) => arg.in === "query"),
    bodyArguments: args.filter((arg) => arg.in === "body"),
    hasBody: args.some((arg) => arg.in === "body"),
    returnsNothing: operation.response === null,
    idempotent: operation.idempotent,
    synchronous: operation.synchronous,
    usedBy: operation.usedBy,
    errors: operation.errors,
    fastifySchema: { ...requestSchemas, ...(response === null ? {} : { response: { 200: response } }) },
  };
}

function objectLiteral(args: readonly ArgumentView[]): string {
  return args.length === 0 ? "{}" : `{ ${args.map((arg) => `${arg.name}: args[${arg.index}]`).join(", ")} }`;
}
