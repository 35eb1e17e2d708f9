import type { Coupling } from "../analyzer/build-coupling-graph.js";
import { buildWeightedGraph, modularity } from "../clustering/weighted-graph.js";

export interface ServiceScore {
  name: string;
  files: number;
  lines: number;
  /** Share of the coupling weight touching the service's modules that stays inside it (shared left out). */
  cohesion: number;
  /** Ca: modules of other services that depend on a module of this one. */
  afferent: number;
  /** Ce: modules of this service that depend on a module of another one (Martin's, as `score` counts it). */
  efferent: number;
  /** efferent / (afferent + efferent): 0 is stable (only depended on), 1 is unstable. */
  instability: number;
  /** Exported symbols other services use. */
  apiSymbols: number;
}

export interface OverallScore {
  services: number;
  sharedModules: number;
  /** Newman modularity of the services over the coupling graph, shared modules left out. */
  modularity: number;
  /** Module-to-module dependencies between two different services. */
  crossBoundaryEdges: { value: number; typeOnly: number };
  /** Share of the coupling weight between services' modules that crosses a boundary. */
  cutWeightShare: number;
}

export interface ScoreInput {
  couplings: Coupling[];
  serviceOf: Map<string, string>;
  lines: Map<string, number>;
  apiSymbols: Map<string, number>;
  services: string[];
  sharedModules: number;
}

export function scoreBoundaries(input: ScoreInput): { services: ServiceScore[]; overall: OverallScore } {
  const internal = new Map<string, number>();
  const touching = new Map<string, number>();
  const afferent = new Map<string, Set<string>>();
  const efferent = new Map<string, Set<string>>();
  const crossing = { value: 0, typeOnly: 0 };
  let totalWeight = 0;
  let cutWeight = 0;
  const pairs: [string, string, number][] = [];

  for (const coupling of input.couplings) {
    const from = input.serviceOf.get(coupling.from);
    const to = input.serviceOf.get(coupling.to);
    if (from === undefined || to === undefined) continue; // shared on either end
    totalWeight += coupling.weight;
    pairs.push([coupling.from, coupling.to, coupling.weight]);
    touching.set(from, (touching.get(from) ?? 0) + coupling.weight);
    if (from === to) {
      internal.set(from, (internal.get(from) ?? 0) + coupling.weight);
      continue;
    }
    touching.set(to, (touching.get(to) ?? 0) + coupling.weight);
    cutWeight += coupling.weight;
    if (coupling.typeOnly) crossing.typeOnly++;
    else crossing.value++;
    addTo(efferent, from, coupling.from);
    addTo(afferent, to, coupling.from);
  }

  const communities = new Map<string, number>();
  const index = new Map(input.services.map((name, i) => [name, i]));
  for (const [module, service] of input.serviceOf) communities.set(module, index.get(service) ?? -1);
  const graph = buildWeightedGraph(input.serviceOf.keys(), pairs);

  const services = input.services.map((name): ServiceScore => {
    const modules = [...input.serviceOf].filter(([, service]) => service === name).map(([module]) => module);
    const ca = afferent.get(name)?.size ?? 0;
    const ce = efferent.get(name)?.size ?? 0;
    const touched = touching.get(name) ?? 0;
    return {
      name,
      files: modules.length,
      lines: modules.reduce((sum, module) => sum + (input.lines.get(module) ?? 0), 0),
      cohesion: round(touched === 0 ? 1 : (internal.get(name) ?? 0) / touched),
      afferent: ca,
      efferent: ce,
      instability: round(ca + ce === 0 ? 0 : ce / (ca + ce)),
      apiSymbols: input.apiSymbols.get(name) ?? 0,
    };
  });
  return {
    services,
    overall: {
      services: input.services.length,
      sharedModules: input.sharedModules,
      modularity: round(modularity(graph, communities)),
      crossBoundaryEdges: crossing,
      cutWeightShare: round(totalWeight === 0 ? 0 : cutWeight / totalWeight),
    },
  };
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}

/** Four decimals: enough to compare, stable across platforms' float printing. */
export function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
