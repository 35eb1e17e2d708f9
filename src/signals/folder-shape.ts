import { ancestorFolders, isRoleFolderName, lastSegment, readModuleRole } from "./module-roles.js";
import type { FolderShape, FolderShapeReport } from "../model/analysis-result.js";
import { compareKeys } from "../model/compare-strings.js";
import { itemAt } from "../model/must-get.js";
import type { ModuleId } from "../model/module-id.js";
import type { ModulePair } from "./signal.js";

export type { FolderShape, FolderShapeReport };

/** A majority either way decides; anything else is mixed (Unleash: old parts by role, new by feature). */
const MAJORITY = 0.5;

/**
 * Feature folders (`orders/` holding a controller, a service and an entity) are evidence to follow
 * unless coupling disagrees; role folders (`controllers/`) must never pull a layer together.
 */
export function detectFolderShape(modules: readonly string[]): FolderShapeReport {
  if (modules.length === 0) return { shape: "mixed", roleFolderShare: 0, featureFolderShare: 0 };
  const rolesBelow = new Map<string, Set<string>>();
  const sizeOf = new Map<string, number>();
  for (const module of modules) {
    const role = readModuleRole(module).role ?? "none";
    for (const folder of ancestorFolders(module)) {
      rolesBelow.set(folder, (rolesBelow.get(folder) ?? new Set<string>()).add(role));
      sizeOf.set(folder, (sizeOf.get(folder) ?? 0) + 1);
    }
  }
  const isFeature = (folder: string | undefined): boolean =>
    folder !== undefined && !isRoleFolderName(lastSegment(folder)) && (rolesBelow.get(folder)?.size ?? 0) >= 2;
  let inRoleFolder = 0;
  let inFeatureFolder = 0;
  for (const module of modules) {
    // The first folder below the containers (src/, apps/api/src/: each holds half the code or
    // more) decides: `controllers/` is a layer; `orders/` holding two roles or more is a feature.
    // A `guards/` folder inside `auth/` is part of the feature. A role folder whose module sits in
    // a feature folder of its own (NestJS `services/market-data/` holding a module, a service
    // and interfaces) is a container of features, not a layer.
    const folders = ancestorFolders(module);
    for (const [index, path] of folders.entries()) {
      if ((sizeOf.get(path) ?? 0) >= modules.length / 2) continue;
      if (isRoleFolderName(lastSegment(path))) {
        if (isFeature(folders[index + 1])) inFeatureFolder++;
        else inRoleFolder++;
      } else if (isFeature(path)) inFeatureFolder++;
      break;
    }
  }
  const roleFolderShare = inRoleFolder / modules.length;
  const featureFolderShare = inFeatureFolder / modules.length;
  const shape: FolderShape = roleFolderShare > MAJORITY ? "role" : featureFolderShare > MAJORITY ? "domain" : "mixed";
  return { shape, roleFolderShare, featureFolderShare };
}

/** A folder holding more modules than this is an app or a package, not a feature: its pairs would cost more than they say. */
const MAX_FOLDER_MEMBERS = 200;

/**
 * Feature folders are evidence: modules in one folder that is not named after a role (and not a
 * container such as src/ holding half the code) are coupled, 1 / (members - 1) per pair like a
 * barrel, at every level (orders/ and orders/refunds/). A role folder (`controllers/`) adds
 * nothing, so in a codebase laid out by layers this signal is silent by construction.
 */
export function folderCoupling(modules: readonly ModuleId[]): ModulePair[] {
  const membersOf = new Map<string, ModuleId[]>();
  for (const module of modules) {
    for (const path of ancestorFolders(module)) {
      const members = membersOf.get(path);
      if (members === undefined) membersOf.set(path, [module]);
      else members.push(module);
    }
  }
  const weights = new Map<ModuleId, Map<ModuleId, number>>();
  for (const [folder, members] of membersOf) {
    if (members.length < 2 || members.length > MAX_FOLDER_MEMBERS || members.length >= modules.length / 2) continue;
    if (isRoleFolderName(lastSegment(folder))) continue;
    const weight = 1 / (members.length - 1);
    const sorted = [...members].sort();
    for (let i = 0; i < sorted.length; i++) {
      const a = itemAt(sorted, i);
      const row = weights.get(a) ?? new Map<ModuleId, number>();
      for (let j = i + 1; j < sorted.length; j++) {
        const b = itemAt(sorted, j);
        row.set(b, (row.get(b) ?? 0) + weight);
      }
      weights.set(a, row);
    }
  }
  const pairs: ModulePair[] = [];
  for (const [a, row] of [...weights].sort(compareKeys)) {
    for (const [b, weight] of [...row].sort(compareKeys)) pairs.push([a, b, weight]);
  }
  return pairs;
}
