import { describe, expect, it } from "vitest";
import { moduleIds, servicesNamed } from "../support/branded.js";
import { planExtraction } from "../../src/analyzer/plan-extraction.js";
import { boundariesSchema, type Boundaries } from "../../src/model/boundaries.js";
import type { ModuleEdge, ModuleGraph } from "../../src/model/module-graph.js";
import type { ModuleId } from "../../src/model/module-id.js";

const id = (path: string) => path as ModuleId;

function edge(from: string, to: string, line: number, ...names: string[]): ModuleEdge {
  return {
    from: id(from),
    to: id(to),
    kind: "value",
    line,
    specifier: to,
    symbols: names.map((name) => ({ name, declaredIn: id(to), declaredAs: name, uses: 1, typeOnly: false })),
  };
}

describe("planExtraction", () => {
  const boundaries: Boundaries = boundariesSchema.parse({
    version: 1,
    services: [
      { name: "billing", modules: ["billing.ts"], pinned: [], api: [] },
      { name: "mail", modules: ["mail.ts"], pinned: [], api: [] },
      { name: "orders", modules: ["orders.ts", "checkout.ts"], pinned: [], api: [] },
    ],
    shared: { modules: ["app.ts"], pinned: [] },
  });
  const graph: ModuleGraph = {
    modules: [],
    edges: [
      edge("orders.ts", "billing.ts", 3, "charge"),
      edge("checkout.ts", "billing.ts", 7, "charge", "refund"),
      edge("billing.ts", "orders.ts", 2, "markPaid"),
      edge("orders.ts", "mail.ts", 4, "sendReceipt"),
      edge("app.ts", "orders.ts", 1, "ordersRouter"),
    ],
    externals: [],
    unresolved: [],
    syntaxErrors: [],
  };
  const tables = [
    { table: "payments", writers: moduleIds(["billing.ts"]), readers: moduleIds(["orders.ts"]), writerServices: servicesNamed("billing"), readerServices: servicesNamed("orders") },
  ];

  it("orders steps by callers, then shared data, and lists what each step changes", () => {
    const plan = planExtraction(graph, boundaries, tables);
    // orders and billing both have two callers; billing shares a table, so orders goes first.
    expect(plan.map((step) => `${step.step}. ${step.service} (${step.callSites.length})`)).toEqual(["1. mail (1)", "2. orders (2)", "3. billing (2)"]);
    const billing = plan[2];
    expect(billing?.callSites).toEqual([
      { from: "checkout.ts", line: 7, symbols: ["charge", "refund"], by: "orders" },
      { from: "orders.ts", line: 3, symbols: ["charge"], by: "orders" },
    ]);
    expect(billing?.tables).toEqual([{ table: "payments", alsoUsedBy: ["orders"] }]);
    // orders calls billing, which calls orders back: orders' calls into the monolith become events.
    expect(plan[1]?.events).toEqual([{ to: "billing", symbols: ["charge", "refund"] }]);
    // billing goes last: orders is out already, so no event is suggested for it.
    expect(billing?.events).toEqual([]);
  });
});
