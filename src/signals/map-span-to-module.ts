import type { ModuleGraph } from "../model/module-graph.js";
import type { TraceSpan } from "./parse-otlp-traces.js";
import type { ModuleId } from "../model/module-id.js";

/** Source and compiled forms of one module: dist/orders/place-order.js is src/orders/place-order.ts. */
const CODE_EXTENSION = /\.(?:[cm]?[jt]sx?)$/;

/** Spans of auto-instrumentation describe a library call (pg.query, GET /orders), not our code. */
const LIBRARY_SCOPE = /^@opentelemetry\/instrumentation-|^opentelemetry\.instrumentation\./;

const QUALIFIED_NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/**
 * A function from a span to the module of the graph it ran in, or undefined when that cannot be
 * told for sure. In order: the file path semantic conventions (`code.file.path`, older
 * `code.filepath`), matched by the longest path suffix; else the function name (`code.function.name`,
 * older `code.function` with `code.namespace`, or a span name like `OrderService.placeOrder`),
 * matched to the one module that declares that exported symbol.
 */
export function createSpanMapper(graph: Pick<ModuleGraph, "modules" | "edges">): (span: TraceSpan) => ModuleId | undefined {
  const byPath = pathIndex(graph.modules.map((module) => module.id));
  const declaring = declarationIndex(graph);
  return (span) => {
    const file = span.attributes["code.file.path"] ?? span.attributes["code.filepath"];
    const fromFile = file === undefined ? undefined : byPath(file);
    if (fromFile !== undefined) return fromFile;
    for (const name of candidateNames(span)) {
      const modules = declaring(name);
      // The first name the codebase declares decides; declared twice, the span stays unmapped.
      if (modules.length > 0) return modules.length === 1 ? modules[0] : undefined;
    }
    return undefined;
  };
}

/** Matches a path (absolute, relative, compiled, a file: URL) to a module id by its longest common suffix. */
function pathIndex(ids: ModuleId[]): (file: string) => ModuleId | undefined {
  const byStem = new Map<string, { id: ModuleId; segments: string[] }[]>();
  for (const id of ids) {
    const segments = id.split("/");
    const stem = stemOf(segments[segments.length - 1] ?? "");
    byStem.set(stem, [...(byStem.get(stem) ?? []), { id, segments }]);
  }
  return (file) => {
    if (/^[a-z][a-z0-9+.-]+:/i.test(file) && !/^file:/i.test(file)) return undefined; // node:internal/…, https://…
    const segments = file.replace(/^file:\/\//i, "").replace(/\\/g, "/").split("/").filter((part) => part !== "" && part !== ".");
    if (segments.includes("node_modules")) return undefined;
    const base = segments[segments.length - 1] ?? "";
    let best: { length: number; exact: boolean; id: ModuleId }[] = [];
    for (const { id, segments: candidate } of byStem.get(stemOf(base)) ?? []) {
      const length = commonSuffix(segments, candidate);
      const match = { length, exact: candidate[candidate.length - 1] === base, id };
      if (best.length === 0 || length > (best[0]?.length ?? 0)) best = [match];
      else if (length === best[0]?.length) best.push(match);
    }
    // Same suffix length: the exact file name wins (a.js over a.ts for "a.js"); otherwise ambiguous.
    const exact = best.filter((match) => match.exact);
    const winners = exact.length > 0 ? exact : best;
    return winners.length === 1 ? winners[0]?.id : undefined;
  };
}

/** How many trailing segments agree, the file name compared without its extension. */
function commonSuffix(path: string[], id: string[]): number {
  let length = 0;
  while (length < path.length && length < id.length) {
    const a = path[path.length - 1 - length] ?? "";
    const b = id[id.length - 1 - length] ?? "";
    if (length === 0 ? stemOf(a) !== stemOf(b) : a !== b) break;
    length++;
  }
  return length;
}

function stemOf(file: string): string {
  return file.replace(CODE_EXTENSION, "");
}

/**
 * The modules that declare an exported name: a module exporting it that only passes it on (a barrel,
 * `export … from`) is left out when its re-exports lead to another module exporting the name.
 */
function declarationIndex(graph: Pick<ModuleGraph, "modules" | "edges">): (name: string) => ModuleId[] {
  const exporters = new Map<string, ModuleId[]>();
  for (const module of graph.modules) {
    for (const name of module.exports) exporters.set(name, [...(exporters.get(name) ?? []), module.id]);
  }
  const reExports = new Map<ModuleId, ModuleId[]>();
  for (const edge of graph.edges) {
    if (edge.kind === "re-export") reExports.set(edge.from, [...(reExports.get(edge.from) ?? []), edge.to]);
  }
  const passesOn = (module: ModuleId, others: Set<ModuleId>): boolean => {
    const seen = new Set([module]);
    const queue = [module];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      for (const target of reExports.get(next) ?? []) {
        if (seen.has(target)) continue;
        if (others.has(target)) return true;
        seen.add(target);
        queue.push(target);
      }
    }
    return false;
  };
  return (name) => {
    if (name === "default" || name === "*") return [];
    const modules = new Set(exporters.get(name) ?? []);
    return [...modules].filter((module) => !passesOn(module, modules));
  };
}

/**
 * Exported names the span's code may be declared under, the most specific first: for
 * `OrderService.placeOrder` the class (placeOrder is its method), then placeOrder itself.
 */
function candidateNames(span: TraceSpan): string[] {
  const { attributes } = span;
  const fn = attributes["code.function.name"] ?? attributes["code.function"];
  let qualified: string | undefined;
  if (fn !== undefined) {
    const namespace = attributes["code.namespace"];
    qualified = namespace !== undefined && !fn.startsWith(`${namespace}.`) ? `${namespace}.${fn}` : fn;
  } else if (!LIBRARY_SCOPE.test(span.scope)) {
    qualified = span.name;
  }
  if (qualified === undefined || !QUALIFIED_NAME.test(qualified)) return [];
  const parts = qualified.split(".");
  const last = parts.pop();
  return [...parts.reverse(), ...(last === undefined ? [] : [last])];
}
