import fs from "node:fs";
import path from "node:path";
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import { z } from "zod";

/** File globs of a tsconfig, with the folder they are relative to (the config that wrote them). */
export interface TsconfigGlobs {
  base: string;
  patterns: string[];
}

/** What decouple needs of one tsconfig (or jsconfig) once its `extends` chain is read. */
export interface TsconfigInfo {
  /** Absolute path. */
  file: string;
  /** `files`, `include` and `exclude` after inheritance; undefined where neither the file nor a base sets them. */
  files: TsconfigGlobs | undefined;
  include: TsconfigGlobs | undefined;
  exclude: TsconfigGlobs | undefined;
  /** Absolute paths of the referenced tsconfig files (`references` is never inherited). */
  references: string[];
  /** `compilerOptions.paths`, with the folder their targets are relative to (baseUrl, else the config that set them). */
  paths: { base: string; patterns: Record<string, string[]> } | undefined;
  /** Absolute `compilerOptions.baseUrl`, set here or inherited. */
  baseUrl: string | undefined;
  /**
   * The config of the chain that last set `paths` or `baseUrl`, all oxc-resolver takes from a
   * tsconfig: configs that share it resolve alike and can share one resolver. Undefined: none did.
   */
  resolutionSource: string | undefined;
  outDir: string | undefined;
  rootDir: string | undefined;
  /**
   * Why the file cannot be used as written: unreadable, not JSON, an `extends` that loops or
   * names a missing file. What could be read (its own `paths`) is still filled in.
   */
  problem: string | undefined;
}

/** The keys decouple reads; each is checked where it is used, and compilerOptions that is no object is ignored as TypeScript does. */
const rawConfigSchema = z.looseObject({
  extends: z.unknown().optional(),
  files: z.unknown().optional(),
  include: z.unknown().optional(),
  exclude: z.unknown().optional(),
  references: z.unknown().optional(),
  compilerOptions: z.record(z.string(), z.unknown()).optional().catch(undefined),
});
type RawConfig = z.infer<typeof rawConfigSchema>;

/**
 * Reads tsconfigs as TypeScript does (JSONC, `extends` as a path, a package or a list), caching
 * each file. `display` turns an absolute path into the name shown in messages.
 */
export function createTsconfigReader(display: (file: string) => string): (file: string) => TsconfigInfo {
  const cache = new Map<string, TsconfigInfo>();
  const read = (file: string, stack: string[]): TsconfigInfo => {
    const cached = cache.get(file);
    if (cached !== undefined) return cached;
    const info = readUncached(file, stack, read, display);
    cache.set(file, info);
    return info;
  };
  return (file) => read(path.resolve(file), []);
}

function readUncached(
  file: string,
  stack: string[],
  read: (file: string, stack: string[]) => TsconfigInfo,
  display: (file: string) => string,
): TsconfigInfo {
  const dir = path.dirname(file);
  const { raw, problem: readProblem } = readJsonc(file, display);
  const own = ownParts(raw, dir);
  let inherited: Omit<TsconfigInfo, "file" | "references" | "problem"> = {
    files: undefined,
    include: undefined,
    exclude: undefined,
    paths: undefined,
    baseUrl: undefined,
    resolutionSource: undefined,
    outDir: undefined,
    rootDir: undefined,
  };
  let problem = readProblem;
  const chain = [...stack, file];
  for (const spec of extendsList(raw.extends)) {
    const base = resolveExtends(spec, dir);
    if (base === undefined) {
      problem ??= `${display(file)} extends "${spec}", which does not exist`;
      continue;
    }
    if (chain.includes(base)) {
      problem ??= `the "extends" of ${display(base)} loops: ${[...chain.slice(chain.indexOf(base)), base].map(display).join(" -> ")}`;
      continue;
    }
    const parent = read(base, chain);
    if (parent.problem !== undefined) problem ??= parent.problem;
    // Later entries of an `extends` list win, as in TypeScript.
    inherited = {
      files: parent.files ?? inherited.files,
      include: parent.include ?? inherited.include,
      exclude: parent.exclude ?? inherited.exclude,
      paths: parent.paths ?? inherited.paths,
      baseUrl: parent.baseUrl ?? inherited.baseUrl,
      // Two bases each bringing paths or baseUrl merge here: then this file is the source.
      resolutionSource:
        parent.resolutionSource !== undefined && inherited.resolutionSource !== undefined && parent.resolutionSource !== inherited.resolutionSource
          ? file
          : (parent.resolutionSource ?? inherited.resolutionSource),
      outDir: parent.outDir ?? inherited.outDir,
      rootDir: parent.rootDir ?? inherited.rootDir,
    };
  }
  const options = raw.compilerOptions ?? {};
  const baseUrl = typeof options.baseUrl === "string" ? path.resolve(dir, options.baseUrl) : inherited.baseUrl;
  const ownPaths = isStringListRecord(options.paths) ? options.paths : undefined;
  // Paths are relative to baseUrl when one is set anywhere in the chain, else to the config that wrote them.
  const paths = ownPaths !== undefined ? { base: baseUrl ?? dir, patterns: ownPaths } : inherited.paths && baseUrl ? { ...inherited.paths, base: baseUrl } : inherited.paths;
  return {
    file,
    files: own.files ?? inherited.files,
    include: own.include ?? inherited.include,
    exclude: own.exclude ?? inherited.exclude,
    references: own.references,
    paths,
    baseUrl,
    resolutionSource: options.paths !== undefined || options.baseUrl !== undefined ? file : inherited.resolutionSource,
    outDir: typeof options.outDir === "string" ? path.resolve(dir, options.outDir) : inherited.outDir,
    rootDir: typeof options.rootDir === "string" ? path.resolve(dir, options.rootDir) : inherited.rootDir,
    problem,
  };
}

