import type { Dependency, Partition } from "../model/partition.js";
import type { ServiceName } from "../model/service-name.js";

/** The dependencies with both ends in the partition, each with the two services. */
export function* placed(partition: Partition, dependencies: Iterable<Dependency>): Generator<Dependency & { source: ServiceName; target: ServiceName }> {
  for (const dependency of dependencies) {
    const source = partition.serviceOf.get(dependency.from);
    const target = partition.serviceOf.get(dependency.to);
    if (source === undefined || target === undefined || dependency.from === dependency.to) continue;
    yield { ...dependency, source, target };
  }
}
