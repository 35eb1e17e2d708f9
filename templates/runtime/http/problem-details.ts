import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { ResponseContractError } from "./contract-validation.js";

/** A domain error an operation declares: thrown by the code, answered with its status. */
export interface DeclaredError {
  readonly name: string;
  readonly status: number;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** The domain errors of the route's operation. */
    errors?: readonly DeclaredError[];
  }
}

/** RFC 9457 problem details. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: unknown;
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

/**
 * Every error leaves as problem details: requests that break the contract 400, declared domain
 * errors their status (matched by class name along the prototype chain, since many codebases set
 * one `name` for a whole family of errors), anything else 500 without internals.
 */
export function useProblemDetails(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation !== undefined) {
      return sendProblem(reply, { type: "about:blank", title: "Bad Request", status: 400, detail: error.message, errors: error.validation });
    }
    const declared = findDeclaredError(error, request.routeOptions.config.errors ?? []);
    if (declared !== undefined) {
      return sendProblem(reply, { type: `urn:problem-type:${declared.name}`, title: declared.name, status: declared.status, detail: error.message });
    }
    if (!(error instanceof ResponseContractError) && typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, { type: "about:blank", title: error.code ?? "Bad Request", status: error.statusCode, detail: error.message });
    }
    request.log.error({ err: error, details: error instanceof ResponseContractError ? error.details : undefined }, "request failed");
    return sendProblem(reply, { type: "about:blank", title: "Internal Server Error", status: 500 });
  });
  app.setNotFoundHandler((request, reply) => sendProblem(reply, { type: "about:blank", title: "Not Found", status: 404, detail: `${request.method} ${request.url} is not a route of this service` }));
}

function findDeclaredError(error: unknown, declared: readonly DeclaredError[]): DeclaredError | undefined {
  const names = new Set<string>();
  if (error instanceof Error) names.add(error.name);
  for (let prototype: unknown = Object.getPrototypeOf(error); prototype !== null && prototype !== Object.prototype; prototype = Object.getPrototypeOf(prototype)) {
    const constructor: unknown = Object.getOwnPropertyDescriptor(prototype, "constructor")?.value;
    if (typeof constructor === "function") names.add(constructor.name);
  }
  // The most specific class first: walk the chain in order.
  return [...names].map((name) => declared.find((entry) => entry.name === name)).find((entry) => entry !== undefined);
}
