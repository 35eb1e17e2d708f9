import { slugToServiceName, type ServiceName } from "../model/service-name.js";
import { ancestorFolders, isRoleFolderName, isRoleWord, lastSegment, singular, splitIdentifier } from "../signals/module-roles.js";

/** Share of a service's modules one folder must hold for the service to take the folder's name. */
const DOMINANT_SHARE = 0.8;
const NOISE = new Set(["src", "lib", "app", "apps", "packages", "libs", "source", "main", "index", "server", "modules", "features", "domain", "domains", "shared", "common", "core", "internal"]);

/**
 * A service that is mostly one feature folder or one application (`src/team-collection/`,
 * `apps/payments/`) is named after it: the name its authors gave it. The deepest folder holding
 * 80 % of the service's modules and less than half of all modules (src/ is a container, not a
 * feature) names it, its role and noise words dropped (`user-environments/` -> user-environment).
 * Where two services would earn one name that way (`user/` and `user-settings/` both "user"),
 * each takes its folder's whole name instead (user-settings). Services without one, or whose
 * name another service also earns, get undefined.
 */
export function nameByFolder(services: readonly (readonly string[])[], moduleCount: number): (ServiceName | undefined)[] {
  const folderSize = new Map<string, number>();
  for (const modules of services) for (const module of modules) for (const folder of ancestorFolders(module)) folderSize.set(folder, (folderSize.get(folder) ?? 0) + 1);
  const folders = services.map((modules) => dominantFolder(modules, moduleCount, folderSize));
  const short = folders.map((folder) => (folder === undefined ? undefined : shortName(folder)));
  const whole = folders.map((folder) => (folder === undefined ? undefined : wholeName(folder)));
  const shortCounts = countOf(short);
  const wholeCounts = countOf(whole);
  const settled = new Set(short.filter((name): name is string => name !== undefined && shortCounts.get(name) === 1));
  return short.map((name, index) => {
    if (name !== undefined && settled.has(name)) return slugToServiceName(name);
    const full = whole[index];
    return full !== undefined && wholeCounts.get(full) === 1 && !settled.has(full) ? slugToServiceName(full) : undefined;
  });
}

function countOf(names: readonly (string | undefined)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of names) if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

/** The folder's name without role and noise words, singular: `user-environments` -> user-environment. */
function shortName(folder: string): string | undefined {
  const name = splitIdentifier(lastSegment(folder)).filter((word) => !NOISE.has(word) && !isRoleWord(word)).map(singular).join("-");
  return name.length >= 2 ? name : undefined;
}

/** The folder's whole name as a slug: `user-settings` stays user-settings, `infraConfig` -> infra-config. */
function wholeName(folder: string): string | undefined {
  const name = splitIdentifier(lastSegment(folder)).join("-");
  return name.length >= 2 ? name : undefined;
}

/** The deepest folder (not a layer) holding most of the service and less than half of everything. */
function dominantFolder(modules: readonly string[], moduleCount: number, folderSize: Map<string, number>): string | undefined {
  const held = new Map<string, number>();
  for (const module of modules) for (const folder of ancestorFolders(module)) held.set(folder, (held.get(folder) ?? 0) + 1);
  const candidates = [...held]
    .filter(([folder, count]) => count >= DOMINANT_SHARE * modules.length && (folderSize.get(folder) ?? 0) < moduleCount / 2)
    .map(([folder]) => folder)
    .sort((a, b) => b.length - a.length);
  for (const folder of candidates) {
    if (isRoleFolderName(lastSegment(folder))) return undefined;
    if (shortName(folder) !== undefined) return folder;
  }
  return undefined;
}

