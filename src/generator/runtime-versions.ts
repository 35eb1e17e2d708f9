/**
 * Exact versions a generated service pins, checked together on Node 20.20: the OpenTelemetry 2.x
 * SDK and 0.223 exporters are the last that run on Node 20 (3.x and 0.301 need Node 22.15); the
 * metrics exporter 0.223.0 pins sdk-metrics 2.12.0. Keep them equal to decouple's own
 * devDependencies, on which its tests run the generated services.
 */
export const RUNTIME_VERSIONS = {
  fastify: "5.12.8",
  ajv: "8.20.0",
  ajvFormats: "3.0.1",
  otelApi: "1.9.1",
  otelTrace: "2.12.1",
  otelMetrics: "2.12.0",
  otelTraceExporter: "0.223.1",
  otelMetricsExporter: "0.223.0",
  tsx: "4.23.15",
  typescript: "5.9.3",
  typesNode: "20.19.43",
  vitest: "4.1.12",
} as const;

/** A generated service's package.json dependencies (name to exact version). */
export function serviceDependencies(): Record<string, string> {
  return {
    "@opentelemetry/api": RUNTIME_VERSIONS.otelApi,
    "@opentelemetry/exporter-metrics-otlp-http": RUNTIME_VERSIONS.otelMetricsExporter,
    "@opentelemetry/exporter-trace-otlp-http": RUNTIME_VERSIONS.otelTraceExporter,
    "@opentelemetry/resources": RUNTIME_VERSIONS.otelTrace,
    "@opentelemetry/sdk-metrics": RUNTIME_VERSIONS.otelMetrics,
    "@opentelemetry/sdk-trace-node": RUNTIME_VERSIONS.otelTrace,
    ajv: RUNTIME_VERSIONS.ajv,
    "ajv-formats": RUNTIME_VERSIONS.ajvFormats,
    fastify: RUNTIME_VERSIONS.fastify,
    tsx: RUNTIME_VERSIONS.tsx,
  };
}

export function serviceDevDependencies(): Record<string, string> {
  return { "@types/node": RUNTIME_VERSIONS.typesNode, typescript: RUNTIME_VERSIONS.typescript, vitest: RUNTIME_VERSIONS.vitest };
}
