import type { Dependencies } from "../../src/clustering/detect-shared-modules.js";
import type { ModulePair } from "../../src/signals/signal.js";
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

export function moduleIds(paths: Iterable<string>): ModuleId[] {
  return [...paths].map((module) => parseModuleId(module));
}

export function moduleSet(paths: Iterable<string>): Set<ModuleId> {
  return new Set(moduleIds(paths));
}

/** Signal pairs (or any undirected weighted module pairs) written as plain strings. */
export function modulePairs(pairs: Iterable<readonly [string, string, number]>): ModulePair[] {
  return [...pairs].map(([a, b, weight]) => [parseModuleId(a), parseModuleId(b), weight]);
}

/** Directed dependencies (from -> to -> weight) written as plain strings, as clustering takes them. */
export function dependencyMap(edges: Iterable<readonly [string, string, number]>): Dependencies {
  const dependencies: Dependencies = new Map();
  for (const [from, to, weight] of edges) {
    const targets = dependencies.get(parseModuleId(from)) ?? new Map<ModuleId, number>();
    targets.set(parseModuleId(to), weight);
    dependencies.set(parseModuleId(from), targets);
  }
  return dependencies;
}

/** A dependency map tests build by hand with plain strings, branded. */
export function brandDependencies(plain: ReadonlyMap<string, ReadonlyMap<string, number>>): Dependencies {
  return dependencyMap([...plain].flatMap(([from, targets]) => [...targets].map(([to, weight]) => [from, to, weight] as const)));
}
