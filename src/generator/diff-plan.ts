import { createHash } from "node:crypto";
import type { FileChange, GenerationManifest, PlannedFile } from "./generation-plan.js";
import { compareKeys, compareStrings } from "../model/compare-strings.js";

export function hashContent(content: string): string {
  return createHash("sha256").update(content).digest("hex");
}

export interface DiskState {
  /** Hash of each file's current content; absent when the file does not exist. */
  readonly hashes: ReadonlyMap<string, string>;
  readonly manifest: GenerationManifest;
}

/**
 * Compares the plan with what is on disk (pure). A file is generate's to change only when its
 * current hash is the one the manifest recorded: any other content is the user's. Files the
 * manifest records that the plan no longer wants are removed only when `inScope` (the services
 * being generated) covers them.
 */
export function diffPlan(plan: readonly PlannedFile[], disk: DiskState, force: boolean, inScope: (file: string) => boolean = () => true): FileChange[] {
  const changes: FileChange[] = [];
  const planned = new Set<string>();
  for (const file of plan) {
    planned.add(file.path);
    const current = disk.hashes.get(file.path);
    const wanted = hashContent(file.content);
    if (current === undefined) changes.push({ path: file.path, action: "create", content: file.content });
    else if (file.once === true || current === wanted) changes.push({ path: file.path, action: "unchanged" });
    else if (disk.manifest.files[file.path] === current) changes.push({ path: file.path, action: "update", content: file.content });
    else if (force) changes.push({ path: file.path, action: "overwrite", content: file.content });
    else {
      const reason = disk.manifest.files[file.path] === undefined ? "exists and was not written by decouple" : "edited since decouple wrote it";
      changes.push({ path: file.path, action: "keep-user-edited", reason });
    }
  }
  for (const [file, recorded] of Object.entries(disk.manifest.files)) {
    // Generating some services (--service) never removes the others' files.
    if (planned.has(file) || !inScope(file)) continue;
    const current = disk.hashes.get(file);
    if (current === undefined) continue;
    if (current === recorded || force) changes.push({ path: file, action: "remove" });
    else changes.push({ path: file, action: "keep-user-edited", reason: "no longer generated, and edited since decouple wrote it" });
  }
  return changes.sort((a, b) => compareStrings(a.path, b.path));
}

/** The manifest after applying the changes: kept user edits keep their old hash, so they stay the user's. */
export function nextManifest(
  plan: readonly PlannedFile[],
  changes: readonly FileChange[],
  previous: GenerationManifest,
  inScope: (file: string) => boolean = () => true,
): GenerationManifest {
  const byPath = new Map(plan.map((file) => [file.path, file]));
  const files: Record<string, string> = Object.fromEntries(Object.entries(previous.files).filter(([file]) => !inScope(file) && !byPath.has(file)));
  for (const change of changes) {
    const file = byPath.get(change.path);
    if (change.action === "remove") continue;
    if (change.action === "keep-user-edited") {
      const recorded = previous.files[change.path];
      if (recorded !== undefined) files[change.path] = recorded;
      continue;
    }
    if (file === undefined || file.once === true) continue;
    files[change.path] = hashContent(file.content);
  }
  const sorted = Object.fromEntries(Object.entries(files).sort(compareKeys));
  const created = [...new Set([...(previous.created ?? []), ...plan.filter((file) => file.once === true).map((file) => file.path)])].sort();
  return created.length === 0 ? { version: 1, files: sorted } : { version: 1, files: sorted, created };
}
