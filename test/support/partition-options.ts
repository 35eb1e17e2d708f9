import type { PartitionOptions } from "../../src/clustering/propose-partition.js";

/** Partition options as analyze passes them by default (resolution 1 unless a test says otherwise). */
export function partitionOptions(overrides: Partial<PartitionOptions> = {}): PartitionOptions {
  return {
    seed: 42,
    resolution: 1,
    runs: 4,
    minServiceSize: 2,
    sharedGlobs: [],
    fanInRatio: 0.2,
    spread: 3,
    barrels: new Set(),
    ...overrides,
  };
}
