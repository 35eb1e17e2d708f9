import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { UserError } from "../model/errors.js";
import { hashContent, type DiskState } from "./diff-plan.js";
import type { GenerationManifest, PlannedFile } from "./generation-plan.js";

const manifestSchema = z.object({ version: z.literal(1), files: z.record(z.string(), z.string()), created: z.array(z.string()).optional() }).strict();

export function readManifest(file: string): GenerationManifest {
  if (!fs.existsSync(file)) return { version: 1, files: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new UserError("DCP005", `${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}). Restore it from version control, or delete it: generate then treats every existing file as yours.`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new UserError("DCP005", `${file} is not a decouple manifest. Restore it from version control, or delete it.`);
  return parsed.data;
}

/** Hashes every file the plan or the manifest names, as it is on disk now. */
export function readDiskState(root: string, manifestFile: string, plan: readonly PlannedFile[]): DiskState {
  const manifest = readManifest(manifestFile);
  const hashes = new Map<string, string>();
  for (const relative of new Set([...plan.map((file) => file.path), ...Object.keys(manifest.files)])) {
    const absolute = path.resolve(root, relative);
    if (fs.existsSync(absolute) && fs.statSync(absolute).isFile()) hashes.set(relative, hashContent(fs.readFileSync(absolute, "utf8")));
  }
  return { hashes, manifest };
}
