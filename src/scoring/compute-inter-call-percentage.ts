import { computeCutWeight } from "./compute-cut-weight.js";
import { type Dependency, type Partition } from "../model/partition.js";

export interface InterCallPercentageResult {
  /** Share of calls that cross services, range [0, 1]; lower is better. */
  value: number;
  /** Calls between two different services. */
  between: number;
  /** Calls with both ends in the partition. */
  total: number;
}

/**
 * Inter-call percentage (ICP): the share of calls that go from one service to another,
 *
 *   ICP = Σ_{i≠j} c_ij / Σ_{i,j} c_ij
 *
 * where c_ij counts calls from modules of service i to modules of service j (dependency weights
 * here: decouple counts value references per module pair). 0 when there are no calls.
 * Source: W. Jin, T. Liu, Y. Cai, R. Kazman, R. Mo, Q. Zheng, "Service Candidate Identification
 * from Monolithic Systems Based on Execution Traces", IEEE TSE 47(5), 2019, where c_ij are runtime
 * call counts; also in Mono2Micro (Kalia et al., ESEC/FSE 2021) and CARGO (Nitin et al., ASE 2022).
 */
export function computeInterCallPercentage(partition: Partition, calls: Iterable<Dependency>): InterCallPercentageResult {
  // The same sum as the cut weight, over call counts instead of coupling weights.
  const { cut, total, share } = computeCutWeight(partition, calls);
  return { value: share, between: cut, total };
}
