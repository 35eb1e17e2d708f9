import type { ModuleEdge, ModuleGraph } from "../../model/module-graph.js";

/**
 * One dependency of a module on a symbol, judged by the module that declares the symbol (so a
 * barrel cannot hide a crossing). An import without names (side effects, `export *`, `import()`,
 * `require()`) is a dependency on the whole target module, symbol "*".
 */
export interface SymbolDependency {
  edge: ModuleEdge;
  from: string;
  to: string;
  symbol: string;
  typeOnly: boolean;
}

export function listDependencies(graph: ModuleGraph): SymbolDependency[] {
  const dependencies: SymbolDependency[] = [];
  for (const edge of graph.edges) {
    if (edge.symbols.length === 0) {
      dependencies.push({ edge, from: edge.from, to: edge.to, symbol: "*", typeOnly: edge.kind === "type" });
      continue;
    }
    for (const symbol of edge.symbols) {
      dependencies.push({ edge, from: edge.from, to: symbol.declaredIn, symbol: symbol.declaredAs, typeOnly: edge.kind === "type" || symbol.typeOnly });
    }
  }
  return dependencies;
}

/** How an edge is written, for messages: "imports", "re-exports", "dynamically imports", "requires". */
export function verbOf(edge: ModuleEdge): string {
  switch (edge.kind) {
    case "re-export":
      return "re-exports";
    case "dynamic":
      return "dynamically imports";
    case "require":
      return "requires";
    case "type":
      return "imports the type";
    case "value":
      return "imports";
  }
}

export function describeSymbol(symbol: string): string {
  return symbol === "*" ? "the whole module" : `\`${symbol}\``;
}
