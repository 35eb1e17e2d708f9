import { UserError } from "../model/errors.js";

/** What decouple needs of one span of an OTLP trace export. */
export interface TraceSpan {
  /** Opaque: hex in OTLP JSON, but any string groups the same. "" when the span has none. */
  traceId: string;
  name: string;
  /** Name of the instrumentation scope that made the span ("" when none). */
  scope: string;
  /** Scalar attributes as strings (intValue may arrive as a JSON string); arrays and maps left out. */
  attributes: Record<string, string>;
}

interface AnyValue {
  stringValue?: unknown;
  intValue?: unknown;
  doubleValue?: unknown;
  boolValue?: unknown;
}

const WHAT_TO_DO = "pass OTLP JSON trace exports (an ExportTraceServiceRequest per file or per line, as the Collector's file exporter writes with format: json)";

/**
 * The spans of an OTLP JSON trace export: one ExportTraceServiceRequest document, or JSON Lines of
 * them (the OpenTelemetry Collector's file exporter). `source` names the input in error messages.
 */
export function parseOtlpTraces(text: string, source: string): TraceSpan[] {
  const whole = tryParse(text);
  if (whole.ok) return spansOf(whole.value, source);
  // Bytes that are not UTF-8 text: protobuf (the exporter's format: proto) or a compressed file.
  const head = text.slice(0, 4096);
  if (head.includes("\u0000") || head.includes("\ufffd")) throw new UserError("DCP010", `${source} is binary, not JSON: ${WHAT_TO_DO}.`);
  // Not one document: JSON Lines, where each non-empty line is a document of its own.
  const spans: TraceSpan[] = [];
  for (const [index, line] of text.split("\n").entries()) {
    if (line.trim() === "") continue;
    const parsed = tryParse(line);
    if (!parsed.ok) throw new UserError("DCP010", `${source}:${index + 1} is not JSON: ${WHAT_TO_DO}.`);
    spans.push(...spansOf(parsed.value, `${source}:${index + 1}`));
  }
  return spans;
}

function spansOf(document: unknown, source: string): TraceSpan[] {
  const resourceSpans = isRecord(document) ? document.resourceSpans : undefined;
  if (!Array.isArray(resourceSpans)) {
    throw new UserError("DCP010", `${source} is not an OTLP trace export (no resourceSpans): ${WHAT_TO_DO}.`);
  }
  const spans: TraceSpan[] = [];
  for (const resource of resourceSpans) {
    if (!isRecord(resource)) continue;
    // instrumentationLibrarySpans: the name before OTLP 0.15 (2022), still in old exports.
    const scopes = resource.scopeSpans ?? resource.instrumentationLibrarySpans;
    for (const scopeSpans of Array.isArray(scopes) ? scopes : []) {
      if (!isRecord(scopeSpans)) continue;
      const scopeInfo = scopeSpans.scope ?? scopeSpans.instrumentationLibrary;
      const scope = isRecord(scopeInfo) && typeof scopeInfo.name === "string" ? scopeInfo.name : "";
      for (const span of Array.isArray(scopeSpans.spans) ? scopeSpans.spans : []) {
        if (!isRecord(span)) continue;
        spans.push({
          traceId: typeof span.traceId === "string" ? span.traceId : "",
          name: typeof span.name === "string" ? span.name : "",
          scope,
          attributes: attributesOf(span.attributes),
        });
      }
    }
  }
  return spans;
}

function attributesOf(list: unknown): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const entry of Array.isArray(list) ? list : []) {
    if (!isRecord(entry) || typeof entry.key !== "string" || !isRecord(entry.value)) continue;
    const value = scalarOf(entry.value);
    if (value !== undefined) attributes[entry.key] = value;
  }
  return attributes;
}

/** An AnyValue's scalar as a string; 64-bit intValue is a JSON string per the OTLP JSON mapping. */
function scalarOf(value: AnyValue): string | undefined {
  for (const field of [value.stringValue, value.intValue, value.doubleValue, value.boolValue]) {
    if (typeof field === "string" || typeof field === "number" || typeof field === "boolean") return String(field);
  }
  return undefined;
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
