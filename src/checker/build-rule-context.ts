import type { Boundaries } from "../model/boundaries.js";
import type { Config } from "../model/config.js";
import type { ModuleGraph } from "../model/module-graph.js";
import type { RuleContext } from "./types.js";
import type { ServiceName } from "../model/service-name.js";

/** Indexes the boundaries file once so each rule can look modules and API entries up. */
export function buildRuleContext(graph: ModuleGraph, boundaries: Boundaries, config: Config): RuleContext {
  const serviceOf = new Map<string, ServiceName>();
  const api = new Map<ServiceName, Set<string>>();
  for (const service of boundaries.services) {
    for (const module of service.modules) serviceOf.set(module, service.name);
    api.set(service.name, new Set(service.api.map((entry) => apiKey(entry.module, entry.symbol))));
  }
  return { graph, boundaries, config, serviceOf, shared: new Set(boundaries.shared.modules), api };
}

export function apiKey(module: string, symbol: string): string {
  return `${module}\0${symbol}`;
}
