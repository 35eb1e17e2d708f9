import { SHARED, type Boundaries } from "../model/boundaries.js";
import type { ModuleGraph } from "../model/module-graph.js";
import type { TableOwnership } from "./table-ownership.js";
import { assignmentOf } from "./reconcile-boundaries.js";
import type { ExtractionStep } from "../model/analysis-result.js";
import { compareStrings } from "../model/compare-strings.js";
import type { ServiceName } from "../model/service-name.js";

export type { ExtractionStep };


/**
 * The order to cut services out: fewest callers first, then least shared data, so each step is
 * as small as it can be; each step lists the call sites to switch to a client, the tables to
 * split and the calls that close a cycle back into the monolith (candidates for events).
 */
export function planExtraction(graph: ModuleGraph, boundaries: Boundaries, tables: TableOwnership[]): ExtractionStep[] {
  const serviceOf = assignmentOf(boundaries);
  const calls = new Map<ServiceName, Map<ServiceName, Set<string>>>(); // from service -> to service -> symbols
  const sites = new Map<ServiceName, ExtractionStep["callSites"]>();
  for (const edge of graph.edges) {
    const by = serviceOf.get(edge.from);
    if (by === undefined) continue;
    const targets = new Map<ServiceName, string[]>();
    for (const symbol of edge.symbols.length > 0 ? edge.symbols : [{ declaredIn: edge.to, declaredAs: "*" }]) {
      const owner = serviceOf.get(symbol.declaredIn);
      if (owner === undefined || owner === SHARED || owner === by) continue;
      targets.set(owner, [...(targets.get(owner) ?? []), symbol.declaredAs]);
    }
    for (const [owner, symbols] of targets) {
      const list = sites.get(owner) ?? [];
      list.push({ from: edge.from, line: edge.line, symbols: [...new Set(symbols)].sort(), by });
      sites.set(owner, list);
      const outgoing = calls.get(by) ?? new Map<ServiceName, Set<string>>();
      const set = outgoing.get(owner) ?? new Set<string>();
      for (const symbol of symbols) set.add(symbol);
      outgoing.set(owner, set);
      calls.set(by, outgoing);
    }
  }

  const candidates = boundaries.services.map((service) => {
    const shared = tables
      .filter((table) => table.writerServices.includes(service.name))
      .map((table) => ({
        table: table.table,
        alsoUsedBy: [...new Set([...table.writerServices, ...table.readerServices])].filter((other) => other !== service.name && other !== SHARED).sort(),
      }))
      .filter((table) => table.alsoUsedBy.length > 0);
    const callSites = (sites.get(service.name) ?? []).sort((a, b) => compareStrings(a.from, b.from) || a.line - b.line);
    return { service: service.name, callSites, tables: shared };
  });
  candidates.sort(
    (a, b) =>
      a.callSites.length - b.callSites.length || a.tables.length - b.tables.length || compareStrings(a.service, b.service),
  );

  const extracted = new Set<ServiceName>();
  return candidates.map((candidate, index) => {
    // Calls from this service into a service still in the monolith that also calls this one.
    const events = [...(calls.get(candidate.service) ?? new Map<ServiceName, Set<string>>())]
      .filter(([to]) => !extracted.has(to) && calls.get(to)?.has(candidate.service) === true)
      .map(([to, symbols]) => ({ to, symbols: [...symbols].sort() }))
      .sort((a, b) => compareStrings(a.to, b.to));
    extracted.add(candidate.service);
    return { step: index + 1, ...candidate, events };
  });
}
