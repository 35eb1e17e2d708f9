import fs from "node:fs";
import path from "node:path";
import { glob } from "tinyglobby";

export interface DiscoveredFiles {
  /** Absolute paths, sorted. */
  files: string[];
}

/** What `decouple generate` leaves in its output folder; the same name as src/generator/generation-plan.ts's MANIFEST_FILE. */
const GENERATED_MANIFEST = ".decouple-manifest.json";

/**
 * Lists the modules under the root that the include globs take and the exclude globs leave.
 * Symbolic links are not followed: a linked folder is usually a workspace package that is found
 * by its real path anyway, and a link loop must not hang the analysis.
 *
 * Code `decouple generate` wrote is never the monolith's: a folder holding its manifest (the
 * output folder, wherever --out put it) and every file the manifest lists (the facades in the
 * monolith's src, and what generate wrote once for the user to fill) are left out, whatever the
 * exclude globs say.
 */
export async function discoverFiles(root: string, include: string[], exclude: string[]): Promise<DiscoveredFiles> {
  const found = await glob([...include, `**/${GENERATED_MANIFEST}`], {
    cwd: root,
    ignore: exclude,
    absolute: true,
    dot: false,
    followSymbolicLinks: false,
    onlyFiles: true,
    expandDirectories: false,
  });
  const manifests = found.filter((file) => path.basename(file) === GENERATED_MANIFEST);
  const generatedFolders = manifests.map((file) => path.dirname(file) + path.sep);
  const generatedFiles = new Set(manifests.flatMap((file) => listedFiles(file, root)));
  const files = found.filter(
    (file) => path.basename(file) !== GENERATED_MANIFEST && !generatedFiles.has(file) && !generatedFolders.some((folder) => file.startsWith(folder)),
  );
  files.sort();
  return { files };
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
