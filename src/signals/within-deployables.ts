import type { Deployable } from "./find-deployables.js";
import type { ModuleId } from "../model/module-id.js";
import type { ModulePair } from "./signal.js";

/**
 * Signals read from names (file names, entity words) may not join modules of two deployables that
 * never import each other: every app of a monorepo has a `health/` folder and a `main.ts`, and two
 * services that both call something `user` are still two services. Pairs across such deployables
 * are dropped; pairs inside one, or across deployables that import each other, stay.
 */
export function dropNameLinksAcrossDeployables(
  pairs: readonly ModulePair[],
  ownerOf: ReadonlyMap<ModuleId, Deployable>,
  dependencies: ReadonlyMap<ModuleId, ReadonlyMap<ModuleId, number>>,
): ModulePair[] {
  const linked = new Set<string>();
  for (const [from, targets] of dependencies) {
    const a = ownerOf.get(from)?.folder;
    for (const to of targets.keys()) {
      const b = ownerOf.get(to)?.folder;
      if (a !== undefined && b !== undefined && a !== b) linked.add(a < b ? `${a}\n${b}` : `${b}\n${a}`);
    }
  }
  return pairs.filter(([x, y]) => {
    const a = ownerOf.get(x)?.folder;
    const b = ownerOf.get(y)?.folder;
    if (a === undefined || b === undefined || a === b) return true;
    return linked.has(a < b ? `${a}\n${b}` : `${b}\n${a}`);
  });
}
