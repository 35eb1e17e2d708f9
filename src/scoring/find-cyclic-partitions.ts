import { type Dependency, type Partition } from "../model/partition.js";
import { placed } from "./partition.js";
import { compareStrings } from "../model/compare-strings.js";
import type { ServiceName } from "../model/service-name.js";

export interface CyclicPartitionsResult {
  /** Services in a dependency cycle with at least one other service; lower is better. */
  value: number;
  /** The cycles: strongly connected groups of two or more services, each sorted. */
  cycles: ServiceName[][];
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
  const successors = new Map<ServiceName, Set<ServiceName>>();
  for (const { source, target } of placed(partition, dependencies)) {
    if (source === target) continue;
    const set = successors.get(source) ?? new Set<ServiceName>();
    set.add(target);
    successors.set(source, set);
  }
  const cycles = stronglyConnected([...partition.services].sort(), successors).filter((component) => component.length > 1);
  return { value: cycles.reduce((sum, cycle) => sum + cycle.length, 0), cycles };
}

/**
 * Tarjan's strongly connected components, each sorted, sorted by first member. Recursive: there are
 * few services. (The analyzer has an iterative copy for module graphs; scoring does not depend on
 * the analyzer at runtime, since the analyzer depends on scoring.)
 */
function stronglyConnected<T extends string>(nodes: T[], successors: Map<T, Set<T>>): T[][] {
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const stack: T[] = [];
  const onStack = new Set<T>();
  const components: T[][] = [];
  const visit = (node: T): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const next of [...(successors.get(node) ?? [])].sort()) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: T[] = [];
    let member: T | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    components.push(component.sort());
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return components.sort((a, b) => compareStrings(a[0] ?? "", b[0] ?? ""));
}
