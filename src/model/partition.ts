import type { ModuleId } from "./module-id.js";
import type { ServiceName } from "./service-name.js";

/**
 * The inputs every partition metric shares: which service each module is in, and the directed,
 * weighted dependencies between modules. Modules outside the partition (shared, unassigned) are
 * simply absent from `serviceOf`; every metric skips a dependency with an end outside it.
 */

/** A decomposition of modules into named services. */
export interface Partition {
  /** Service of each module in the partition. */
  serviceOf: ReadonlyMap<ModuleId, ServiceName>;
  /** Every service, sorted: K in the formulas. `toPartition` lists those with at least one module. */
  services: readonly ServiceName[];
}

/** A directed dependency `from` → `to` between two modules, with a non-negative weight (a `Coupling` is one). */
export interface Dependency {
  from: ModuleId;
  to: ModuleId;
  weight: number;
}

/** Builds a partition from a module → service map, services sorted. */
export function toPartition(serviceOf: ReadonlyMap<ModuleId, ServiceName>): Partition {
  return { serviceOf, services: [...new Set(serviceOf.values())].sort() };
}

/** Modules of each service, in the order of `partition.services`. */
export function membersOf(partition: Partition): Map<ServiceName, ModuleId[]> {
  const members = new Map<ServiceName, ModuleId[]>(partition.services.map((service) => [service, []]));
  for (const [module, service] of partition.serviceOf) members.get(service)?.push(module);
  return members;
}
