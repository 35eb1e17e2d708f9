import fs from "node:fs";
import path from "node:path";
import { builtinModules } from "node:module";
import { ResolverFactory, type NapiResolveOptions } from "oxc-resolver";
import { createTsconfigLocator, type GoverningTsconfig } from "./find-governing-tsconfig.js";
import { findWorkspaceSource, isOutput, type WorkspacePackage } from "./find-workspace-source.js";
import { createTsconfigReader, type TsconfigInfo } from "./read-tsconfig.js";
import { readJson, readWorkspacePackages } from "./read-workspace-packages.js";
import { compareStrings } from "../model/compare-strings.js";

export interface ResolverSettings {
  root: string;
  /** A tsconfig that resolves every file (the config's `tsconfig`); undefined: each file's governing tsconfig. */
  tsconfig?: string | undefined;
}

export type Resolution =
  | { type: "file"; path: string }
  | { type: "external"; name: string }
  | { type: "builtin"; name: string }
  /** Resolved to a file outside the analysed folder (not a package: no node_modules on the way). */
  | { type: "outside"; path: string }
  | { type: "unresolved"; reason: string };

/** A tsconfig that could not be used as written, and why. */
export interface TsconfigProblem {
  /** Root-relative, forward slashes (`../tsconfig.json` above the root). */
  file: string;
  message: string;
}

export interface ProjectResolver {
  resolve: (fromFile: string, specifier: string) => Resolution;
  /** The tsconfig governing a file, root-relative (`included` false: the nearest, whose include does not take it), or null when none is above it. */
  tsconfigOf: (file: string) => { file: string; included: boolean } | null;
  /** Every tsconfig met so far that could not be read as written, sorted. */
  problems: () => TsconfigProblem[];
}

const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".d.ts", ".js", ".jsx", ".mjs", ".cjs", ".json"];
const BUILTINS = new Set(builtinModules);
const BASE_OPTIONS: NapiResolveOptions = {
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
};

interface Context {
  factory: ResolverFactory;
  info: TsconfigInfo | undefined;
  /** Set when the tsconfig is broken: its readable `paths`, applied by hand since oxc cannot load the file. */
  manualPaths: boolean;
}

/**
 * Resolves specifiers as each file's own tsconfig does (paths, baseUrl, extends, exports): one
 * oxc ResolverFactory per governing tsconfig (cached). Workspace
 * packages and aliases are never external packages; a tsconfig that cannot be read is reported
 * (`problems`) and its readable `paths` still apply.
 */
