import { metrics } from "@opentelemetry/api";
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import type { ServiceConfig } from "./config.js";

export interface Telemetry {
  /** Flushes what is buffered and stops exporting. */
  shutdown(): Promise<void>;
}

/**
 * Traces and metrics over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set. The tracer provider
 * is registered either way: it carries the W3C `traceparent` of incoming requests on to the calls
 * the service makes, so a trace stays whole across services even where this one does not export.
 */
export function startTelemetry(config: ServiceConfig): Telemetry {
  const resource = resourceFromAttributes({ "service.name": config.serviceName });
  const endpoint = config.otlpEndpoint;
  const tracerProvider = new NodeTracerProvider({
    resource,
    spanProcessors: endpoint === undefined ? [] : [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint}/v1/traces` }))],
  });
  tracerProvider.register();
  const meterProvider = new MeterProvider({
    resource,
    readers:
      endpoint === undefined
        ? []
        : [new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter({ url: `${endpoint}/v1/metrics` }), exportIntervalMillis: 15_000 })],
  });
  metrics.setGlobalMeterProvider(meterProvider);
  return {
    shutdown: async () => {
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
    },
  };
}
