import { context, propagation, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";

export interface ClientOptions {
  /** e.g. http://payment:3000; read from <NAME>_SERVICE_URL unless configured. */
  baseUrl: string | undefined;
  /** Per attempt. */
  timeoutMs: number;
  /** Extra attempts for idempotent operations (and for any call the service never received). */
  retries: number;
  /** First backoff; doubled per attempt, with jitter. */
  backoffMs: number;
}

export interface OperationCall {
  readonly service: string;
  readonly operationId: string;
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** OpenAPI form: `/order/orders/{orderId}`. */
  readonly path: string;
  readonly idempotent: boolean;
  readonly pathParams: Readonly<Record<string, unknown>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: Readonly<Record<string, unknown>> | undefined;
}

/** The service answered with an error (RFC 9457 problem details when it could say more). */
export class ServiceCallError extends Error {
  readonly status: number;
  readonly problem: { readonly type?: string; readonly title?: string; readonly detail?: string } | undefined;

  constructor(call: OperationCall, status: number, problem: ServiceCallError["problem"]) {
    super(`${call.service}.${call.operationId} failed with ${status}${problem?.detail === undefined ? "" : `: ${problem.detail}`}`);
    this.name = problem?.title ?? "ServiceCallError";
    this.status = status;
    this.problem = problem;
  }
}

const RETRYABLE_STATUS = new Set([502, 503, 504]);

/**
 * One operation over HTTP, in a client span whose context travels in the `traceparent` header.
 * Each attempt has its own timeout; idempotent operations are retried on network errors,
 * timeouts and 502/503/504 with exponential backoff; others only when the connection was refused
 * (the service never saw the request).
 */
export async function callOperation<T>(options: ClientOptions, call: OperationCall): Promise<T> {
  if (options.baseUrl === undefined || options.baseUrl === "") {
    throw new Error(`no URL for the ${call.service} service: set ${call.service.toUpperCase().replace(/-/g, "_")}_SERVICE_URL or configure the client`);
  }
  const url = buildUrl(options.baseUrl, call);
  const tracer = trace.getTracer(`${call.service}-client`);
  return tracer.startActiveSpan(
    `${call.method} ${call.path}`,
    { kind: SpanKind.CLIENT, attributes: { "http.request.method": call.method, "url.full": url, "rpc.service": call.service, "rpc.method": call.operationId } },
    async (span) => {
      try {
        return await attempt<T>(options, call, url);
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

async function attempt<T>(options: ClientOptions, call: OperationCall, url: string): Promise<T> {
  for (let attemptNumber = 0; ; attemptNumber += 1) {
    const headers: Record<string, string> = { accept: "application/json, application/problem+json" };
    if (call.body !== undefined) headers["content-type"] = "application/json";
    propagation.inject(context.active(), headers);
    let response: Response;
    try {
      response = await fetch(url, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      const retry = attemptNumber < options.retries && (call.idempotent || isConnectionRefused(error));
      if (!retry) throw error;
      await sleep(backoff(options, attemptNumber));
      continue;
    }
    if (RETRYABLE_STATUS.has(response.status) && call.idempotent && attemptNumber < options.retries) {
      await response.body?.cancel();
      await sleep(backoff(options, attemptNumber));
      continue;
    }
    return readResponse<T>(call, response);
  }
}

async function readResponse<T>(call: OperationCall, response: Response): Promise<T> {
  const text = await response.text();
  if (!response.ok) {
    let problem: ServiceCallError["problem"];
    try {
      problem = text === "" ? undefined : JSON.parse(text);
    } catch {
      problem = { detail: text.slice(0, 200) };
    }
    throw new ServiceCallError(call, response.status, problem);
  }
  // The service validated the body against the contract before sending it.
  return (text === "" ? undefined : JSON.parse(text)) as T;
}

function buildUrl(baseUrl: string, call: OperationCall): string {
  let path = call.path;
  for (const [name, value] of Object.entries(call.pathParams)) path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(call.query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) query.append(name, String(item));
  }
  return `${baseUrl.replace(/\/+$/, "")}${path}${query.size > 0 ? `?${query}` : ""}`;
}

function isConnectionRefused(error: unknown): boolean {
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  return typeof cause === "object" && cause !== null && "code" in cause && cause.code === "ECONNREFUSED";
}

function backoff(options: ClientOptions, attemptNumber: number): number {
  return options.backoffMs * 2 ** attemptNumber + Math.random() * options.backoffMs;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
