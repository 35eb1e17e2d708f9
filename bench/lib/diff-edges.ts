/** An edge as "from -> to", both paths relative to the case root. */
export type Edge = string;

export interface ToolDisagreement {
  tool: string;
  /** Edges at least one other tool found and this one did not. */
  missing: number;
  /** Edges only this tool found. */
  extra: number;
  sampleMissing: Edge[];
  sampleExtra: Edge[];
}

/** Compares the edge sets of the tools that succeeded; empty when they all agree. */
export function diffEdges(sets: ReadonlyMap<string, ReadonlySet<Edge>>, sampleSize = 5): ToolDisagreement[] {
  const out: ToolDisagreement[] = [];
  if (sets.size < 2) return out;
  for (const [tool, own] of sets) {
    const others = new Set<Edge>();
    for (const [name, set] of sets) if (name !== tool) for (const e of set) others.add(e);
    const missing = [...others].filter((e) => !own.has(e)).sort();
    const extra = [...own].filter((e) => !others.has(e)).sort();
    if (missing.length > 0 || extra.length > 0) {
      out.push({
        tool,
        missing: missing.length,
        extra: extra.length,
        sampleMissing: missing.slice(0, sampleSize),
        sampleExtra: extra.slice(0, sampleSize),
      });
    }
  }
  return out;
}
