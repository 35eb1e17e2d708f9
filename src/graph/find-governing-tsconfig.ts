import fs from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
import type { TsconfigGlobs, TsconfigInfo } from "./read-tsconfig.js";

const CONFIG_NAMES = ["tsconfig.json", "jsconfig.json"];
const DEFAULT_EXCLUDE = ["node_modules", "bower_components", "jspm_packages"];

/** The tsconfig a file is resolved with; `included` false when no config takes it and the nearest one stands in. */
export interface GoverningTsconfig {
  info: TsconfigInfo;
  included: boolean;
}

/**
 * Finds the tsconfig that governs a file as tsserver does: the nearest tsconfig.json (or
 * jsconfig.json) above it whose `files`/`include`/`exclude` take the file, or the project one of
 * its solution-style `references` leads to; configs further up are tried when a nearer one does
 * not take the file (Nx's tsconfig.base.json counts through the `extends` of the projects). A
 * file no config takes (a migration or script the tsconfig excludes) would be in an inferred
 * project in tsserver; here the nearest config stands in, marked so, because bundlers, test
 * runners and ts-node apply its paths to such files too. The search goes above the analysed
 * folder up to the repository root (the folder holding .git). Cached per folder and per config.
 */
export function createTsconfigLocator(read: (file: string) => TsconfigInfo): (file: string) => GoverningTsconfig | undefined {
  const configsAbove = new Map<string, string[]>();
  const coverage = new Map<string, (file: string) => boolean>();

  const configsFrom = (dir: string): string[] => {
    const cached = configsAbove.get(dir);
    if (cached !== undefined) return cached;
    const parent = path.dirname(dir);
    const here = CONFIG_NAMES.map((name) => path.join(dir, name)).filter(isFile);
    // The search ends at the repository root: a tsconfig beyond it is not the project's.
    const last = parent === dir || fs.existsSync(path.join(dir, ".git"));
    const list = [...here, ...(last ? [] : configsFrom(parent))];
    configsAbove.set(dir, list);
    return list;
  };

  const covers = (info: TsconfigInfo, file: string): boolean => {
    let test = coverage.get(info.file);
    if (test === undefined) {
      test = coverageOf(info);
      coverage.set(info.file, test);
    }
    return test(file);
  };

  const exists = new Map<string, boolean>();
  const governing = (configFile: string, file: string, seen: Set<string>): TsconfigInfo | undefined => {
    if (!exists.has(configFile)) exists.set(configFile, isFile(configFile));
    if (seen.has(configFile) || exists.get(configFile) !== true) return undefined;
    seen.add(configFile);
    const info = read(configFile);
    if (covers(info, file)) return info;
    for (const reference of info.references) {
      const found = governing(reference, file, seen);
      if (found !== undefined) return found;
    }
    return undefined;
  };

  return (file) => {
    const candidates = configsFrom(path.dirname(file));
    for (const candidate of candidates) {
      const found = governing(candidate, file, new Set());
      if (found !== undefined) return { info: found, included: true };
    }
    const nearest = candidates[0];
    return nearest === undefined ? undefined : { info: read(nearest), included: false };
  };
}

/** Whether a config's program takes the file: listed in `files`, or matched by `include` and not `exclude`. */
function coverageOf(info: TsconfigInfo): (file: string) => boolean {
  const listed = new Set((info.files?.patterns ?? []).map((entry) => toPosix(path.resolve(info.files?.base ?? "", entry))));
  // TypeScript's defaults: everything below the config unless `files` alone is given.
  const include = info.include ?? (info.files === undefined ? { base: path.dirname(info.file), patterns: ["**/*"] } : undefined);
  const excludeGlobs = info.exclude ?? {
    base: path.dirname(info.file),
    patterns: [...DEFAULT_EXCLUDE, ...(info.outDir === undefined ? [] : [path.relative(path.dirname(info.file), info.outDir)])],
  };
  const included = include === undefined ? () => false : matcherOf(include, true);
  const excluded = matcherOf(excludeGlobs, false);
  return (file) => {
    const posix = toPosix(file);
    return listed.has(posix) || (included(posix) && !excluded(posix));
  };
}

/**
 * Matches absolute posix paths against tsconfig globs. A pattern's literal head is compared as a
 * path (so folders named with glob characters, or `../` patterns, work), its tail with picomatch;
 * a pattern naming a folder takes everything below it, as in TypeScript, where `include` skips
 * names starting with a dot unless the pattern spells them out.
 */
function matcherOf(globs: TsconfigGlobs, include: boolean): (file: string) => boolean {
  const tests = globs.patterns.map((pattern) => {
    const segments = toPosix(path.resolve(globs.base, pattern)).split("/");
    const wild = segments.findIndex((segment) => /[*?[\]{}]/.test(segment));
    if (wild === -1) {
      const literal = segments.join("/");
      return (file: string) => file === literal || (file.startsWith(`${literal}/`) && !(include && /(^|\/)\./.test(file.slice(literal.length + 1))));
    }
    const head = `${segments.slice(0, wild).join("/")}/`;
    const tail = segments.slice(wild).join("/");
    const match = picomatch([tail, `${tail}/**`]);
    return (file: string) => file.startsWith(head) && match(file.slice(head.length));
  });
  return (file) => tests.some((test) => test(file));
}

function isFile(file: string): boolean {
  // No exception for a missing file: this runs for every folder above every module.
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

function toPosix(file: string): string {
  return file.split(path.sep).join("/");
}
