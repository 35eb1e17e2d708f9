import { parseModuleId, type ModuleId } from "../../src/model/module-id.js";
import { toPartition, type Dependency, type Partition } from "../../src/model/partition.js";
import { toServiceName, type ServiceName } from "../../src/model/service-name.js";

/** Tests write modules and services as plain strings; these brand them the way decouple's edges do. */
export function partitionOf(serviceOf: Iterable<readonly [string, string]>): Partition {
  return toPartition(serviceMap(serviceOf));
}

export function serviceMap(serviceOf: Iterable<readonly [string, string]>): Map<ModuleId, ServiceName> {
  return new Map([...serviceOf].map(([module, service]) => [parseModuleId(module), toServiceName(service)]));
}

export function dependenciesOf(list: readonly { from: string; to: string; weight: number }[]): Dependency[] {
  return list.map(({ from, to, weight }) => ({ from: parseModuleId(from), to: parseModuleId(to), weight }));
}

export function servicesNamed(...names: string[]): ServiceName[] {
  return names.map((name) => toServiceName(name));
}
