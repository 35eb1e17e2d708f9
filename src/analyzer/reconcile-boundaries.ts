import { SHARED, type Boundaries } from "../model/boundaries.js";
import type { BoundaryChanges } from "../model/analysis-result.js";
import { compareKeys, compareStrings } from "../model/compare-strings.js";
import { toServiceName, type ServiceName } from "../model/service-name.js";
import type { ModuleId } from "../model/module-id.js";

export type { BoundaryChanges };


/** Module -> the service (or "shared") it is in. */
export function assignmentOf(boundaries: Boundaries): Map<ModuleId, ServiceName> {
  const result = new Map<ModuleId, ServiceName>();
  for (const service of boundaries.services) for (const module of service.modules) result.set(module, service.name);
  for (const module of boundaries.shared.modules) result.set(module, SHARED);
  return result;
}

/** Modules a person pinned, by the service they pinned them to. */
export function pinsOf(boundaries: Boundaries | undefined): Map<ModuleId, ServiceName> {
  const pins = new Map<ModuleId, ServiceName>();
  for (const service of boundaries?.services ?? []) for (const module of service.pinned) pins.set(module, service.name);
  return pins;
}

/**
 * Gives the new services the names a person chose before: a service holding a pinned group takes
 * that group's name, the rest are matched to old services by overlap (Jaccard, best pairs first).
 * Unmatched services keep their proposed names, made unique against the kept ones.
 */
export function reconcileNames(
  services: ModuleId[][],
  proposed: ServiceName[],
  previous: Boundaries | undefined,
  pins: ReadonlyMap<ModuleId, ServiceName>,
): ServiceName[] {
  if (previous === undefined) return proposed;
  const names: (ServiceName | undefined)[] = services.map(() => undefined);
  const used = new Set<ServiceName>();
  services.forEach((modules, index) => {
    const pinnedName = modules.map((module) => pins.get(module)).find((name) => name !== undefined);
    if (pinnedName !== undefined && !used.has(pinnedName)) {
      names[index] = pinnedName;
      used.add(pinnedName);
    }
  });
  const pairs: { index: number; name: ServiceName; score: number }[] = [];
  services.forEach((modules, index) => {
    const set = new Set(modules);
    for (const old of previous.services) {
      const overlap = old.modules.filter((module) => set.has(module)).length;
      if (overlap === 0) continue;
      pairs.push({ index, name: old.name, score: overlap / (set.size + old.modules.length - overlap) });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.index - b.index || compareStrings(a.name, b.name));
  for (const pair of pairs) {
    if (names[pair.index] !== undefined || used.has(pair.name)) continue;
    names[pair.index] = pair.name;
    used.add(pair.name);
  }
  return names.map((name, index) => {
    if (name !== undefined) return name;
    const base = proposed[index] ?? toServiceName("service");
    let candidate = base;
    for (let suffix = 2; used.has(candidate); suffix++) candidate = toServiceName(`${base}-${suffix}`);
    used.add(candidate);
    return candidate;
  });
}

export function describeChanges(previous: Boundaries, next: Boundaries): BoundaryChanges {
  const before = assignmentOf(previous);
  const after = assignmentOf(next);
  const oldNames = new Set(previous.services.map((service) => service.name));
  const newNames = new Set(next.services.map((service) => service.name));
  const moved: BoundaryChanges["moved"] = [];
  for (const [module, to] of [...after].sort(compareKeys)) {
    const from = before.get(module);
    if (from !== undefined && from !== to) moved.push({ module, from, to });
  }
  return {
    kept: [...newNames].filter((name) => oldNames.has(name)).sort(),
    added: [...newNames].filter((name) => !oldNames.has(name)).sort(),
    removed: [...oldNames].filter((name) => !newNames.has(name)).sort(),
    moved,
  };
}