export function createResolver(settings: ResolverSettings): ProjectResolver {
  const root = path.resolve(settings.root);
  const display = (file: string): string => path.relative(root, file).split(path.sep).join("/") || path.basename(file);
  const read = createTsconfigReader(display);
  const locate = createTsconfigLocator(read);
  const forced = settings.tsconfig === undefined ? undefined : read(path.resolve(root, settings.tsconfig));
  const governed = new Map<string, GoverningTsconfig | undefined>();
  const governingOf = (file: string): GoverningTsconfig | undefined => {
    if (forced !== undefined) return { info: forced, included: true };
    if (!governed.has(file)) governed.set(file, locate(file));
    return governed.get(file);
  };
  const governing = (file: string): TsconfigInfo | undefined => governingOf(file)?.info;
  const base = new ResolverFactory(BASE_OPTIONS);
  const contexts = new Map<string, Context>();
  const problems = new Map<string, string>();
  const workspaces = readWorkspacePackages(root);
  const owners = new Map<string, WorkspacePackage | undefined>();
  /** The package a folder belongs to: an import of its own name (a self-reference) is resolved to source like a workspace's. */
  const ownerOf = (dir: string): WorkspacePackage | undefined => {
    if (owners.has(dir)) return owners.get(dir);
    const manifest = readJson(path.join(dir, "package.json"));
    const parent = path.dirname(dir);
    const owner =
      manifest !== undefined && typeof manifest.name === "string"
        ? { dir, manifest }
        : parent === dir || fs.existsSync(path.join(dir, ".git"))
          ? undefined
          : ownerOf(parent);
    owners.set(dir, owner);
    return owner;
  };
  const packageNamed = (name: string | undefined, fromFile: string): WorkspacePackage | undefined => {
    if (name === undefined) return undefined;
    const workspace = workspaces.get(name);
    if (workspace !== undefined) return workspace;
    const owner = ownerOf(path.dirname(fromFile));
    return owner?.manifest.name === name ? owner : undefined;
  };
  const outputs = new Map<string, { outDir: string | undefined; rootDir: string | undefined }>();
  const outputsOfPackage = (dir: string): { outDir: string | undefined; rootDir: string | undefined } => {
    let found = outputs.get(dir);
    if (found === undefined) {
      found = outputsOf(dir, read);
      outputs.set(dir, found);
    }
    return found;
  };

  const factories = new Map<string, { factory: ResolverFactory; problem: string | undefined }>();
  /** One oxc factory per tsconfig that sets paths or baseUrl (their own: clones share oxc's cache, which holds one tsconfig). */
  const factoryFor = (configFile: string, references: boolean): { factory: ResolverFactory; problem: string | undefined } => {
    let made = factories.get(configFile);
    if (made === undefined) {
      const factory = new ResolverFactory({ ...BASE_OPTIONS, tsconfig: { configFile, ...(references ? { references: "auto" as const } : {}) } });
      made = { factory, problem: probe(factory, configFile, display) };
      factories.set(configFile, made);
    }
    return made;
  };

  const contextOf = (info: TsconfigInfo | undefined): Context => {
    const key = info?.file ?? "";
    let context = contexts.get(key);
    if (context !== undefined) return context;
    context = { factory: base, info, manualPaths: false };
    if (info !== undefined) {
      let problem = info.problem;
      // A config that sets no paths or baseUrl anywhere in its chain resolves as no config does.
      const source = info === forced ? info.file : info.resolutionSource;
      if (problem === undefined && source !== undefined) {
        const made = factoryFor(source, info === forced);
        problem = made.problem;
        if (problem === undefined) context = { factory: made.factory, info, manualPaths: false };
      }
      if (problem !== undefined) {
        problems.set(display(info.file), problem);
        context = { factory: base, info, manualPaths: true };
      }
    }
    contexts.set(key, context);
    return context;
  };

  const sync = (factory: ResolverFactory, directory: string, specifier: string): string | undefined => {
    const result = factory.sync(directory, specifier);
    return typeof result.path === "string" ? result.path : undefined;
  };

  const rootPrefix = root.endsWith(path.sep) ? root : `${root}${path.sep}`;
  const rootParts = root.split(path.sep);
  const classify = (file: string, specifier: string): Resolution => {
    if (file.includes(`${path.sep}node_modules${path.sep}`) && insideNodeModules(rootParts, file)) return { type: "external", name: bareName(specifier) ?? specifier };
    return file.startsWith(rootPrefix) ? { type: "file", path: file } : { type: "outside", path: file };
  };

  const resolve = (fromFile: string, specifier: string): Resolution => {
    const bare = bareName(specifier);
    if (specifier.startsWith("node:") || (bare !== undefined && BUILTINS.has(specifier))) {
      return { type: "builtin", name: specifier.replace(/^node:/, "") };
    }
    const context = contextOf(governing(fromFile));
    const directory = path.dirname(fromFile);
    // Matching `paths` costs a loop over every pattern (hundreds in an Nx base): only where it is needed.
    const manual = context.manualPaths ? aliasOf(context.info, specifier) : undefined;
    if (manual !== undefined) {
      for (const target of manual.targets) {
        const found = sync(context.factory, directory, target);
        if (found !== undefined) return classify(found, specifier);
      }
    }
    const result = context.factory.sync(directory, specifier);
    if (typeof result.path === "string") {
      const resolution = classify(result.path, specifier);
      const pkg = packageNamed(bare, fromFile);
      // A workspace package (or the package itself) whose entry is build output: its source instead.
      if (pkg !== undefined && bare !== undefined && (resolution.type === "external" || isOutput(pkg.dir, result.path, outputsOfPackage(pkg.dir).outDir))) {
        return workspaceSource(pkg, bare, specifier, context);
      }
      return resolution;
    }
    const reason = result.error ?? "not found";
    if (bare === undefined) {
      return { type: "unresolved", reason: specifier.startsWith("#") ? `no "imports" entry of a package.json matches it (${reason})` : reason };
    }
    const pkg = packageNamed(bare, fromFile);
    if (pkg !== undefined) return workspaceSource(pkg, bare, specifier, context);
    const alias = manual ?? aliasOf(context.info, specifier);
    if (alias !== undefined) {
      return { type: "unresolved", reason: `tsconfig path alias "${alias.pattern}" of ${display(alias.tsconfig)} matches no file (tried ${alias.targets.map(display).join(", ")})` };
    }
    if (/^[@~]\//.test(specifier)) return { type: "unresolved", reason: `"${specifier.slice(0, 2)}" is an alias by convention, and no tsconfig paths entry maps it` };
    return { type: "external", name: bare };
  };

  const sources = new Map<string, Resolution>();
  /** A workspace package's file for a specifier is the same from every importer: cached. */
  const workspaceSource = (pkg: WorkspacePackage, bare: string, specifier: string, context: Context): Resolution => {
    const key = `${pkg.dir}\0${specifier}`;
    let found = sources.get(key);
    if (found === undefined) {
      found = findSource(pkg, bare, specifier, context);
      sources.set(key, found);
    }
    return found;
  };
  const findSource = (pkg: WorkspacePackage, bare: string, specifier: string, context: Context): Resolution => {
    const self = sync(context.factory, pkg.dir, specifier);
    const subpath = `.${specifier.slice(bare.length)}`;
    const found = findWorkspaceSource(pkg, subpath, (directory, request) => sync(base, directory, request), outputsOfPackage(pkg.dir));
    if ("path" in found) return classify(found.path, specifier);
    if (self !== undefined) return classify(self, specifier);
    return { type: "unresolved", reason: `workspace package ${bare} (${display(pkg.dir)}) has no file for "${subpath}": tried ${found.tried.join(", ")} and their sources (unbuilt output?)` };
  };

  return {
    resolve,
    tsconfigOf: (file) => {
      const found = governingOf(file);
      contextOf(found?.info); // loads it, so a broken tsconfig is reported even when its files import nothing
      return found === undefined ? null : { file: display(found.info.file), included: found.included };
    },
    problems: () => [...problems].map(([file, message]) => ({ file, message })).sort((a, b) => compareStrings(a.file, b.file)),
  };
}

/** Loads the tsconfig through oxc once: oxc may reject what the reader accepted (a base it cannot find). */
function probe(factory: ResolverFactory, configFile: string, display: (file: string) => string): string | undefined {
  const error = factory.sync(path.dirname(configFile), "./__decouple_probe__").error;
  if (error === undefined || !/tsconfig/i.test(error)) return undefined;
  return `${display(configFile)} cannot be loaded: ${error.replace(/\s+/g, " ").slice(0, 300)}`;
}

interface AliasMatch {
  pattern: string;
  tsconfig: string;
  /** Absolute candidate paths, in the tsconfig's order. */
  targets: string[];
}

/** The tsconfig `paths` entry a specifier matches (longest prefix wins, as in TypeScript). */
function aliasOf(info: TsconfigInfo | undefined, specifier: string): AliasMatch | undefined {
  const paths = info?.paths;
  if (info === undefined || paths === undefined) return undefined;
  let best: { pattern: string; captured: string; prefix: number } | undefined;
  for (const pattern of Object.keys(paths.patterns)) {
    const star = pattern.indexOf("*");
    if (star === -1) {
      if (pattern === specifier) return { pattern, tsconfig: info.file, targets: (paths.patterns[pattern] ?? []).map((target) => path.resolve(paths.base, target)) };
      continue;
    }
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix) && (best === undefined || prefix.length > best.prefix)) {
      best = { pattern, captured: specifier.slice(prefix.length, specifier.length - suffix.length), prefix: prefix.length };
    }
  }
  if (best === undefined) return undefined;
  const captured = best.captured;
  return { pattern: best.pattern, tsconfig: info.file, targets: (paths.patterns[best.pattern] ?? []).map((target) => path.resolve(paths.base, target.replace("*", captured))) };
}

/** A package's build output and source folders, from its own tsconfig when it has one. */
function outputsOf(dir: string, read: (file: string) => TsconfigInfo): { outDir: string | undefined; rootDir: string | undefined } {
  for (const name of ["tsconfig.lib.json", "tsconfig.build.json", "tsconfig.json"]) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) continue;
    const info = read(file);
    if (info.outDir !== undefined) return { outDir: info.outDir, rootDir: info.rootDir };
  }
  return { outDir: undefined, rootDir: undefined };
}

/** Below a node_modules folder that is not part of the root's own path (a project may live under one). */
function insideNodeModules(rootParts: string[], file: string): boolean {
  const fileParts = file.split(path.sep);
  let common = 0;
  while (common < rootParts.length && rootParts[common] === fileParts[common]) common++;
  return fileParts.slice(common).includes("node_modules");
}

/** The package name of a bare specifier ("@scope/pkg/sub" -> "@scope/pkg"), undefined for relative ones. */
export function bareName(specifier: string): string | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("#")) return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}
