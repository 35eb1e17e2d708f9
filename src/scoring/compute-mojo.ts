import { contingency } from "./compare-partitions.js";

/**
 * MoJo distance and MoJoFM between two partitions of the same items, given as labels per item;
 * items missing from either side are left out (as the MoJo tool does).
 *
 * MoJo(A, B) is the least number of Move (one item to another cluster, possibly a new one) and
 * Join (two clusters into one) operations that turn A into B (V. Tzerpos and R. C. Holt, "MoJo:
 * A distance metric for software clusterings", WCRE 1999). It is computed exactly with the
 * algorithm of Z. Wen and V. Tzerpos, "An optimal algorithm for MoJo distance", IWPC 2003: tag
 * each cluster A_i with the clusters B_k that hold most of its items (v_ik maximal); a maximum
 * bipartite matching between A's clusters and those tags gives the largest number g of groups
 * that can survive without extra moves. Then
 *
 *   MoJo(A, B) = Σ_i (|A_i| − max_k v_ik)  +  (l − g)      (moves + joins, l = clusters of A)
 *
 * MoJoFM (Z. Wen and V. Tzerpos, "An effectiveness measure for software clustering algorithms",
 * IWPC 2004) scales it against the farthest any partition can be from B:
 *
 *   MoJoFM(A, B) = (1 − MoJo(A, B) / max_A' MoJo(A', B)) × 100,   max_A' MoJo(A', B) = n − g_B
 *
 * where g_B is found by walking B's cluster sizes in ascending order and adding one whenever the
 * count so far is below the size. Range [0, 100]; higher is better; 100 means A is B.
 */

/** MoJo(A, B): moves and joins that turn `a` into `b`. Not symmetric. */
export function mojoDistance(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): number {
  // The overlaps v_ik of A's clusters with B's.
  const { cells: overlap } = contingency(a, b);
  let moves = 0;
  const tags: string[][] = [];
  for (const row of overlap.values()) {
    let size = 0;
    let best = 0;
    for (const count of row.values()) {
      size += count;
      best = Math.max(best, count);
    }
    moves += size - best;
    tags.push([...row].filter(([, count]) => count === best).map(([labelB]) => labelB));
  }
  return moves + overlap.size - maximumMatching(tags);
}

/** MoJoFM(A, B) in percent: 100 when `a` equals `b` (the reference), 0 at the farthest. */
export function mojoFm(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): number {
  const { columns: sizesB, n } = contingency(a, b);
  let groups = 0;
  for (const size of [...sizesB.values()].sort((x, y) => x - y)) if (groups < size) groups++;
  const farthest = n - groups;
  if (farthest === 0) return 100; // one item or none: every partition is B
  return (1 - mojoDistance(a, b) / farthest) * 100;
}

/** Size of a maximum matching of left vertices to their listed right vertices (Kuhn's augmenting paths). */
function maximumMatching(adjacency: string[][]): number {
  const owner = new Map<string, number>(); // right vertex → left vertex matched to it
  const augment = (left: number, seen: Set<string>): boolean => {
    for (const right of adjacency[left] ?? []) {
      if (seen.has(right)) continue;
      seen.add(right);
      const current = owner.get(right);
      if (current === undefined || augment(current, seen)) {
        owner.set(right, left);
        return true;
      }
    }
    return false;
  };
  let size = 0;
  for (let left = 0; left < adjacency.length; left++) if (augment(left, new Set())) size++;
  return size;
}
