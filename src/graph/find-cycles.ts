import { itemAt, mustGet } from "../model/must-get.js";
import { compareStrings } from "../model/compare-strings.js";
/**
 * Strongly connected components with more than one member (Tarjan's algorithm, iterative so
 * long import chains cannot overflow the stack). Each cycle's members are sorted; cycles are sorted.
 */
export function findCycles<T extends string>(nodes: T[], successors: Map<T, T[]>): T[][] {
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const onStack = new Set<T>();
  const stack: T[] = [];
  const cycles: T[][] = [];
  let counter = 0;

  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: T; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = itemAt(work, work.length - 1);
      const targets = successors.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = itemAt(targets, frame.next++);
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(mustGet(low, frame.node), mustGet(index, target)));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.node, Math.min(mustGet(low, parent.node), mustGet(low, frame.node)));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: T[] = [];
        let member: T | undefined;
        do {
          member = itemAt(stack.splice(-1), 0);
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1) cycles.push(component.sort());
      }
    }
  }
  return cycles.sort((a, b) => compareStrings(a[0] ?? "", b[0] ?? ""));
}
