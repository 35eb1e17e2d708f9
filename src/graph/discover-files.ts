import { glob } from "tinyglobby";

export interface DiscoveredFiles {
  /** Absolute paths, sorted. */
  files: string[];
}

/**
 * Lists the modules under the root that the include globs take and the exclude globs leave.
 * Symbolic links are not followed: a linked folder is usually a workspace package that is found
 * by its real path anyway, and a link loop must not hang the analysis.
 */
export async function discoverFiles(root: string, include: string[], exclude: string[]): Promise<DiscoveredFiles> {
  const files = await glob(include, {
    cwd: root,
    ignore: exclude,
    absolute: true,
    dot: false,
    followSymbolicLinks: false,
    onlyFiles: true,
    expandDirectories: false,
  });
  files.sort();
  return { files };
}
