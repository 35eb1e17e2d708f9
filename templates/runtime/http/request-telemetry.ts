import { context, metrics, propagation, SpanKind, SpanStatusCode, trace, type Context, type Span } from "@opentelemetry/api";
import type { FastifyInstance, FastifyRequest } from "fastify";

declare module "fastify" {
  interface FastifyRequest {
    otelSpan: Span | null;
    otelContext: Context | null;
  }
}

/**
 * A server span per request, continuing the caller's trace from its W3C `traceparent` header,
 * and the `http.server.request.duration` histogram (seconds) of the OpenTelemetry conventions.
 */
export function useRequestTelemetry(app: FastifyInstance, serviceName: string): void {
  const tracer = trace.getTracer(serviceName);
  const duration = metrics.getMeter(serviceName).createHistogram("http.server.request.duration", { unit: "s", description: "Duration of HTTP server requests." });
  const started = new WeakMap<FastifyRequest, number>();
  app.decorateRequest("otelSpan", null);
  app.decorateRequest("otelContext", null);
  app.addHook("onRequest", async (request) => {
    started.set(request, performance.now());
    const parent = propagation.extract(context.active(), request.headers);
    const route = request.routeOptions.url ?? request.url;
    const span = tracer.startSpan(
      `${request.method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { "http.request.method": request.method, "http.route": route, "url.path": request.url.split("?")[0] } },
      parent,
    );
    request.otelSpan = span;
    request.otelContext = trace.setSpan(parent, span);
  });
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    const attributes = { "http.request.method": request.method, "http.route": route, "http.response.status_code": reply.statusCode };
    duration.record((performance.now() - (started.get(request) ?? performance.now())) / 1000, attributes);
    const span = request.otelSpan;
    if (span === null) return;
    span.setAttribute("http.response.status_code", reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
}

/** Runs a route's work inside its request's span, so the calls it makes carry the trace on. */
export function inRequestContext<T>(request: FastifyRequest, work: () => T): T {
  return request.otelContext === null ? work() : context.with(request.otelContext, work);
}
