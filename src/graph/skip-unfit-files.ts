import fs from "node:fs";
import path from "node:path";

/** Bundles are large; smaller files are not sniffed, so the check costs one stat per file. */
const SNIFF_FROM_BYTES = 20_000;
const SNIFF_BYTES = 64 * 1024;

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface UnreadableFile {
  /** Relative to the root, forward slashes. */
  file: string;
  /** The file-system error's code (EACCES, EPERM…). */
  code: string;
}

/**
 * Leaves out files that are not source a person maintains and would only slow the parse: files
 * above the size limit, and minified bundles (a long first stretch with almost no line breaks).
 * Each is named in a warning, so nothing disappears from the graph without a word. Files the user
 * running decouple may not read are returned apart: the caller decides whether that fails the run.
 */
export function skipUnfitFiles(files: string[], maxBytes: number, root: string): { files: string[]; skipped: SkippedFile[]; unreadable: UnreadableFile[] } {
  const kept: string[] = [];
  const skipped: SkippedFile[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const file of files) {
    const relative = path.relative(root, file).split(path.sep).join("/");
    const size = readableSize(file);
    if (typeof size === "string") unreadable.push({ file: relative, code: size });
    else if (size > maxBytes) skipped.push({ file: relative, reason: `${formatBytes(size)}, above maxFileSize (${formatBytes(maxBytes)})` });
    else if (size >= SNIFF_FROM_BYTES && looksMinified(readStart(file))) skipped.push({ file: relative, reason: "looks minified (a bundle, not source)" });
    else kept.push(file);
  }
  return { files: kept, skipped, unreadable };
}

/** The file's size when this process may read it, else the error's code. */
function readableSize(file: string): number | string {
  try {
    const { size } = fs.statSync(file);
    fs.accessSync(file, fs.constants.R_OK);
    return size;
  } catch (error) {
    if (error instanceof Error && "code" in error && typeof error.code === "string") return error.code;
    throw error;
  }
}

/** Minified code: average line far longer than anyone writes (whitespace-only lines aside). */
export function looksMinified(text: string): boolean {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  if (lines.length === 0) return false;
  const longest = Math.max(...lines.map((line) => line.length));
  return longest > 1_000 && text.length / lines.length > 300;
}

function readStart(file: string): string {
  const handle = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const read = fs.readSync(handle, buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, read).toString("utf8");
  } finally {
    fs.closeSync(handle);
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.round(bytes / 1000)} kB`;
}
