/** A file generate wants on disk: the pure planners return these, the writer applies them. */
export interface PlannedFile {
  /** Path relative to the monolith root (the boundaries file's folder), forward slashes. */
  readonly path: string;
  readonly content: string;
  /**
   * Written only when missing; the user owns it from then on and generate never tracks it
   * (the routing file, hand-written test examples).
   */
  readonly once?: boolean;
}

/** What applying the plan does to one file. */
export type FileAction =
  /** Not on disk yet. */
  | "create"
  /** On disk as generate last wrote it, and the new content differs. */
  | "update"
  /** Already what generate would write. */
  | "unchanged"
  /** Edited by the user (or never written by generate): left alone, a warning. */
  | "keep-user-edited"
  /** Edited by the user and replaced because of --force. */
  | "overwrite"
  /** Written by generate earlier, no longer generated, untouched since: deleted. */
  | "remove";

export interface FileChange {
  readonly path: string;
  readonly action: FileAction;
  /** The content to write (create, update, overwrite). */
  readonly content?: string;
  /** For keep-user-edited: why. */
  readonly reason?: string;
}

/** The manifest: the hash of every file as generate last wrote it, keyed by root-relative path. */
export interface GenerationManifest {
  readonly version: 1;
  readonly files: Readonly<Record<string, string>>;
  /**
   * Files generate wrote once and left to the user (examples, the routing file, remote-errors.ts):
   * never updated, but still generated scaffolding that `analyze` leaves out of the graph.
   */
  readonly created?: readonly string[];
}

export const MANIFEST_FILE = ".decouple-manifest.json";

/** Actions that mean the generated files on disk are out of date (what --check fails on). */
export const OUT_OF_DATE_ACTIONS: readonly FileAction[] = ["create", "update", "overwrite", "remove"];
