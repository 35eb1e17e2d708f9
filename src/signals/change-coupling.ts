import type { Commit } from "./read-change-history.js";
import { moduleLookup, type ModuleId } from "../model/module-id.js";
import type { ModulePair } from "./signal.js";
import { pairKey, splitPairKey, type PairKey } from "../model/pair-key.js";

export interface ChangeCouplingOptions {
  /** Commits touching more modules than this are bulk edits (renames, formatting) and ignored. */
  maxFilesPerCommit: number;
  /** A commit this many days older than the newest counts half as much. */
  halfLifeDays: number;
}

/**
 * Modules changed in the same commits belong together even when neither imports the other.
 * Each commit adds decay / (n - 1) to every pair of the n modules it touched, so a two-file commit
 * says more about a pair than a twenty-file one. Age is measured from the newest commit, not from
 * today, so the same history always gives the same weights.
 */
export function changeCoupling(commits: Commit[], modules: Iterable<ModuleId>, options: ChangeCouplingOptions): ModulePair[] {
  const moduleOf = moduleLookup(modules);
  const newest = Math.max(0, ...commits.map((commit) => commit.time));
  const weights = new Map<PairKey<ModuleId, ModuleId>, number>();
  for (const commit of commits) {
    const touched = [...new Set(commit.files.map(moduleOf).filter((module) => module !== undefined))].sort();
    if (touched.length < 2 || touched.length > options.maxFilesPerCommit) continue;
    const ageDays = (newest - commit.time) / 86_400;
    const weight = 0.5 ** (ageDays / options.halfLifeDays) / (touched.length - 1);
    for (const [i, a] of touched.entries()) {
      for (const b of touched.slice(i + 1)) {
        const key = pairKey(a, b);
        weights.set(key, (weights.get(key) ?? 0) + weight);
      }
    }
  }
  return [...weights].map(([key, weight]) => {
    const [a, b] = splitPairKey(key);
    return [a, b, weight];
  });
}
