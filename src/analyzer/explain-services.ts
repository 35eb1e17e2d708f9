import { undirectedGraph, scaleSignals } from "../clustering/propose-partition.js";
import type { Signal } from "../signals/signal.js";
import type { Dependencies } from "../clustering/detect-shared-modules.js";
import { round } from "../scoring/round-score.js";
import type { ServiceEvidence } from "../model/analysis-result.js";
import { pairKey, splitPairKey, type PairKey } from "../model/pair-key.js";
import { compareKeys, compareStrings } from "../model/compare-strings.js";
import type { ServiceName } from "../model/service-name.js";
import type { ModuleId } from "../model/module-id.js";

export type { ServiceEvidence };


/**
 * Why each service's modules are together: which signals carry its internal coupling, and the
 * strongest pairs, so a reviewer sees evidence rather than a verdict.
 */
export function explainServices(
  services: { name: ServiceName; modules: ModuleId[] }[],
  nodes: ModuleId[],
  dependencies: Dependencies,
  signals: Signal[],
  strongest = 3,
): ServiceEvidence[] {
  const graph = undirectedGraph(nodes, dependencies);
  const sources: Signal[] = [{ name: "imports", weight: 1, pairs: graph.edges.map((edge) => [edge.a, edge.b, edge.weight]) }, ...scaleSignals(graph, signals)];
  const serviceOf = new Map<ModuleId, ServiceName>();
  for (const service of services) for (const module of service.modules) serviceOf.set(module, service.name);

  const pairsByService = new Map<ServiceName, Map<PairKey<ModuleId, ModuleId>, Record<string, number>>>();
  for (const source of sources) {
    for (const [x, y, weight] of source.pairs) {
      const service = serviceOf.get(x);
      if (service === undefined || service !== serviceOf.get(y)) continue;
      const [a, b] = x < y ? [x, y] : [y, x];
      const pairs = pairsByService.get(service) ?? new Map<PairKey<ModuleId, ModuleId>, Record<string, number>>();
      const by = pairs.get(pairKey(a, b)) ?? {};
      by[source.name] = (by[source.name] ?? 0) + weight;
      pairs.set(pairKey(a, b), by);
      pairsByService.set(service, pairs);
    }
  }

  return services.map(({ name }) => {
    const pairs = [...(pairsByService.get(name) ?? new Map<PairKey<ModuleId, ModuleId>, Record<string, number>>())].map(([key, by]) => {
      const [a, b] = splitPairKey(key);
      return { a, b, by, weight: Object.values(by).reduce((sum, weight) => sum + weight, 0) };
    });
    const totals: Record<string, number> = {};
    let total = 0;
    for (const pair of pairs) {
      for (const [signal, weight] of Object.entries(pair.by)) totals[signal] = (totals[signal] ?? 0) + weight;
      total += pair.weight;
    }
    return {
      service: name,
      signals: Object.fromEntries(Object.entries(totals).sort(compareKeys).map(([signal, weight]) => [signal, round(weight / total)])),
      strongest: pairs
        .sort((x, y) => y.weight - x.weight || compareStrings(x.a, y.a) || compareStrings(x.b, y.b))
        .slice(0, strongest)
        .map((pair) => ({
          a: pair.a,
          b: pair.b,
          weight: round(pair.weight),
          by: Object.fromEntries(Object.entries(pair.by).sort(compareKeys).map(([signal, weight]) => [signal, round(weight)])),
        })),
    };
  });
}
