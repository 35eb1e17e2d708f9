import { findCycles } from "../analyzer/find-cycles.js";
import { placed, type Dependency, type Partition } from "./partition.js";

export interface CyclicPartitionsResult {
  /** Services in a dependency cycle with at least one other service; lower is better. */
  value: number;
  /** The cycles: strongly connected groups of two or more services, each sorted. */
  cycles: string[][];
}

/**
 * Cyclic dependent partitions: how many services sit in a dependency cycle with another service
 * (the members of the strongly connected components of more than one service in the service
 * dependency graph). Such services cannot be deployed or extracted one at a time. Callers pass
 * runtime dependencies only, like the `no-service-cycle` rule. Range [0, K]; lower is better.
 * Source: the Acyclic Dependencies Principle (R. C. Martin, "Agile Software Development:
 * Principles, Patterns, and Practices", 2002, ch. 20), applied to services; the count itself is
 * decouple's (issue 4), not a published formula.
 */
export function findCyclicPartitions(partition: Partition, dependencies: Iterable<Dependency>): CyclicPartitionsResult {
  const successors = new Map<string, Set<string>>();
  for (const { source, target } of placed(partition, dependencies)) {
    if (source === target) continue;
    const set = successors.get(source) ?? new Set<string>();
    set.add(target);
    successors.set(source, set);
  }
  const sorted = new Map([...successors].map(([service, targets]) => [service, [...targets].sort()]));
  const cycles = findCycles([...partition.services], sorted);
  return { value: cycles.reduce((sum, cycle) => sum + cycle.length, 0), cycles };
}
