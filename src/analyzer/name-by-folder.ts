import { slugToServiceName, type ServiceName } from "../model/service-name.js";
import { ancestorFolders, isRoleFolderName, isRoleWord, singular, splitIdentifier } from "../signals/module-roles.js";

/** Share of a service's modules one folder must hold for the service to take the folder's name. */
const DOMINANT_SHARE = 0.8;
const NOISE = new Set(["src", "lib", "app", "apps", "packages", "libs", "source", "main", "index", "server", "modules", "features", "domain", "domains", "shared", "common", "core", "internal"]);

/**
 * A service that is mostly one feature folder or one application (`src/team-collection/`,
 * `apps/payments/`) is named after it: the name its authors gave it. The deepest folder holding
 * 80 % of the service's modules and less than half of all modules (src/ is a container, not a
 * feature) names it, its role and noise words dropped (`user-environments/` -> user-environment).
 * Services without one, or whose folder name another service also earns, get undefined.
 */
export function nameByFolder(services: readonly (readonly string[])[], moduleCount: number): (ServiceName | undefined)[] {
  const folderSize = new Map<string, number>();
  for (const modules of services) for (const module of modules) for (const folder of ancestorFolders(module)) folderSize.set(folder, (folderSize.get(folder) ?? 0) + 1);
  const names = services.map((modules) => dominantFolderName(modules, moduleCount, folderSize));
  const counts = new Map<string, number>();
  for (const name of names) if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  return names.map((name) => (name !== undefined && counts.get(name) === 1 ? slugToServiceName(name) : undefined));
}

function dominantFolderName(modules: readonly string[], moduleCount: number, folderSize: Map<string, number>): string | undefined {
  const held = new Map<string, number>();
  for (const module of modules) for (const folder of ancestorFolders(module)) held.set(folder, (held.get(folder) ?? 0) + 1);
  const candidates = [...held]
    .filter(([folder, count]) => count >= DOMINANT_SHARE * modules.length && (folderSize.get(folder) ?? 0) < moduleCount / 2)
    .map(([folder]) => folder)
    .sort((a, b) => b.length - a.length);
  for (const folder of candidates) {
    const last = folder.slice(folder.lastIndexOf("/") + 1);
    if (isRoleFolderName(last)) return undefined;
    const name = splitIdentifier(last).filter((word) => !NOISE.has(word) && !isRoleWord(word)).map(singular).join("-");
    if (name.length >= 2) return name;
  }
  return undefined;
}

