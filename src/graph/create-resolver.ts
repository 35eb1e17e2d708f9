import fs from "node:fs";
import path from "node:path";
import { builtinModules } from "node:module";
import { ResolverFactory } from "oxc-resolver";
import { UserError } from "../model/errors.js";
import { z } from "zod";

export interface ResolverSettings {
  root: string;
  /** Absolute path of the tsconfig that drives resolution, or undefined to use Node-style defaults. */
  tsconfig: string | undefined;
  /** Told when the tsconfig cannot be used as it is and resolution falls back to defaults. */
  onWarning?: (message: string) => void;
}

export type Resolution =
  | { type: "file"; path: string }
  | { type: "external"; name: string }
  | { type: "builtin"; name: string }
  | { type: "unresolved"; reason: string };

const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".d.ts", ".js", ".jsx", ".mjs", ".cjs", ".json"];
const BUILTINS = new Set(builtinModules);

/** Resolves specifiers the way the project's tsconfig does (paths, baseUrl, extends, references, exports). */
export function createResolver(settings: ResolverSettings): (fromFile: string, specifier: string) => Resolution {
  const workspaces = readWorkspacePackages(settings.root);
  let resolver = makeFactory(settings.tsconfig);
  if (settings.tsconfig !== undefined && !tsconfigLoads(resolver, settings.root)) {
    // Published sources often ship a tsconfig that extends a base left out of the package: resolve
    // with defaults rather than fail every import.
    settings.onWarning?.(`${path.relative(settings.root, settings.tsconfig) || settings.tsconfig} extends a tsconfig that does not exist: resolving with Node/TypeScript defaults instead`);
    resolver = makeFactory(undefined);
  }

  return (fromFile, specifier) => {
    const bare = bareName(specifier);
    if (specifier.startsWith("node:") || (bare !== undefined && BUILTINS.has(specifier))) {
      return { type: "builtin", name: specifier.replace(/^node:/, "") };
    }
    const result = resolver.sync(path.dirname(fromFile), specifier);
    if (result.path !== undefined && result.path !== null) {
      // Judge node_modules below the root only: a project may itself live under a node_modules path.
      const relative = path.relative(settings.root, result.path);
      if (relative.startsWith("..") || relative.split(path.sep).includes("node_modules")) return { type: "external", name: bare ?? specifier };
      return { type: "file", path: result.path };
    }
    if (bare !== undefined) {
      const workspaceDir = workspaces.get(bare);
      if (workspaceDir !== undefined) {
        // Not linked into node_modules (no install yet): resolve it as the package itself would
        // (a self-reference honours its `exports`), else its conventional source entry.
        const self = resolver.sync(path.join(workspaceDir, "package.json"), specifier);
        if (self.path) return { type: "file", path: self.path };
        const entry = resolver.sync(path.join(workspaceDir, "package.json"), `./src/index`);
        if (entry.path) return { type: "file", path: entry.path };
      }
      if (!isAliasLike(specifier)) return { type: "external", name: bare };
    }
    return { type: "unresolved", reason: result.error ?? "not found" };
  };
}

function makeFactory(tsconfig: string | undefined): ResolverFactory {
  return new ResolverFactory({
    ...(tsconfig === undefined ? {} : { tsconfig: { configFile: tsconfig, references: "auto" } }),
    extensions: EXTENSIONS,
    extensionAlias: {
      ".js": [".ts", ".tsx", ".d.ts", ".js", ".jsx"],
      ".jsx": [".tsx", ".jsx"],
      ".mjs": [".mts", ".mjs"],
      ".cjs": [".cts", ".cjs"],
    },
    conditionNames: ["source", "types", "import", "require", "node", "default"],
    mainFields: ["source", "types", "module", "main"],
    mainFiles: ["index"],
    exportsFields: [["exports"]],
    symlinks: true,
  });
}

/**
 * Probes the tsconfig: a file that does not parse is the user's to fix (DCP003, naming the file,
 * line and column); a missing `extends` target returns false so the caller falls back.
 */
function tsconfigLoads(resolver: ResolverFactory, root: string): boolean {
  const probe = resolver.sync(root, "./__decouple_probe__");
  if (probe.error?.startsWith("Tsconfig not found")) return false;
  if (probe.error?.startsWith("Failed to load tsconfig")) {
    const match = /Failed to load tsconfig "([^"]+)": \w+ \{.*?message: "([^"]+)"(?:, line: (\d+), column: (\d+))?/.exec(probe.error);
    const where = match ? `${match[1]}${match[3] ? `:${match[3]}:${match[4]}` : ""}` : "tsconfig";
    const what = match?.[2] ?? probe.error;
    throw new UserError("DCP003", `cannot read ${where}: ${what}. Fix the file or point --config's "tsconfig" at a valid one.`);
  }
  return true;
}

/** The package name of a bare specifier ("@scope/pkg/sub" -> "@scope/pkg"), undefined for relative ones. */
export function bareName(specifier: string): string | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("#")) return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** `@/x` and `~/x` are tsconfig path aliases by convention, never npm packages. */
function isAliasLike(specifier: string): boolean {
  return /^[@~]\//.test(specifier) || specifier.startsWith("#");
}

/** Workspace packages (npm/yarn `workspaces`, pnpm-workspace.yaml) by name, so imports resolve without an install. */
function readWorkspacePackages(root: string): Map<string, string> {
  const packages = new Map<string, string>();
  const patterns = readWorkspacePatterns(root);
  for (const pattern of patterns) {
    const base = pattern.replace(/\/\*\*?$/, "");
    const dirs = pattern.endsWith("*") ? listDirs(path.join(root, base)) : [path.join(root, base)];
    for (const dir of dirs) {
      const manifest = readJson(path.join(dir, "package.json"));
      if (manifest !== undefined && typeof manifest.name === "string") packages.set(manifest.name, dir);
    }
  }
  return packages;
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

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    const parsed = z.record(z.string(), z.unknown()).safeParse(value);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
