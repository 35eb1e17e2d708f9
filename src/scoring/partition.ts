/**
 * The inputs every partition metric shares: which service each module is in, and the directed,
 * weighted dependencies between modules. Modules outside the partition (shared, unassigned) are
 * simply absent from `serviceOf`; every metric skips a dependency with an end outside it.
 */

/** A decomposition of modules into services. */
export interface Partition {
  /** Service of each module in the partition. */
  serviceOf: ReadonlyMap<string, string>;
  /** Every service, sorted: K in the formulas. `toPartition` lists those with at least one module. */
  services: readonly string[];
}

/** A directed dependency `from` → `to` between two modules, with a non-negative weight. */
export interface Dependency {
  from: string;
  to: string;
  weight: number;
}

/** Builds a partition from a module → service map, services sorted. */
export function toPartition(serviceOf: ReadonlyMap<string, string>): Partition {
  return { serviceOf, services: [...new Set(serviceOf.values())].sort() };
}

/** Modules of each service, in the order of `partition.services`. */
export function membersOf(partition: Partition): Map<string, string[]> {
  const members = new Map<string, string[]>(partition.services.map((service) => [service, []]));
  for (const [module, service] of partition.serviceOf) members.get(service)?.push(module);
  return members;
}

/** The dependencies with both ends in the partition, each with the two services. */
export function* placed(partition: Partition, dependencies: Iterable<Dependency>): Generator<Dependency & { source: string; target: string }> {
  for (const dependency of dependencies) {
    const source = partition.serviceOf.get(dependency.from);
    const target = partition.serviceOf.get(dependency.to);
    if (source === undefined || target === undefined || dependency.from === dependency.to) continue;
    yield { ...dependency, source, target };
  }
}
