import fs from "node:fs";
import path from "node:path";

/** A workspace package: its folder and manifest. */
export interface WorkspacePackage {
  dir: string;
  manifest: Record<string, unknown>;
}

/** Resolves a path or specifier from a folder to a file (the project's oxc resolver), or undefined. */
export type ResolveFrom = (directory: string, specifier: string) => string | undefined;

/** Build output folders and the source folder they are usually built from, when the package's tsconfig does not say. */
const CONVENTIONAL_OUTPUT = ["dist", "build", "lib", "out", "esm", "cjs"];
const OUTPUT_EXTENSION = /(\.d)?\.(m|c)?(js|ts)x?(\.map)?$/;

/**
 * The source file behind an import of a workspace package whose entry points at build output
 * that may not exist yet (`main: "dist/index.js"` before a build): the entries its manifest
 * names (`exports` conditions, `source`, `types`, `module`, `main`), each tried as written and
 * mapped from the output folder back to the source folder (its tsconfig's outDir -> rootDir, else
 * dist/build/lib -> src), then `src/index`. Returns the file, or what was tried.
 */
export function findWorkspaceSource(
  pkg: WorkspacePackage,
  subpath: string,
  resolveFrom: ResolveFrom,
  outputs: { outDir: string | undefined; rootDir: string | undefined },
): { path: string } | { tried: string[] } {
  const entries = entriesOf(pkg.manifest, subpath);
  const tried: string[] = [];
  let built: string | undefined;
  for (const entry of entries) {
    const target = path.resolve(pkg.dir, entry);
    const direct = resolveFrom(pkg.dir, `./${path.relative(pkg.dir, target).split(path.sep).join("/")}`);
    if (direct !== undefined && !isOutput(pkg.dir, direct, outputs.outDir)) return { path: direct };
    const source = toSource(pkg.dir, target, outputs, resolveFrom);
    if (source !== undefined) return { path: source };
    built ??= direct;
    tried.push(entry);
  }
  if (subpath === ".") {
    const fallback = resolveFrom(pkg.dir, "./src/index");
    if (fallback !== undefined) return { path: fallback };
    tried.push("src/index");
  }
  // Only build output exists: it is the package (a file outside the graph, so no edge), not an error.
  return built !== undefined ? { path: built } : { tried };
}

/** The entry paths a manifest gives for "." or "./sub", most source-like first. */
function entriesOf(manifest: Record<string, unknown>, subpath: string): string[] {
  const found: string[] = [];
  const exportsField = manifest.exports;
  if (exportsField !== undefined && exportsField !== null) {
    const target = typeof exportsField === "string" || Array.isArray(exportsField) || !hasSubpathKeys(exportsField) ? (subpath === "." ? exportsField : undefined) : subpathTarget(exportsField, subpath);
    collectStrings(target, found);
  } else if (subpath === ".") {
    for (const field of ["source", "types", "typings", "module", "main"]) {
      const value = manifest[field];
      if (typeof value === "string") found.push(value);
    }
  } else {
    found.push(subpath);
  }
  return [...new Set(found)].sort((a, b) => sourceRank(a) - sourceRank(b));
}

function hasSubpathKeys(value: unknown): boolean {
  return value !== null && typeof value === "object" && Object.keys(value).some((key) => key.startsWith("."));
}

function subpathTarget(exportsField: object, subpath: string): unknown {
  const map = new Map(Object.entries(exportsField));
  if (map.has(subpath)) return map.get(subpath);
  for (const [key, value] of map) {
    const star = key.indexOf("*");
    if (star === -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= prefix.length + suffix.length) {
      const middle = subpath.slice(prefix.length, subpath.length - suffix.length);
      const filled: string[] = [];
      collectStrings(value, filled);
      return filled.map((entry) => entry.replaceAll("*", middle));
    }
  }
  return undefined;
}

function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value !== null && typeof value === "object") for (const item of Object.values(value)) collectStrings(item, into);
}

/** Source files first, declarations next, built JavaScript last. */
function sourceRank(entry: string): number {
  if (/\.(m|c)?tsx?$/.test(entry) && !/\.d\.(m|c)?ts$/.test(entry)) return 0;
  if (/\.d\.(m|c)?ts$/.test(entry)) return 1;
  return 2;
}

/** Whether a file of a package is build output (a declaration, or below its outDir or a dist-like folder). */
export function isOutput(dir: string, file: string, outDir: string | undefined): boolean {
  if (/\.d\.[mc]?ts$/.test(file)) return true;
  if (/\.[mc]?tsx?$/.test(file)) return false;
  const relative = path.relative(dir, file).split(path.sep);
  return (outDir !== undefined && !path.relative(outDir, file).startsWith("..")) || CONVENTIONAL_OUTPUT.includes(relative[0] ?? "");
}

function toSource(
  dir: string,
  target: string,
  outputs: { outDir: string | undefined; rootDir: string | undefined },
  resolveFrom: ResolveFrom,
): string | undefined {
  const pairs: [string, string][] = [];
  if (outputs.outDir !== undefined) pairs.push([outputs.outDir, outputs.rootDir ?? path.join(dir, "src")]);
  for (const name of CONVENTIONAL_OUTPUT) pairs.push([path.join(dir, name), path.join(dir, "src")], [path.join(dir, name), dir]);
  for (const [outDir, rootDir] of pairs) {
    const relative = path.relative(outDir, target);
    if (relative.startsWith("..") || path.isAbsolute(relative)) continue;
    const stem = relative.replace(OUTPUT_EXTENSION, "").split(path.sep).join("/");
    if (!fs.existsSync(rootDir)) continue;
    const source = resolveFrom(rootDir, stem === "" ? "." : `./${stem}`);
    if (source !== undefined && !/\.d\.[mc]?ts$/.test(source)) return source;
  }
  return undefined;
}
