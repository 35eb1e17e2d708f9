import path from "node:path";
import type { Command } from "commander";
import { pathValue } from "./parse-options.js";

/** The flags every command that parses code shares: the content-hash parse cache. */
export interface CacheFlags {
  cache: boolean;
  cacheDir?: string;
}

export function addCacheOptions(command: Command): Command {
  return command
    .option("--cache-dir <dir>", "where parse results and proposals are cached by content hash (default: <dir>/node_modules/.cache/decouple)", pathValue)
    .option("--no-cache", "read and write no cache: parse everything (and, for analyze, cluster afresh)");
}

/** The cache folder to use, or undefined with --no-cache. By default one every .gitignore already covers. */
export function cacheDirectoryOf(root: string, flags: CacheFlags): string | undefined {
  if (!flags.cache) return undefined;
  return path.resolve(flags.cacheDir ?? path.join(root, "node_modules", ".cache", "decouple"));
}
