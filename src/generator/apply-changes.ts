import fs from "node:fs";
import path from "node:path";
import { toStableJson, writeFileAtomic } from "../io/write-json-file.js";
import type { FileChange, GenerationManifest } from "./generation-plan.js";

/**
 * The one module of generate that writes: each file through a temporary file and a rename, the
 * manifest last (after an interrupted run, a re-run finds the files it did write already as
 * planned, and records them).
 */
export function applyChanges(root: string, changes: readonly FileChange[], manifestFile: string, manifest: GenerationManifest): void {
  for (const change of changes) {
    const absolute = path.resolve(root, change.path);
    if (change.content !== undefined && (change.action === "create" || change.action === "update" || change.action === "overwrite")) {
      writeFileAtomic(absolute, change.content);
    } else if (change.action === "remove") {
      fs.rmSync(absolute, { force: true });
      removeEmptyFolders(path.dirname(absolute), root);
    }
  }
  writeFileAtomic(manifestFile, toStableJson(manifest));
}

function removeEmptyFolders(folder: string, root: string): void {
  let current = folder;
  while (current.startsWith(root) && current !== root && fs.existsSync(current) && fs.readdirSync(current).length === 0) {
    fs.rmdirSync(current);
    current = path.dirname(current);
  }
}
