import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { WorkspacePackage } from "./find-workspace-source.js";

/**
 * Workspace packages (npm/yarn `workspaces`, pnpm-workspace.yaml) by name, from the nearest
 * manifest at or above the root that declares them, so imports resolve without an install.
 */
export function readWorkspacePackages(root: string): Map<string, WorkspacePackage> {
  const packages = new Map<string, WorkspacePackage>();
  for (let dir = root; ; dir = path.dirname(dir)) {
    const patterns = readWorkspacePatterns(dir);
    if (patterns.length > 0) {
      for (const pattern of patterns) {
        const base = pattern.replace(/\/\*\*?$/, "");
        const dirs = pattern.endsWith("*") ? listDirs(path.join(dir, base)) : [path.join(dir, base)];
        for (const packageDir of dirs) {
          const manifest = readJson(path.join(packageDir, "package.json"));
          if (manifest !== undefined && typeof manifest.name === "string") packages.set(manifest.name, { dir: packageDir, manifest });
        }
      }
      return packages;
    }
    if (path.dirname(dir) === dir) return packages;
  }
}

function readWorkspacePatterns(root: string): string[] {
  const manifest = readJson(path.join(root, "package.json"));
  const workspaces = manifest?.workspaces;
  if (Array.isArray(workspaces)) return workspaces.filter((w): w is string => typeof w === "string");
  if (workspaces !== null && typeof workspaces === "object" && "packages" in workspaces && Array.isArray(workspaces.packages)) {
    return workspaces.packages.filter((w: unknown): w is string => typeof w === "string");
  }
  const pnpm = path.join(root, "pnpm-workspace.yaml");
  if (fs.existsSync(pnpm)) {
    return [...fs.readFileSync(pnpm, "utf8").matchAll(/^\s*-\s*['"]?([^'"\n#]+?)['"]?\s*$/gm)].map((m) => m[1] ?? "").filter(Boolean);
  }
  return [];
}

function listDirs(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(dir, entry.name))
      .sort();
  } catch {
    return [];
  }
}

export function readJson(file: string): Record<string, unknown> | undefined {
  if (!fs.existsSync(file)) return undefined; // cheaper than the exception, for every folder asked
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    const parsed = z.record(z.string(), z.unknown()).safeParse(value);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