function ownParts(raw: RawConfig, dir: string): { files?: TsconfigGlobs; include?: TsconfigGlobs; exclude?: TsconfigGlobs; references: string[] } {
  const globs = (value: unknown): TsconfigGlobs | undefined => (Array.isArray(value) ? { base: dir, patterns: value.filter((v): v is string => typeof v === "string") } : undefined);
  const references = Array.isArray(raw.references)
    ? raw.references
        .map((entry: unknown) => (entry !== null && typeof entry === "object" && "path" in entry && typeof entry.path === "string" ? entry.path : undefined))
        .filter((entry): entry is string => entry !== undefined)
        .map((entry) => {
          const target = path.resolve(dir, entry);
          return entry.endsWith(".json") ? target : path.join(target, "tsconfig.json");
        })
    : [];
  const parts: { files?: TsconfigGlobs; include?: TsconfigGlobs; exclude?: TsconfigGlobs; references: string[] } = { references };
  const files = globs(raw.files);
  const include = globs(raw.include);
  const exclude = globs(raw.exclude);
  if (files) parts.files = files;
  if (include) parts.include = include;
  if (exclude) parts.exclude = exclude;
  return parts;
}

function readJsonc(file: string, display: (file: string) => string): { raw: RawConfig; problem: string | undefined } {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    const code = error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : "unreadable";
    return { raw: {}, problem: `cannot read ${display(file)} (${code})` };
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const parsed = rawConfigSchema.safeParse(value);
  const raw: RawConfig = parsed.success ? parsed.data : {};
  const first = errors[0];
  if (first !== undefined) {
    const before = text.slice(0, first.offset).split("\n");
    const where = `${display(file)}:${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
    return { raw, problem: `cannot parse ${where}: ${printParseErrorCode(first.error)}` };
  }
  if (!parsed.success) return { raw, problem: `${display(file)} is not a JSON object` };
  return { raw, problem: undefined };
}

function extendsList(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** Where an `extends` entry points, as TypeScript looks for it; undefined when nothing is there. */
function resolveExtends(spec: string, dir: string): string | undefined {
  if (spec.startsWith(".") || path.isAbsolute(spec)) {
    const target = path.resolve(dir, spec);
    return [target, `${target}.json`].find(isFile);
  }
  // A package (`@tsconfig/node20`, `@nx/js/tsconfig.base.json`): look in node_modules folders upward.
  for (let current = dir; ; current = path.dirname(current)) {
    const target = path.join(current, "node_modules", spec);
    const found = [target, `${target}.json`, path.join(target, packageTsconfig(target)), path.join(target, "tsconfig.json")].find(isFile);
    if (found !== undefined) return found;
    if (path.dirname(current) === current) return undefined;
  }
}

function packageTsconfig(dir: string): string {
  try {
    const manifest: unknown = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    if (manifest !== null && typeof manifest === "object" && "tsconfig" in manifest && typeof manifest.tsconfig === "string") return manifest.tsconfig;
  } catch {
    // no package.json: the conventional tsconfig.json is tried next
  }
  return "tsconfig.json";
}

function isFile(file: string): boolean {
  // No exception for a missing file: this runs for every folder above every module.
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

function isStringListRecord(value: unknown): value is Record<string, string[]> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && Object.values(value).every((v) => Array.isArray(v) && v.every((s) => typeof s === "string"));
}
