import fs from "node:fs";
import path from "node:path";
import { ancestorFolders } from "./module-roles.js";
import type { Deployable } from "../model/analysis-result.js";
import { compareStrings } from "../model/compare-strings.js";
import type { ModuleId } from "../model/module-id.js";

export type { Deployable };

/** Parent folders whose children are applications by convention (Nx, Turborepo, Nest monorepos). */
const APPLICATION_PARENTS = new Set(["apps", "services", "microservices", "servers", "backends"]);

/**
 * Finds the deployables under the root: folders with an Nx `project.json`, the projects of a Nest
 * monorepo's `nest-cli.json`, and workspace packages (a `package.json` below the root). An Nx or
 * Nest project says its type; a package is an application when it has a start script or sits in
 * `apps/`, `services/` or `microservices/`, else a library. Folders holding no module are dropped.
 */
export function findDeployables(root: string, modules: readonly string[]): Deployable[] {
  const folders = new Set<string>();
  for (const module of modules) {
    for (const folder of ancestorFolders(module)) folders.add(folder);
  }
  const found = new Map<string, Deployable>();
  for (const project of nestProjects(root)) if (folders.has(project.folder)) found.set(project.folder, project);
  for (const folder of [...folders].sort()) {
    if (found.has(folder)) continue;
    const nx = readJson(path.join(root, folder, "project.json"));
    if (nx !== undefined) {
      const kind = nx.projectType === "application" ? "application" : nx.projectType === "library" ? "library" : guessKind(folder, undefined);
      found.set(folder, { folder, kind, evidence: "Nx project.json" });
      continue;
    }
    const manifest = readJson(path.join(root, folder, "package.json"));
    if (manifest !== undefined) found.set(folder, { folder, kind: guessKind(folder, manifest), evidence: "package.json" });
  }
  return [...found.values()].sort((a, b) => compareStrings(a.folder, b.folder));
}

/** The deployable each module belongs to: the deepest one whose folder holds it. */
export function deployableOf(modules: readonly ModuleId[], deployables: readonly Deployable[]): Map<ModuleId, Deployable> {
  const byDepth = [...deployables].sort((a, b) => b.folder.length - a.folder.length);
  const result = new Map<ModuleId, Deployable>();
  for (const module of modules) {
    const owner = byDepth.find((deployable) => module.startsWith(`${deployable.folder}/`));
    if (owner !== undefined) result.set(module, owner);
  }
  return result;
}

function guessKind(folder: string, manifest: Record<string, unknown> | undefined): Deployable["kind"] {
  const scripts = manifest?.scripts;
  const hasStart = typeof scripts === "object" && scripts !== null && ("start" in scripts || "start:prod" in scripts);
  const parent = folder.split("/").slice(-2, -1)[0] ?? "";
  return hasStart || APPLICATION_PARENTS.has(parent) ? "application" : "library";
}

function nestProjects(root: string): Deployable[] {
  const cli = readJson(path.join(root, "nest-cli.json"));
  const projects = cli?.projects;
  if (typeof projects !== "object" || projects === null) return [];
  const result: Deployable[] = [];
  for (const project of Object.values(projects)) {
    if (typeof project !== "object" || project === null) continue;
    const folder: unknown = Reflect.get(project, "root");
    const type: unknown = Reflect.get(project, "type");
    if (typeof folder !== "string" || folder === "" || folder === ".") continue;
    const kind = type === "application" ? "application" : "library";
    result.push({ folder: folder.replace(/\\/g, "/").replace(/\/+$/, ""), kind, evidence: "nest-cli.json" });
  }
  return result;
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : undefined;
  } catch {
    return undefined;
  }
}
