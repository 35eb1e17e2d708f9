import type { Weights } from "../model/config.js";
import type { EdgeKind, ModuleGraph } from "../model/module-graph.js";
import { compareStrings } from "../model/compare-strings.js";
import type { ModuleId } from "../model/module-id.js";
import type { Coupling } from "../model/analysis-result.js";

export type { Coupling };


const USE_CAP = 20;

function kindWeight(weights: Weights, kind: EdgeKind): number {
  switch (kind) {
    case "value":
      return weights.value;
    case "type":
      return weights.type;
    case "re-export":
      return weights.reExport;
    case "dynamic":
      return weights.dynamic;
    case "require":
      return weights.require;
  }
}

/**
 * Weighs how strongly each module depends on each other one. A named import counts against the
 * module that declares the name, not the barrel it came through, so barrels do not glue domains.
 * Value imports weigh more than type-only ones, and weight grows with the symbols used.
 */
export function buildCouplingGraph(graph: ModuleGraph, weights: Weights): Coupling[] {
  const couplings = new Map<string, Coupling>();
  const add = (from: ModuleId, to: ModuleId, weight: number, symbols: number, typeOnly: boolean): void => {
    if (from === to || weight <= 0) return;
    const key = `${from}\0${to}`;
    const existing = couplings.get(key);
    if (existing === undefined) {
      couplings.set(key, { from, to, weight, symbols, typeOnly });
    } else {
      existing.weight += weight;
      existing.symbols += symbols;
      existing.typeOnly &&= typeOnly;
    }
  };

  for (const edge of graph.edges) {
    if (edge.symbols.length === 0) {
      add(edge.from, edge.to, kindWeight(weights, edge.kind), 0, edge.kind === "type");
      continue;
    }
    const byDeclaration = new Map<ModuleId, typeof edge.symbols>();
    for (const symbol of edge.symbols) {
      const list = byDeclaration.get(symbol.declaredIn) ?? [];
      list.push(symbol);
      byDeclaration.set(symbol.declaredIn, list);
    }
    for (const [declaredIn, symbols] of byDeclaration) {
      const typeOnly = edge.kind === "type" || symbols.every((symbol) => symbol.typeOnly);
      const base = typeOnly ? weights.type : kindWeight(weights, edge.kind);
      const uses = symbols.reduce((sum, symbol) => sum + Math.min(symbol.uses, USE_CAP), 0);
      add(edge.from, declaredIn, base * (1 + weights.perSymbol * symbols.length + weights.perUse * uses), symbols.length, typeOnly);
    }
  }
  return [...couplings.values()].sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
}
