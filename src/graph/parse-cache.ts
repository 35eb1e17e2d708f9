import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { ParsedModule } from "../model/module-graph.js";
import { VERSION } from "../model/version.js";
import { writeFileAtomic } from "../io/write-json-file.js";
import { z } from "zod";

/**
 * Parse results by file content hash, so a warm run parses only what changed. Stored as one JSON
 * file in a git-ignored folder (node_modules/.cache/decouple by default); any change of decouple's
 * or the parser's version starts it afresh, and a damaged file is ignored, never trusted.
 */
export interface ParseCache {
  get(file: string, contentHash: string): ParsedModule | undefined;
  set(file: string, contentHash: string, parsed: ParsedModule): void;
  /** Writes the cache back if anything changed; entries of files not seen this run are dropped. */
  save(): void;
}

export function hashContent(content: string | Buffer): string {
  return createHash("sha1").update(content).digest("base64url");
}

const PARSER_VERSION = z.object({ version: z.string() }).parse(createRequire(import.meta.url)("oxc-parser/package.json")).version;
// The parsing code itself is part of the key, so a changed extractor never reads stale results.
const EXTRACTORS = ["./parse-module", "./parse-files", "./count-references", "./find-require-calls", "./find-table-access"];
const EXTENSION = path.extname(fileURLToPath(import.meta.url));
const EXTRACTOR_HASH = hashContent(
  EXTRACTORS.map((name) => fs.readFileSync(fileURLToPath(new URL(`${name}${EXTENSION}`, import.meta.url)), "utf8")).join("\0"),
);
const STAMP = `decouple ${VERSION}, oxc-parser ${PARSER_VERSION}, extractors ${EXTRACTOR_HASH}`;

interface CacheFile {
  stamp: string;
  entries: Record<string, { hash: string; parsed: ParsedModule }>;
}


export interface ParseCacheOptions {
  /** The run reads only part of the codebase (`check --changed-since`): keep the entries of the files it did not see. */
  partial?: boolean;
}

export function openParseCache(directory: string, root: string, options: ParseCacheOptions = {}): ParseCache {
  const file = path.join(directory, "parse-cache.json");
  const stored = readCacheFile(file);
  const next: CacheFile["entries"] = options.partial === true && stored !== undefined ? { ...stored.entries } : {};
  let changed = false;
  const key = (absolute: string): string => path.relative(root, absolute).split(path.sep).join("/");
  return {
    get(absolute, contentHash) {
      const entry = stored?.entries[key(absolute)];
      if (entry?.hash !== contentHash) return undefined;
      next[key(absolute)] = entry;
      return entry.parsed;
    },
    set(absolute, contentHash, parsed) {
      next[key(absolute)] = { hash: contentHash, parsed };
      changed = true;
    },
    save() {
      const dropped = stored !== undefined && Object.keys(stored.entries).length !== Object.keys(next).length;
      if (!changed && !dropped && stored !== undefined) return;
      try {
        writeFileAtomic(file, JSON.stringify({ stamp: STAMP, entries: next } satisfies CacheFile));
      } catch {
        // A cache that cannot be written (read-only checkout) only costs speed.
      }
    },
  };
}

function readCacheFile(file: string): CacheFile | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- our own cache file: the stamp (versions and extractor code) says this code wrote it
    const value = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<CacheFile>;
    // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- the stamp and entries were checked on the line itself
    return value.stamp === STAMP && value.entries !== undefined ? (value as CacheFile) : undefined;
  } catch {
    return undefined;
  }
}
