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

/** Where the queue runtime (copied into each service) lists the exact versions it is tested with. */
export const QUEUE_VERSIONS_TEMPLATE = "runtime/queue/versions.json";

export interface PackageDependencies {
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
}

/**
 * The queue runtime's packages (every driver's client: QUEUE_DRIVER picks one at run time, and the
 * idempotency stores' drivers), pinned as its versions.json says; none when the template set has no
 * queue runtime. Pure: reads the template set only.
 */
export function queueRuntimeDependencies(templates: ReadonlyMap<string, string>): PackageDependencies {
  const source = templates.get(QUEUE_VERSIONS_TEMPLATE);
  if (source === undefined) return { dependencies: {}, devDependencies: {} };
  const parsed: unknown = JSON.parse(source);
  return { dependencies: versionsIn(parsed, "dependencies"), devDependencies: versionsIn(parsed, "devDependencies") };
}

function versionsIn(parsed: unknown, field: string): Record<string, string> {
  const entries = typeof parsed === "object" && parsed !== null && field in parsed ? Object.getOwnPropertyDescriptor(parsed, field)?.value : undefined;
  if (typeof entries !== "object" || entries === null) return {};
  const versions: Record<string, string> = {};
  for (const [name, version] of Object.entries(entries)) {
    if (typeof version !== "string" || !/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`${QUEUE_VERSIONS_TEMPLATE}: ${field}.${name} must be an exact version, not ${String(version)}`);
    versions[name] = version;
  }
  return versions;
}
