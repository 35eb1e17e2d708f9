import type { ModuleGraph } from "../model/module-graph.js";
import type { ModuleId } from "../model/module-id.js";
import type { ModulePair } from "./signal.js";
import { pairKey, splitPairKey, type PairKey } from "../model/pair-key.js";
import { readModuleRole } from "./module-roles.js";
import { compareKeys } from "../model/compare-strings.js";

/**
 * A barrel of one layer (models/index.ts re-exporting every domain's model, presenters/index.ts)
 * publishes a layer, not a package: most members share one role and they name several domains.
 */
export function isLayerBarrel(members: readonly string[]): boolean {
  const roles = new Map<string, number>();
  const domains = new Set<string>();
  for (const member of members) {
    const { role, domain } = readModuleRole(member);
    if (role !== undefined) roles.set(role, (roles.get(role) ?? 0) + 1);
    if (domain[0] !== undefined) domains.add(domain[0]);
  }
  const top = Math.max(0, ...roles.values());
  return top >= members.length / 2 && domains.size >= 3;
}

/**
 * A barrel re-exporting more modules than this is a whole library's surface (rxjs 166, effect 143,
 * viem 295 and 754): it says nothing about how to split it, at a quadratic cost. The eight @effect
 * packages' barrels have 11-60 members.
 */
export const MAX_BARREL_MEMBERS = 100;

/**
 * Modules one barrel re-exports are published together: in a codebase of packages, each package's
 * index.ts is its public surface, and the package is the best guess at a service. decouple sees
 * through barrels when it weighs imports (a named import counts against the declaring module), so
 * without this signal that grouping is lost: on eight merged @effect packages plain Louvain, which
 * keeps the barrels' edges, scored 0.775 NMI and fell to 0.655 without them.
 *
 * Each barrel is weighed like a commit: 1 / (members - 1) per pair, so every member gets about one
 * unit from it, however large it is. A barrel of one layer (models/index.ts re-exporting every
 * domain's model) pulls across domains; at weight 1 the imports outweigh it on legacy-shop, at 2
 * they no longer do.
 */
export function barrelMembership(graph: Pick<ModuleGraph, "edges">, maxMembers = MAX_BARREL_MEMBERS): ModulePair[] {
  const membersOf = new Map<ModuleId, Set<ModuleId>>();
  for (const edge of graph.edges) {
    if (edge.kind !== "re-export" || edge.from === edge.to) continue;
    const members = membersOf.get(edge.from) ?? new Set<ModuleId>();
    members.add(edge.to);
    membersOf.set(edge.from, members);
  }
  const weights = new Map<PairKey<ModuleId, ModuleId>, number>();
  for (const members of membersOf.values()) {
    if (members.size < 2 || members.size > maxMembers) continue;
    if (isLayerBarrel([...members])) continue;
    const sorted = [...members].sort();
    const weight = 1 / (sorted.length - 1);
    for (const [i, a] of sorted.entries()) {
      for (const b of sorted.slice(i + 1)) {
        const key = pairKey(a, b);
        weights.set(key, (weights.get(key) ?? 0) + weight);
      }
    }
  }
  return [...weights]
    .sort(compareKeys)
    .map(([key, weight]) => {
      const [a, b] = splitPairKey(key);
      return [a, b, weight];
    });
}
