import fs from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
import { glob } from "tinyglobby";
import type { LeftOut } from "../model/analysis-result.js";
import { LEFT_OUT_BY_DEFAULT } from "../model/left-out-by-default.js";
import { compareStrings } from "../model/compare-strings.js";

export type { LeftOut };

export interface DiscoveredFiles {
  /** Absolute paths, sorted. */
  files: string[];
  /** Per default kind still in the exclude list, how many files it left out; kinds with none omitted. */
  leftOut: LeftOut[];
  /** Folders the walk could not list (permission denied and the like), with the error code; sorted. */
  unlistable: UnlistableFolder[];
}

export interface UnlistableFolder {
  /** Relative to the root, forward slashes; "." for the root itself. */
  folder: string;
  code: string;
}

/** What `decouple generate` leaves in its output folder; the same name as src/generator/generation-plan.ts's MANIFEST_FILE. */
const GENERATED_MANIFEST = ".decouple-manifest.json";

/**
 * Lists the modules under the root that the include globs take and the exclude globs leave.
 * Symbolic links are not followed: a linked folder is usually a workspace package that is found
 * by its real path anyway, and a link loop must not hang the analysis. The default kinds the
 * exclude list still holds whole are matched here rather than by the glob, so each can be counted
 * and the summary can say what was left out and why.
 *
 * Code `decouple generate` wrote is never the monolith's: a folder holding its manifest (the
 * output folder, wherever --out put it) and every file the manifest lists (the facades in the
 * monolith's src, and what generate wrote once for the user to fill) are left out, whatever the
 * exclude globs say.
 */
export async function discoverFiles(root: string, include: string[], exclude: string[]): Promise<DiscoveredFiles> {
  const excluded = new Set(exclude);
  const explained = LEFT_OUT_BY_DEFAULT.filter((kind) => kind.silent !== true && kind.globs.every((glob) => excluded.has(glob)));
  const explainedGlobs = new Set(explained.flatMap((kind) => kind.globs));
  const failed = new Map<string, string>();
  const found = await glob([...include, `**/${GENERATED_MANIFEST}`], {
    cwd: root,
    ignore: exclude.filter((pattern) => !explainedGlobs.has(pattern)),
    absolute: true,
    dot: false,
    followSymbolicLinks: false,
    onlyFiles: true,
    expandDirectories: false,
    fs: { readdir: recordingFailures(fs.readdir, failed) },
  });
  const candidates = withoutGeneratedCode(found, root);
  const atPackageLevel = packageLevelFolder(root);
  const matchers = explained.map((kind) => {
    const byGlob = picomatch([...kind.globs], { dot: true });
    const folders = new Set(kind.packageFolders ?? []);
    return { kind, matches: (relative: string) => byGlob(relative) || (folders.size > 0 && atPackageLevel(relative, folders)) };
  });
  const counts = new Map<string, number>();
  const files: string[] = [];
  for (const file of candidates) {
    const relative = path.relative(root, file).split(path.sep).join("/");
    const hit = matchers.find(({ matches }) => matches(relative));
    if (hit === undefined) files.push(file);
    else counts.set(hit.kind.kind, (counts.get(hit.kind.kind) ?? 0) + 1);
  }
  files.sort();
  const leftOut = explained.filter(({ kind }) => counts.has(kind)).map(({ kind, reason }) => ({ kind, reason, count: counts.get(kind) ?? 0 }));
  const unlistable = [...failed]
    .map(([folder, code]) => ({ folder: path.relative(root, folder).split(path.sep).join("/") || ".", code }))
    .sort((a, b) => compareStrings(a.folder, b.folder));
  return { files, leftOut, unlistable };
}

/**
 * fs.readdir that notes each folder it fails to list (absolute path -> error code) before passing
 * the error on. The walk (fdir under tinyglobby) swallows such errors and goes on as if the folder
 * were empty; noting them lets an unreadable folder count like an unreadable file, not vanish.
 */
function recordingFailures(readdir: typeof fs.readdir, failed: Map<string, string>): typeof fs.readdir {
  return new Proxy(readdir, {
    apply(target, thisArg: unknown, args: unknown[]): unknown {
      const callback = args.at(-1);
      if (typeof callback !== "function") return Reflect.apply(target, thisArg, args);
      const noting = (error: unknown, ...rest: unknown[]): unknown => {
        if (error instanceof Error && "code" in error && typeof error.code === "string") failed.set(path.resolve(String(args[0])), error.code);
        return Reflect.apply(callback, undefined, [error, ...rest]);
      };
      return Reflect.apply(target, thisArg, [...args.slice(0, -1), noting]);
    },
  });
}

/** Whether a path runs through a folder of the given names that sits at a package's level. */
function packageLevelFolder(root: string): (relative: string, names: ReadonlySet<string>) => boolean {
  const known = new Map<string, boolean>();
  const isPackageLevel = (folder: string): boolean => {
    let answer = known.get(folder);
    if (answer === undefined) {
      const absolute = path.join(root, folder);
      answer =
        folder === "" ||
        ["package.json", "tsconfig.json", "project.json", "src"].some((entry) => fs.existsSync(path.join(absolute, entry)));
      known.set(folder, answer);
    }
    return answer;
  };
  return (relative, names) => {
    const parts = relative.split("/");
    for (let index = 0; index < parts.length - 1; index++) {
      if (names.has(parts[index] ?? "") && isPackageLevel(parts.slice(0, index).join("/"))) return true;
    }
    return false;
  };
}

/** The files found minus the manifests and the code generate wrote. */
function withoutGeneratedCode(found: readonly string[], root: string): string[] {
  const manifests = found.filter((file) => path.basename(file) === GENERATED_MANIFEST);
  if (manifests.length === 0) return [...found];
  const generatedFolders = manifests.map((file) => path.dirname(file) + path.sep);
  const generatedFiles = new Set(manifests.flatMap((file) => listedFiles(file, root)));
  return found.filter((file) => path.basename(file) !== GENERATED_MANIFEST && !generatedFiles.has(file) && !generatedFolders.some((folder) => file.startsWith(folder)));
}

/** Absolute paths of the files a manifest records (`files` keys and `created`, root-relative); none when it cannot be read. */
function listedFiles(manifest: string, root: string): string[] {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(manifest, "utf8"));
    if (typeof parsed !== "object" || parsed === null) return [];
    const files = "files" in parsed && typeof parsed.files === "object" && parsed.files !== null ? Object.keys(parsed.files) : [];
    const created = "created" in parsed && Array.isArray(parsed.created) ? parsed.created.filter((file): file is string => typeof file === "string") : [];
    return [...files, ...created].map((file) => path.resolve(root, file));
  } catch {
    return [];
  }
}
