import { type Dependency, type Partition } from "../model/partition.js";
import { placed } from "./partition.js";

export interface Instability {
  /** Afferent coupling Ca: modules of other services that depend on a module of this one. */
  afferent: number;
  /** Efferent coupling Ce: modules of this service that depend on a module of another one. */
  efferent: number;
  /** Ce / (Ca + Ce), range [0, 1]: 0 is stable (only depended on); null when Ca + Ce = 0. */
  instability: number | null;
}

/**
 * Instability of each service, with services as Martin's categories and modules as his classes:
 *
 *   I = Ce / (Ca + Ce)
 *
 * Ca counts the modules outside the service that depend on modules inside it, Ce the modules
 * inside that depend on modules outside. Only modules of other services count as outside (shared
 * modules are left out). Neither end is better in itself: Martin's Stable Dependencies Principle
 * asks that dependencies point towards lower I.
 * Source: R. C. Martin, "OO Design Quality Metrics: An Analysis of Dependencies", 1994; "Agile
 * Software Development: Principles, Patterns, and Practices", Prentice Hall, 2002, ch. 20.
 */
export function computeInstability(partition: Partition, dependencies: Iterable<Dependency>): Map<string, Instability> {
  const afferent = new Map<string, Set<string>>();
  const efferent = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, service: string, module: string): void => {
    const set = map.get(service) ?? new Set<string>();
    set.add(module);
    map.set(service, set);
  };
  for (const { from, source, target } of placed(partition, dependencies)) {
    if (source === target) continue;
    add(afferent, target, from);
    add(efferent, source, from);
  }
  return new Map(
    partition.services.map((service) => {
      const ca = afferent.get(service)?.size ?? 0;
      const ce = efferent.get(service)?.size ?? 0;
      return [service, { afferent: ca, efferent: ce, instability: ca + ce === 0 ? null : ce / (ca + ce) }];
    }),
  );
}
