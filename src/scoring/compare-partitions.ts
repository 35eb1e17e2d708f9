/**
 * Agreement between two partitions of the same items. Both take labels per item; items missing
 * from either side are left out.
 */

/**
 * The contingency table of two labellings: how many items carry each pair of labels (A's label →
 * B's label → count), each side's cluster sizes, and how many items both sides label.
 */
export function contingency(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>) {
  const cells = new Map<string, Map<string, number>>();
  const rows = new Map<string, number>();
  const columns = new Map<string, number>();
  let n = 0;
  for (const [item, labelA] of a) {
    const labelB = b.get(item);
    if (labelB === undefined) continue;
    n++;
    const row = cells.get(labelA) ?? new Map<string, number>();
    row.set(labelB, (row.get(labelB) ?? 0) + 1);
    cells.set(labelA, row);
    rows.set(labelA, (rows.get(labelA) ?? 0) + 1);
    columns.set(labelB, (columns.get(labelB) ?? 0) + 1);
  }
  return { cells, rows, columns, n };
}

function entropy(counts: Iterable<number>, n: number): number {
  let h = 0;
  for (const count of counts) if (count > 0) h -= (count / n) * Math.log(count / n);
  return h;
}

/** Normalised mutual information with arithmetic normalisation (scikit-learn's default). */
export function normalizedMutualInformation(a: Map<string, string>, b: Map<string, string>): number {
  const { cells, rows, columns, n } = contingency(a, b);
  if (n === 0) return 0;
  let mutual = 0;
  for (const [labelA, row] of cells) {
    for (const [labelB, count] of row) mutual += (count / n) * Math.log((n * count) / ((rows.get(labelA) ?? 1) * (columns.get(labelB) ?? 1)));
  }
  const ha = entropy(rows.values(), n);
  const hb = entropy(columns.values(), n);
  if (ha === 0 && hb === 0) return 1;
  const denominator = (ha + hb) / 2;
  return denominator === 0 ? 0 : Math.max(0, mutual / denominator);
}

/** Adjusted Rand index (Hubert and Arabie, 1985). */
export function adjustedRandIndex(a: Map<string, string>, b: Map<string, string>): number {
  const { cells, rows, columns, n } = contingency(a, b);
  const pairs = (x: number): number => (x * (x - 1)) / 2;
  let index = 0;
  for (const row of cells.values()) for (const count of row.values()) index += pairs(count);
  let sumRows = 0;
  for (const count of rows.values()) sumRows += pairs(count);
  let sumColumns = 0;
  for (const count of columns.values()) sumColumns += pairs(count);
  const expected = (sumRows * sumColumns) / pairs(n);
  const maximum = (sumRows + sumColumns) / 2;
  if (maximum === expected) return 1;
  return (index - expected) / (maximum - expected);
}
