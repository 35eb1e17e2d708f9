import { scoreAgainst, type ToolScore } from "../score-case.js";

/** Depths the folder baseline tries: the best of them against the truth is reported. */
export const FOLDER_DEPTHS = [1, 2, 3] as const;

/** Each module's folder cut at `depth` segments (`a/b/c/x.ts` at depth 2: `a/b`); files at the root: `.`. */
export function folderLabels(modules: Iterable<string>, depth: number): Map<string, string> {
  const labels = new Map<string, string>();
  for (const module of modules) {
    const folders = module.split("/").slice(0, -1);
    labels.set(module, folders.length === 0 ? "." : folders.slice(0, depth).join("/"));
  }
  return labels;
}

export interface FolderScore extends ToolScore {
  depth: number;
}

/**
 * The folder baseline: every labelled module grouped by its folder at depth 1, 2 and 3, scored
 * against the truth; the best NMI wins (ties: the shallower). It is an upper bound a reviewer
 * gets for free, since it is allowed to look at the truth to pick its depth.
 */
export function scoreBestFolders(reference: Map<string, string>): FolderScore {
  let best: FolderScore | undefined;
  for (const depth of FOLDER_DEPTHS) {
    const labels = folderLabels(reference.keys(), depth);
    const score = { ...scoreAgainst(reference, labels, new Set(labels.values()).size), depth };
    if (best === undefined || score.nmi > best.nmi + 1e-12) best = score;
  }
  if (best === undefined) throw new Error("no folder depth to try");
  return best;
}
