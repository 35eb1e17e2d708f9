import { round } from "../scoring/round-score.js";
import type { Stability } from "../model/analysis-result.js";
import { compareKeys } from "../model/compare-strings.js";

export type { Stability };


/**
 * How stable the proposal is: for each module, the mean Jaccard similarity between its service in
 * the proposal and its group in each alternative run (other seeds and resolutions). A module that
 * lands in shared in a run scores 0 there. Low values mark the modules a reviewer should look at.
 */
export function measureStability(services: { name: string; modules: string[] }[], alternatives: string[][][]): Stability {
  const modules: Record<string, number> = {};
  const perService: Record<string, number> = {};
  const groupsOf = alternatives.map((run) => {
    const groupOf = new Map<string, Set<string>>();
    for (const group of run) {
      const set = new Set(group);
      for (const module of group) groupOf.set(module, set);
    }
    return groupOf;
  });
  for (const service of services) {
    const own = new Set(service.modules);
    let sum = 0;
    for (const module of service.modules) {
      let similarity = 0;
      for (const groupOf of groupsOf) {
        const other = groupOf.get(module);
        if (other === undefined) continue;
        let overlap = 0;
        for (const member of other) if (own.has(member)) overlap++;
        similarity += overlap / (own.size + other.size - overlap);
      }
      const value = groupsOf.length === 0 ? 1 : round(similarity / groupsOf.length);
      modules[module] = value;
      sum += value;
    }
    perService[service.name] = round(service.modules.length === 0 ? 1 : sum / service.modules.length);
  }
  return {
    modules: Object.fromEntries(Object.entries(modules).sort(compareKeys)),
    services: perService,
    runs: alternatives.length,
  };
}
