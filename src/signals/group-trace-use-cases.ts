import type { TraceSpan } from "./parse-otlp-traces.js";
import type { ModuleId } from "../model/module-id.js";

export interface TraceUseCases {
  /** The distinct sets of modules (sorted) that ran within one trace. */
  useCases: ModuleId[][];
  /** Traces seen: distinct trace ids. */
  traces: number;
  spans: number;
  /** Spans whose module is known. */
  mapped: number;
}

/**
 * One trace is one use case: the modules its spans ran in were exercised together. Traces with the
 * same modules count once, so a request repeated ten thousand times in production does not
 * outweigh every other use case (traffic volume is not coupling). Spans without a trace id
 * are counted but belong to no use case.
 */
export function groupTraceUseCases(spans: TraceSpan[], moduleOf: (span: TraceSpan) => ModuleId | undefined): TraceUseCases {
  const modulesOf = new Map<string, Set<ModuleId>>();
  let mapped = 0;
  for (const span of spans) {
    const module = moduleOf(span);
    if (module !== undefined) mapped++;
    if (span.traceId === "") continue;
    const modules = modulesOf.get(span.traceId) ?? new Set<ModuleId>();
    if (module !== undefined) modules.add(module);
    modulesOf.set(span.traceId, modules);
  }
  const distinct = new Map<string, ModuleId[]>();
  for (const modules of modulesOf.values()) {
    const sorted = [...modules].sort();
    if (sorted.length > 0) distinct.set(sorted.join("\0"), sorted);
  }
  const useCases = [...distinct.keys()].sort().map((key) => distinct.get(key) ?? []);
  return { useCases, traces: modulesOf.size, spans: spans.length, mapped };
}
