import { describe, expect, it } from "vitest";
import { adjustedRandIndex, normalizedMutualInformation } from "../../src/scoring/compare-partitions.js";

/*
 * Expected values from scikit-learn 1.2.1 (Debian bookworm's python3-sklearn), run once with
 * /usr/bin/python3 and committed here so the tests need no Python:
 *
 *   import numpy as np
 *   from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
 *   rng = np.random.RandomState(7)
 *   cases = {
 *       "uneven sizes": ([0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 3, 3, 3, 3], [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 4]),
 *       "singletons": ([0, 1, 2, 3, 4, 5, 6, 7], [0, 0, 1, 1, 2, 2, 3, 4]),
 *       "against itself, relabelled": ([0, 0, 1, 1, 1, 2, 3, 3, 3, 3], [5, 5, 9, 9, 9, 7, 1, 1, 1, 1]),
 *       "one cluster against all singletons": ([0, 0, 0, 0, 0, 0], [0, 1, 2, 3, 4, 5]),
 *       "both one cluster": ([0, 0, 0, 0], [1, 1, 1, 1]),
 *       "split in two": ([0, 0, 0, 0, 1, 1, 1, 1], [0, 0, 1, 1, 2, 2, 3, 3]),
 *       "independent random labels": (rng.randint(0, 4, 30).tolist(), rng.randint(0, 5, 30).tolist()),
 *   }
 *   for name, (a, b) in cases.items():
 *       print(name, a, b)
 *       print("  nmi", repr(normalized_mutual_info_score(a, b)), "ari", repr(adjusted_rand_score(a, b)))
 *
 * normalized_mutual_info_score's default average_method is "arithmetic".
 */
const SKLEARN_CASES: { name: string; a: number[]; b: number[]; nmi: number; ari: number }[] = [
  {
    name: "uneven sizes",
    a: [0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 3, 3, 3, 3],
    b: [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 4],
    nmi: 0.6985658879574353,
    ari: 0.4776414721013059,
  },
  { name: "singletons", a: [0, 1, 2, 3, 4, 5, 6, 7], b: [0, 0, 1, 1, 2, 2, 3, 4], nmi: 0.8571428571428571, ari: 0.0 },
  { name: "against itself, relabelled", a: [0, 0, 1, 1, 1, 2, 3, 3, 3, 3], b: [5, 5, 9, 9, 9, 7, 1, 1, 1, 1], nmi: 1.0000000000000002, ari: 1.0 },
  { name: "one cluster against all singletons", a: [0, 0, 0, 0, 0, 0], b: [0, 1, 2, 3, 4, 5], nmi: 0.0, ari: 0.0 },
  { name: "both one cluster", a: [0, 0, 0, 0], b: [1, 1, 1, 1], nmi: 1.0, ari: 1.0 },
  { name: "split in two", a: [0, 0, 0, 0, 1, 1, 1, 1], b: [0, 0, 1, 1, 2, 2, 3, 3], nmi: 0.666666666666667, ari: 0.36363636363636365 },
  {
    name: "independent random labels",
    a: [3, 0, 1, 2, 3, 3, 3, 3, 0, 1, 2, 3, 0, 1, 2, 2, 2, 0, 3, 2, 0, 0, 3, 3, 0, 0, 3, 3, 2, 2],
    b: [3, 4, 4, 0, 0, 0, 3, 0, 2, 0, 1, 4, 1, 3, 3, 0, 3, 0, 1, 0, 0, 4, 4, 4, 2, 1, 3, 0, 4, 0],
    nmi: 0.14441174908758675,
    ari: -0.033402026446848705,
  },
];

function labels(values: number[]): Map<string, string> {
  return new Map(values.map((label, item) => [`m${item}`, `c${label}`]));
}

describe("NMI and ARI reproduce scikit-learn", () => {
  it.each(SKLEARN_CASES)("$name", ({ a, b, nmi, ari }) => {
    expect(normalizedMutualInformation(labels(a), labels(b))).toBeCloseTo(nmi, 12);
    expect(adjustedRandIndex(labels(a), labels(b))).toBeCloseTo(ari, 12);
  });

  it("is symmetric and leaves out items only one side labels", () => {
    const [first] = SKLEARN_CASES;
    if (first === undefined) throw new Error("no cases");
    const a = labels(first.a);
    const b = labels(first.b);
    expect(normalizedMutualInformation(b, a)).toBeCloseTo(first.nmi, 12);
    expect(adjustedRandIndex(b, a)).toBeCloseTo(first.ari, 12);
    a.set("only-in-a", "c0");
    b.set("only-in-b", "c9");
    expect(normalizedMutualInformation(a, b)).toBeCloseTo(first.nmi, 12);
    expect(adjustedRandIndex(a, b)).toBeCloseTo(first.ari, 12);
  });
});
