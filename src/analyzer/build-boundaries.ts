import { SHARED, type ApiEntry, type Boundaries } from "../model/boundaries.js";
import type { ModuleGraph } from "../model/module-graph.js";
import { compareStrings } from "../model/compare-strings.js";
import type { ServiceName } from "../model/service-name.js";
import type { ModuleId } from "../model/module-id.js";

export interface BoundariesInput {
  graph: ModuleGraph;
  services: { name: ServiceName; modules: ModuleId[] }[];
  shared: ModuleId[];
  /** Modules pinned by a person, by service name. */
  pins: Map<ModuleId, ServiceName>;
  sharedPins: ModuleId[];
}

export const BOUNDARIES_SCHEMA_URL = "https://unpkg.com/decouple/schemas/decouple.boundaries.schema.json";

/**
 * The boundaries document: services with their modules, pins and API (every symbol another
 * service, or shared, uses today), plus shared modules. Everything sorted, nothing time-dependent.
 */
export function buildBoundaries(input: BoundariesInput): { boundaries: Boundaries; apiSymbols: Map<ServiceName, number> } {
  const serviceOf = new Map<ModuleId, ServiceName>();
  for (const service of input.services) for (const module of service.modules) serviceOf.set(module, service.name);
  const sharedSet = new Set(input.shared);

  const api = new Map<ServiceName, Map<string, { module: ModuleId; symbol: string; usedBy: Set<ServiceName> }>>();
  for (const edge of input.graph.edges) {
    const user = serviceOf.get(edge.from) ?? (sharedSet.has(edge.from) ? SHARED : undefined);
    if (user === undefined) continue;
    for (const symbol of edge.symbols) {
      const owner = serviceOf.get(symbol.declaredIn);
      if (owner === undefined || owner === user) continue;
      const entries = api.get(owner) ?? new Map();
      const key = `${symbol.declaredIn}\0${symbol.declaredAs}`;
      const entry = entries.get(key) ?? { module: symbol.declaredIn, symbol: symbol.declaredAs, usedBy: new Set<ServiceName>() };
      entry.usedBy.add(user);
      entries.set(key, entry);
      api.set(owner, entries);
    }
    // An import of a whole module without names (side effects, `export *`) crosses too: its API is
    // "*". A shared barrel's `export *` is not a use: its importers' names are resolved through it.
    if (edge.symbols.length === 0 && !(edge.kind === "re-export" && user === SHARED)) {
      const owner = serviceOf.get(edge.to);
      if (owner === undefined || owner === user) continue;
      const entries = api.get(owner) ?? new Map();
      const key = `${edge.to}\0*`;
      const entry = entries.get(key) ?? { module: edge.to, symbol: "*", usedBy: new Set<ServiceName>() };
      entry.usedBy.add(user);
      entries.set(key, entry);
      api.set(owner, entries);
    }
  }

  const apiSymbols = new Map<ServiceName, number>();
  const services = input.services
    .map((service) => {
      const entries: ApiEntry[] = [...(api.get(service.name)?.values() ?? [])]
        .map((entry) => ({ module: entry.module, symbol: entry.symbol, usedBy: [...entry.usedBy].sort() }))
        .sort((a, b) => compareStrings(a.module, b.module) || compareStrings(a.symbol, b.symbol));
      apiSymbols.set(service.name, entries.length);
      return {
        name: service.name,
        modules: [...service.modules].sort(),
        pinned: service.modules.filter((module) => input.pins.get(module) === service.name).sort(),
        api: entries,
      };
    })
    .sort((a, b) => compareStrings(a.name, b.name));

  return {
    boundaries: {
      $schema: BOUNDARIES_SCHEMA_URL,
      version: 1,
      services,
      shared: {
        modules: [...input.shared].sort(),
        pinned: input.sharedPins.filter((module) => sharedSet.has(module)).sort(),
      },
    },
    apiSymbols,
  };
}
