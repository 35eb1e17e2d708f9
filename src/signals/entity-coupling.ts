import type { ModuleGraph } from "../model/module-graph.js";
import { readModuleRole, type ModuleRole } from "./module-roles.js";
import type { ModuleId } from "../model/module-id.js";
import type { ModulePair } from "./signal.js";
import { compareKeys } from "../model/compare-strings.js";
import { itemAt } from "../model/must-get.js";

/** An entity on more modules than this names a whole app (`user` in an app about users), not a domain. */
const MAX_MODULES_PER_ENTITY = 200;

/**
 * The entity each module is about: the longest run of its domain words that names an entity of the
 * codebase (a model, an entity, a schema). `groupMemberships.ts` is about the GroupMembership
 * model, not the Group model; `DocumentPublishedProcessor.ts` is about Document. Modules naming no
 * entity are left out.
 */
export function entityOfModules(roles: ReadonlyMap<ModuleId, ModuleRole>): Map<ModuleId, string> {
  const entities = new Set<string>();
  for (const { role, domain } of roles.values()) if (role === "entity" && domain.length > 0) entities.add(domain.join(" "));
  const entityOf = new Map<ModuleId, string>();
  for (const [module, { domain }] of roles) {
    let best = "";
    for (let start = 0; start < domain.length; start++) {
      for (let end = domain.length; end > start; end--) {
        const candidate = domain.slice(start, end).join(" ");
        if (entities.has(candidate) && end - start > best.split(" ").filter(Boolean).length) best = candidate;
      }
    }
    if (best !== "") entityOf.set(module, best);
  }
  return entityOf;
}

/** Each module's role and domain words, from its path and exported names. */
export function readGraphRoles(graph: Pick<ModuleGraph, "modules">): Map<ModuleId, ModuleRole> {
  return new Map<ModuleId, ModuleRole>(graph.modules.map((module) => [module.id, readModuleRole(module.id, module.exports)]));
}

/**
 * Layers of one domain name the same entity: `routes/api/documents.ts`, `presenters/document.ts`,
 * `policies/document.ts` and `models/Document.ts`. Modules in different roles about one entity
 * are coupled, each pair by the entity's inverse document frequency. Pairs within one role are
 * left out: two presenters of one entity are two views of it, and what holds a layer together is
 * what a service must not be cut along.
 */
export function entityCoupling(
  roles: ReadonlyMap<ModuleId, ModuleRole>,
  graph: { edges: readonly { from: ModuleId; to: ModuleId; symbols: readonly { declaredIn: ModuleId }[] }[] },
): ModulePair[] {
  const entityOf = entityOfModules(roles);
  const neighbours = new Map<ModuleId, Set<ModuleId>>();
  const link = (a: ModuleId, b: ModuleId): void => {
    if (a === b) return;
    neighbours.set(a, (neighbours.get(a) ?? new Set<ModuleId>()).add(b));
    neighbours.set(b, (neighbours.get(b) ?? new Set<ModuleId>()).add(a));
  };
  for (const edge of graph.edges) {
    link(edge.from, edge.to);
    for (const symbol of edge.symbols) link(edge.from, symbol.declaredIn);
  }
  // A name is believed once the code agrees: a module whose imports never touch its own entity
  // (an order controller that now only calls invoices) is about something else, whatever it is called.
  const agrees = (module: ModuleId, entity: string): boolean => [...(neighbours.get(module) ?? [])].some((other) => entityOf.get(other) === entity);
  const modulesByEntity = new Map<string, ModuleId[]>();
  for (const [module, entity] of entityOf) {
    if (agrees(module, entity)) modulesByEntity.set(entity, [...(modulesByEntity.get(entity) ?? []), module]);
  }
  const pairs: ModulePair[] = [];
  for (const [, members] of [...modulesByEntity].sort(compareKeys)) {
    if (members.length < 2 || members.length > MAX_MODULES_PER_ENTITY) continue;
    const weight = 1 / (members.length - 1);
    if (weight <= 0) continue;
    const sorted = [...members].sort();
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const a = itemAt(sorted, i);
        const b = itemAt(sorted, j);
        if (roles.get(a)?.role !== roles.get(b)?.role) pairs.push([a, b, weight]);
      }
    }
  }
  return pairs;
}
