import type { SizeBounds } from "../model/score-report.js";
import { membersOf, type Partition } from "../model/partition.js";

export type { SizeBounds };

/** The bounds of Mono2Micro's and CARGO's evaluations: 5 to 20 classes. */
export const DEFAULT_SIZE_BOUNDS: SizeBounds = { min: 5, max: 20 };

export interface NonExtremeDistributionResult {
  /** Share of modules in services of non-extreme size, range [0, 1]; higher is better. */
  value: number;
  /** Modules in services of non-extreme size. */
  modules: number;
  /** Modules in the partition. */
  total: number;
  bounds: SizeBounds;
}

/**
 * Non-extreme distribution (NED): the share of modules that sit in services of reasonable size,
 *
 *   NED = Σ_{i: min ≤ N_i ≤ max} N_i / N
 *
 * for service sizes N_i and N modules in all. Higher is better: 1 means no service is tiny or huge.
 * Mono2Micro and CARGO report the complement, 1 − NED (lower better); subtract to compare.
 * Source: J. Wu, A. E. Hassan, R. C. Holt, "Comparison of clustering algorithms in the context of
 * software evolution", ICSM 2005; bounds [5, 20] as in Mono2Micro (Kalia et al., ESEC/FSE 2021)
 * and CARGO (Nitin et al., ASE 2022).
 */
export function computeNonExtremeDistribution(partition: Partition, bounds: SizeBounds = DEFAULT_SIZE_BOUNDS): NonExtremeDistributionResult {
  let modules = 0;
  let total = 0;
  for (const members of membersOf(partition).values()) {
    total += members.length;
    if (members.length >= bounds.min && members.length <= bounds.max) modules += members.length;
  }
  return { value: total === 0 ? 0 : modules / total, modules, total, bounds };
}
