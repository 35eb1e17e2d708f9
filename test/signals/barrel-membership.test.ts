import { describe, expect, it } from "vitest";
import { barrelMembership } from "../../src/signals/barrel-membership.js";
import type { EdgeKind, ModuleEdge } from "../../src/model/module-graph.js";
import { parseModuleId } from "../../src/model/module-id.js";

function edge(from: string, to: string, kind: EdgeKind = "re-export"): ModuleEdge {
  return { from: parseModuleId(from), to: parseModuleId(to), kind, line: 1, specifier: `./${to}`, symbols: [] };
}

describe("barrelMembership", () => {
  it("couples every pair a barrel re-exports, 1 / (members - 1) each", () => {
    const pairs = barrelMembership({ edges: [edge("pkg/index.ts", "pkg/a.ts"), edge("pkg/index.ts", "pkg/b.ts"), edge("pkg/index.ts", "pkg/c.ts")] });
    expect(pairs).toEqual([
      ["pkg/a.ts", "pkg/b.ts", 0.5],
      ["pkg/a.ts", "pkg/c.ts", 0.5],
      ["pkg/b.ts", "pkg/c.ts", 0.5],
    ]);
  });

  it("adds up barrels that publish the same pair, and ignores imports and one-member barrels", () => {
    const pairs = barrelMembership({
      edges: [
        edge("pkg/index.ts", "pkg/a.ts"),
        edge("pkg/index.ts", "pkg/b.ts"),
        edge("pkg/public.ts", "pkg/a.ts"),
        edge("pkg/public.ts", "pkg/b.ts"),
        edge("pkg/only.ts", "pkg/c.ts"),
        edge("pkg/a.ts", "pkg/c.ts", "value"),
        edge("pkg/b.ts", "pkg/c.ts", "value"),
      ],
    });
    expect(pairs).toEqual([["pkg/a.ts", "pkg/b.ts", 2]]);
  });

  it("skips barrels larger than the cap", () => {
    const edges = ["a", "b", "c", "d"].map((name) => edge("index.ts", `${name}.ts`));
    expect(barrelMembership({ edges }, 3)).toEqual([]);
    expect(barrelMembership({ edges }, 4)).toHaveLength(6);
  });
});
