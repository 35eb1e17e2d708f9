import { folderOf, type ModuleRole } from "./module-roles.js";
import type { ModuleId } from "../model/module-id.js";

/** Roles that declare a feature or are its API: a NestJS `*.module.ts`, a controller, a resolver. */
const DECLARING_ROLES = new Set(["module", "controller", "resolver"]);

/**
 * A feature's own declaration and API handlers (`orders/orders.module.ts`,
 * `orders/orders.controller.ts` beside `orders/orders.service.ts`) belong to that feature. They
 * import many features (a module's `imports: [...]`, a controller calling several services) and
 * are imported by the composition root, which made them look like composition roots or shared
 * infrastructure; a sibling holding logic (a service, an entity, a DTO) says whose they are.
 */
export function findFeatureDeclarations(roles: ReadonlyMap<ModuleId, ModuleRole>): Set<ModuleId> {
  // A folder holding the feature's own logic (a service, an entity, a DTO) beside its module or
  // controller; a root module beside main.ts and a controllers/ layer hold none.
  const foldersWithLogic = new Set<string>();
  for (const [module, { role }] of roles) {
    if (role !== undefined && !DECLARING_ROLES.has(role)) foldersWithLogic.add(folderOf(module));
  }
  const declarations = new Set<ModuleId>();
  for (const [module, { role }] of roles) {
    if (role !== undefined && DECLARING_ROLES.has(role) && foldersWithLogic.has(folderOf(module))) declarations.add(module);
  }
  return declarations;
}
