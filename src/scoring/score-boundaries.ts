import type { Coupling } from "../graph/build-coupling-graph.js";
import { computeCutWeight } from "./compute-cut-weight.js";
import { computeInstability } from "./compute-instability.js";
import { computeModularity } from "./compute-modularity.js";
import { type Partition } from "../model/partition.js";
import { round } from "./round-score.js";
import type { OverallScore, ServiceScore } from "../model/analysis-result.js";
import type { ModuleId } from "../model/module-id.js";
import type { ServiceName } from "../model/service-name.js";


export type { OverallScore, ServiceScore };




export interface ScoreInput {
  couplings: Coupling[];
  serviceOf: Map<ModuleId, ServiceName>;
  lines: Map<string, number>;
  apiSymbols: Map<ServiceName, number>;
  services: ServiceName[];
  sharedModules: number;
}

/**
 * The scores `analyze` prints: per service and overall. Instability, modularity and the cut share
 * are the functions `score` reports (docs/metrics.md), so the two commands never disagree.
 */
export function scoreBoundaries(input: ScoreInput): { services: ServiceScore[]; overall: OverallScore } {
  const partition: Partition = { serviceOf: input.serviceOf, services: input.services };
  const internal = new Map<ServiceName, number>();
  const touching = new Map<ServiceName, number>();
  const crossing = { value: 0, typeOnly: 0 };
  for (const coupling of input.couplings) {
    const from = input.serviceOf.get(coupling.from);
    const to = input.serviceOf.get(coupling.to);
    if (from === undefined || to === undefined) continue; // shared on either end
    touching.set(from, (touching.get(from) ?? 0) + coupling.weight);
    if (from === to) {
      internal.set(from, (internal.get(from) ?? 0) + coupling.weight);
      continue;
    }
    touching.set(to, (touching.get(to) ?? 0) + coupling.weight);
    if (coupling.typeOnly) crossing.typeOnly++;
    else crossing.value++;
  }
  const instability = computeInstability(partition, input.couplings);
  const members = new Map<ServiceName, ModuleId[]>();
  for (const [module, service] of input.serviceOf) {
    const list = members.get(service) ?? [];
    list.push(module);
    members.set(service, list);
  }

  const services = input.services.map((name): ServiceScore => {
    const modules = members.get(name) ?? [];
    const coupled = instability.get(name);
    const touched = touching.get(name) ?? 0;
    return {
      name,
      files: modules.length,
      lines: modules.reduce((sum, module) => sum + (input.lines.get(module) ?? 0), 0),
      cohesion: round(touched === 0 ? 1 : (internal.get(name) ?? 0) / touched),
      afferent: coupled?.afferent ?? 0,
      efferent: coupled?.efferent ?? 0,
      instability: coupled === undefined || coupled.instability === null ? null : round(coupled.instability),
      apiSymbols: input.apiSymbols.get(name) ?? 0,
    };
  });
  return {
    services,
    overall: {
      services: input.services.length,
      sharedModules: input.sharedModules,
      modularity: round(computeModularity(partition, input.couplings)),
      crossBoundaryEdges: crossing,
      cutWeightShare: round(computeCutWeight(partition, input.couplings).share),
    },
  };
}
