import { describe, expect, it } from "vitest";
import type { Coupling } from "../../src/graph/build-coupling-graph.js";
import { boundariesSchema, type Boundaries } from "../../src/model/boundaries.js";
import type { CrossingSymbol, ModuleEdge, ModuleGraph } from "../../src/model/module-graph.js";
import { parseModuleId } from "../../src/model/module-id.js";
import { modulePairs } from "../support/branded.js";
import { callsOf, scoreDecomposition } from "../../src/scoring/score-decomposition.js";

const id = parseModuleId;
const ONE = "src/orders/place-order.ts";
const TWO = "src/orders/order-repository.ts";
const PAY = "src/payments/charge-card.ts";
const LOG = "src/shared/logger.ts";
const LOOSE = "src/scripts/migrate.ts";

function symbol(name: string, declaredIn: string, uses: number, typeOnly = false): CrossingSymbol {
  return { name, declaredIn: id(declaredIn), declaredAs: name, uses, typeOnly };
}

function edge(from: string, to: string, kind: ModuleEdge["kind"], symbols: CrossingSymbol[]): ModuleEdge {
  return { from: id(from), to: id(to), kind, line: 1, specifier: to, symbols };
}

const graph: ModuleGraph = {
  modules: [ONE, TWO, PAY, LOG, LOOSE].map((module) => ({ id: id(module), lines: 10, exports: [] })),
  edges: [
    edge(ONE, TWO, "value", [symbol("save", TWO, 3)]),
    edge(ONE, PAY, "value", [symbol("charge", PAY, 2), symbol("Receipt", PAY, 1, true)]),
    edge(TWO, PAY, "type", [symbol("Receipt", PAY, 1, true)]),
    edge(PAY, LOG, "value", [symbol("log", LOG, 4)]),
    edge(LOOSE, ONE, "value", []),
  ],
  externals: [],
  unresolved: [],
  syntaxErrors: [],
};

function coupling(from: string, to: string, weight: number, typeOnly = false): Coupling {
  return { from: id(from), to: id(to), weight, symbols: 1, typeOnly };
}

const boundaries: Boundaries = boundariesSchema.parse({
  version: 1,
  services: [
    { name: "orders", modules: [ONE, TWO], pinned: [], api: [] },
    { name: "payments", modules: [PAY, "src/payments/removed.ts"], pinned: [], api: [] },
  ],
  shared: { modules: [LOG], pinned: [] },
});

describe("scoreDecomposition", () => {
  it("counts value references as calls: re-exports and type-only uses are not calls", () => {
    expect(callsOf(graph)).toEqual([
      { from: ONE, to: TWO, weight: 3 },
      { from: ONE, to: PAY, weight: 2 },
      { from: PAY, to: LOG, weight: 4 },
      { from: LOOSE, to: ONE, weight: 1 },
    ]);
  });

  it("scores the services' modules only, and says how many it left out", () => {
    const report = scoreDecomposition({
      graph,
      couplings: [coupling(ONE, TWO, 2), coupling(ONE, PAY, 1), coupling(TWO, PAY, 0.3, true), coupling(PAY, ONE, 1, true), coupling(PAY, LOG, 1)],
      boundaries,
      reference: { kind: "expected-domains", labels: new Map([[ONE, "x"], [TWO, "x"], [PAY, "y"], [LOG, "z"]]), shared: 0 },
    });
    expect(report.modules).toEqual({ total: 5, scored: 3, shared: 1, unassigned: 1, unknown: 1 });
    // ICP: calls inside the partition 3 (orders) + 2 (orders → payments): 2/5.
    expect(report.overall.interCallPercentage).toBe(0.4);
    // IFN: payments publishes charge and Receipt; orders nothing: (2 + 0) / 2.
    expect(report.overall.interfaceNumber).toBe(1);
    // payments → orders is type-only: no runtime cycle.
    expect(report.overall.cyclicDependentPartitions).toBe(0);
    // Cut: 1 + 0.3 + 1 of 2 + 1 + 0.3 + 1 (the shared logger's edge left out) = 2.3 / 4.3.
    expect(report.overall.cutWeight.imports).toEqual({ cut: 2.3, total: 4.3, share: 0.5349 });
    expect(report.services.map((service) => [service.name, service.modules, service.interfaces])).toEqual([
      ["orders", 2, 0],
      ["payments", 1, 2],
    ]);
    expect(report.reference).toEqual({ kind: "expected-domains", compared: 3, onlyInProposal: 0, onlyInReference: 1, nmi: 1, ari: 1, mojo: 0, mojoFM: 100 });
    expect(Object.keys(report.overall.cutWeight)).toEqual(["imports"]);
    expect(report.overall.signalsOff).toEqual([]);
  });

  it("adds a cut weight per signal, rounded, and lists the signals that are off", () => {
    const report = scoreDecomposition({
      graph,
      couplings: [coupling(ONE, TWO, 2)],
      boundaries,
      signals: [{ name: "changes", pairs: modulePairs([[ONE, TWO, 1], [TWO, PAY, 2 / 3], [PAY, LOG, 5]]) }],
      signalsOff: [{ name: "data", note: "no tables" }],
    });
    // ONE–TWO inside orders; TWO–PAY between orders and payments; PAY–LOG has the shared logger.
    expect(report.overall.cutWeight).toEqual({
      imports: { cut: 0, total: 2, share: 0 },
      changes: { cut: 0.6667, total: 1.6667, share: 0.4 },
    });
    expect(report.overall.signalsOff).toEqual([{ name: "data", note: "no tables" }]);
  });
});
