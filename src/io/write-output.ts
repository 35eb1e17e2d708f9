import fs from "node:fs";
import path from "node:path";
import { UserError } from "../model/errors.js";
import { writeFileAtomic } from "./write-json-file.js";

/** absent: nothing there yet; file: a regular file (may hold a previous run's output); special: a device, pipe or socket. */
export type OutputKind = "absent" | "file" | "special";

/**
 * What an output path is, before anything is read from it or written to it. A folder is refused
 * (exit 2); a device or pipe (`/dev/stdout`, `/dev/null`, a FIFO) is written directly and never
 * read back: reading `/dev/zero` never ends, and a rename over `/dev/null` would replace the device.
 */
export function inspectOutput(file: string, flag: string): OutputKind {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return "absent";
    throw error;
  }
  if (stat.isDirectory()) throw new UserError("DCP006", `${flag} ${file} is a directory; name a file (e.g. ${path.join(file, "decouple.boundaries.json")}).`);
  return stat.isFile() ? "file" : "special";
}

/** Writes output: atomically (temp file and rename) to a file, directly to a device or pipe. */
export function writeOutput(file: string, text: string, kind: OutputKind): void {
  if (kind === "special") fs.writeFileSync(file, text);
  else writeFileAtomic(file, text);
}
