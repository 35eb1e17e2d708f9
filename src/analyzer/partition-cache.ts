import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Dependencies } from "../clustering/detect-shared-modules.js";
import type { ModuleClusters, PartitionOptions } from "../clustering/propose-partition.js";
import { VERSION } from "../model/version.js";
import { writeFileAtomic } from "../io/write-json-file.js";
import { compareKeys } from "../model/compare-strings.js";
import { SHARED_REASONS } from "../model/analysis-result.js";
import { moduleIdSchema, type ModuleId } from "../model/module-id.js";

/**
 * Proposals by a hash of everything that decides them, so a re-run on unchanged code skips the
 * clustering (most of a warm run once parsing is cached). Clustering is deterministic, so a hit is
 * exactly what clustering would give. The key holds the modules, their dependencies, every signal
 * pair, every option, and the clustering code itself, so an edit to any of them misses.
 */
export interface PartitionCache {
  get(key: string): ModuleClusters | undefined;
  set(key: string, partition: ModuleClusters): void;
  save(): void;
}

/** Entries kept: one analysis with --confidence makes 7 proposals. */
const MAX_ENTRIES = 16;

let stamp: string | undefined;

/** decouple's version and a hash of the clustering code; read on first use, so `--no-cache` never pays for it. */
function cacheStamp(): string {
  if (stamp !== undefined) return stamp;
  const extension = path.extname(fileURLToPath(import.meta.url));
  const clustering = fileURLToPath(new URL("../clustering/", import.meta.url));
  const code = fs
    .readdirSync(clustering)
    .filter((file) => file.endsWith(extension))
    .sort()
    .map((file) => fs.readFileSync(path.join(clustering, file), "utf8"))
    .join("\0");
  stamp = `decouple ${VERSION}, clustering ${createHash("sha1").update(code).digest("base64url")}`;
  return stamp;
}

/** Our own cache file, validated as read: the module ids in it come out branded. */
const cacheFileSchema = z.object({
  stamp: z.string(),
  /** Most recently used last. */
  entries: z.array(
    z.object({
      key: z.string(),
      services: z.array(z.array(moduleIdSchema)),
      shared: z.array(z.tuple([moduleIdSchema, z.enum(SHARED_REASONS)])),
    }),
  ),
});
type CacheFile = z.infer<typeof cacheFileSchema>;

/** The key of one proposal: a hash of its inputs in a canonical order. */
export function partitionKey(nodes: ModuleId[], dependencies: Dependencies, options: PartitionOptions): string {
  const hash = createHash("sha1");
  const write = (value: unknown): void => void hash.update(`${JSON.stringify(value)}\n`);
  write([...nodes].sort());
  for (const [from, targets] of [...dependencies].sort(compareKeys)) {
    write([from, [...targets].sort(compareKeys)]);
  }
  const { barrels, pinnedGroups, groupAnchors, signals, constraints, ...plain } = options;
  write(Object.entries(plain).sort(compareKeys));
  write([...barrels].sort());
  write([...(pinnedGroups ?? [])].sort(compareKeys));
  write([...(groupAnchors ?? [])].sort(compareKeys));
  write(constraints ?? null);
  for (const signal of signals ?? []) {
    write([signal.name, signal.weight, signal.weak ?? false]);
    for (const pair of signal.pairs) write(pair);
  }
  return hash.digest("base64url");
}

export function openPartitionCache(directory: string): PartitionCache {
  const file = path.join(directory, "partition-cache.json");
  const entries = readCacheFile(file)?.entries ?? [];
  let changed = false;
  const touch = (index: number): void => {
    const [entry] = entries.splice(index, 1);
    if (entry !== undefined) entries.push(entry);
  };
  return {
    get(key) {
      const index = entries.findIndex((entry) => entry.key === key);
      const entry = entries[index];
      if (entry === undefined) return undefined;
      if (index !== entries.length - 1) {
        touch(index);
        changed = true;
      }
      return { services: entry.services.map((modules) => [...modules]), shared: new Map(entry.shared) };
    },
    set(key, partition) {
      const index = entries.findIndex((entry) => entry.key === key);
      if (index >= 0) entries.splice(index, 1);
      entries.push({ key, services: partition.services, shared: [...partition.shared] });
      entries.splice(0, Math.max(0, entries.length - MAX_ENTRIES));
      changed = true;
    },
    save() {
      if (!changed) return;
      try {
        writeFileAtomic(file, JSON.stringify({ stamp: cacheStamp(), entries } satisfies CacheFile));
      } catch {
        // A cache that cannot be written (read-only checkout) only costs speed.
      }
    },
  };
}

function readCacheFile(file: string): CacheFile | undefined {
  try {
    const parsed = cacheFileSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    // Another version's file, or one not in this shape, is a miss: the cache only costs speed.
    return parsed.success && parsed.data.stamp === cacheStamp() ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
