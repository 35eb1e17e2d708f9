import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { dependencyMap, moduleIds } from "../support/branded.js";
import { proposePartition } from "../../src/clustering/propose-partition.js";
import type { Dependencies } from "../../src/clustering/detect-shared-modules.js";
import { evaluateCheck, updatedBaseline, applyBaseline, type CheckResult } from "../../src/checker/check-boundaries.js";
import { toBaseline, type Baseline } from "../../src/checker/baseline.js";
import { boundariesSchema, type Boundaries } from "../../src/model/boundaries.js";
import type { Config } from "../../src/model/config.js";
import type { ModuleGraph } from "../../src/model/module-graph.js";
import { useProjectGraphs } from "../support/create-project.js";
import { partitionOptions } from "../support/partition-options.js";

/** A random dependency graph: up to 24 modules, weighted imports between them. */
const graphArbitrary = fc
  .integer({ min: 2, max: 24 })
  .chain((size) =>
    fc.record({
      nodes: fc.constant(moduleIds(Array.from({ length: size }, (_, index) => `src/m${String(index).padStart(2, "0")}.ts`))),
      edges: fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1), fc.integer({ min: 1, max: 5 })), { maxLength: size * 3 }),
    }),
  )
  .map(({ nodes, edges }) => ({ nodes, edges: edges.filter(([from, to]) => from !== to).map(([from, to, weight]) => [nodes[from] ?? "", nodes[to] ?? "", weight] as const) }));

function dependenciesOf(edges: readonly (readonly [string, string, number])[]): Dependencies {
  return dependencyMap(edges);
}

/** The partition in a form that does not depend on any order: each service's sorted modules, sorted; shared sorted. */
function canonical(partition: ReturnType<typeof proposePartition>): { services: string[][]; shared: string[] } {
  return { services: partition.services.map((service) => [...service].sort()).sort((a, b) => (a.join() < b.join() ? -1 : 1)), shared: [...partition.shared.keys()].sort() };
}

describe("properties of the proposal (fast-check)", () => {
  it("every module is in exactly one service or in shared", () => {
    fc.assert(
      fc.property(graphArbitrary, ({ nodes, edges }) => {
        const partition = proposePartition(nodes, dependenciesOf(edges), partitionOptions({ runs: 1 }));
        const placed = [...partition.services.flat(), ...partition.shared.keys()];
        expect(placed.sort()).toEqual([...nodes].sort());
      }),
      { numRuns: 60, seed: 13 },
    );
  });

  it("the proposal does not depend on the order modules are listed in (file-system order) nor on the order of imports", () => {
    fc.assert(
      fc.property(graphArbitrary, fc.integer(), ({ nodes, edges }, seed) => {
        const shuffle = <T>(items: readonly T[]): T[] => fc.sample(fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length }), { numRuns: 1, seed })[0] ?? [...items];
        const first = canonical(proposePartition(nodes, dependenciesOf(edges), partitionOptions({ runs: 2 })));
        const second = canonical(proposePartition(shuffle(nodes), dependenciesOf(shuffle(edges)), partitionOptions({ runs: 2 })));
        expect(second).toEqual(first);
      }),
      { numRuns: 40, seed: 13 },
    );
  });

  it("the proposal does not depend on the order of config entries (shared globs)", () => {
    fc.assert(
      fc.property(graphArbitrary, ({ nodes, edges }) => {
        const globs = ["src/m0*.ts", "src/m13.ts", "src/m2?.ts"];
        const first = canonical(proposePartition(nodes, dependenciesOf(edges), partitionOptions({ runs: 1, sharedGlobs: globs })));
        const second = canonical(proposePartition(nodes, dependenciesOf(edges), partitionOptions({ runs: 1, sharedGlobs: [...globs].reverse() })));
        expect(second).toEqual(first);
      }),
      { numRuns: 30, seed: 13 },
    );
  });
});

/** A small real codebase with imports in every direction, read once; boundaries are drawn at random over it. */
const FILES: Record<string, string> = {};
const MODULES = Array.from({ length: 8 }, (_, index) => `src/m${index}.ts`);
MODULES.forEach((module, index) => {
  const imports = [(index + 1) % 8, (index + 3) % 8, (index * 5 + 2) % 8].filter((target) => target !== index);
  FILES[module] = `${imports.map((target) => `import { v${target} } from "./m${target}.js";`).join("\n")}\nexport const v${index} = ${imports.map((target) => `v${target}`).join(" + ") || "0"};`;
});
let graph: ModuleGraph;
let config: Config;
const projectGraph = useProjectGraphs();
beforeAll(async () => {
  ({ graph, config } = await projectGraph(FILES));
});

const NAMES = ["svc-0", "svc-1", "svc-2", "svc-3"];
/** Each module in one of four services or in shared; some modules' symbols declared as API. */
const boundariesArbitrary = fc.record({ owners: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 8, maxLength: 8 }), api: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }) }).map(({ owners, api }): Boundaries =>
  boundariesSchema.parse({
    version: 1,
    services: NAMES.map((name, service) => {
      const modules = MODULES.filter((_, index) => owners[index] === service);
      return { name, modules, api: modules.filter((module) => api[MODULES.indexOf(module)]).map((module) => ({ module, symbol: `v${MODULES.indexOf(module)}`, usedBy: [] })) };
    }).filter((service) => service.modules.length > 0),
    shared: { modules: MODULES.filter((_, index) => owners[index] === -1) },
  }),
);

const EMPTY: Baseline = { version: 1, violations: [] };
const check = (boundaries: Boundaries, baseline: Baseline): CheckResult => evaluateCheck(graph, boundaries, config, baseline, { mode: "full", modules: graph.modules.length });

describe("properties of check and its baseline (fast-check)", () => {
  it("applying a baseline, then updating it, is idempotent: no new findings, nothing stale, the same baseline", () => {
    fc.assert(
      fc.property(boundariesArbitrary, (boundaries) => {
        const once = updatedBaseline(check(boundaries, EMPTY), EMPTY);
        const applied = check(boundaries, once);
        expect(applied.summary).toMatchObject({ errors: 0, warnings: 0, stale: 0 });
        expect(updatedBaseline(applied, once)).toEqual(once);
        expect(applyBaseline(applied, once)).toEqual(applied);
      }),
      { numRuns: 60, seed: 13 },
    );
  });

  it("renaming a service in both the boundaries file and the baseline changes nothing in the findings but the name", () => {
    const renamed = fc.shuffledSubarray(["alpha-x", "beta-y", "gamma-z", "delta-w", "omega-v"], { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(boundariesArbitrary, renamed, fc.boolean(), (boundaries, newNames, withBaseline) => {
        const rename = new Map(NAMES.map((name, index) => [name, newNames[index] ?? name]));
        const swap = (text: string): string => text.replace(/svc-\d/g, (name) => rename.get(name) ?? name);
        const baseline = withBaseline ? updatedBaseline(check(boundaries, EMPTY), EMPTY) : EMPTY;
        const renamedBoundaries = boundariesSchema.parse(JSON.parse(swap(JSON.stringify(boundaries))));
        const renamedBaseline = toBaseline(JSON.parse(swap(JSON.stringify(baseline.violations))));
        const before = check(boundaries, baseline);
        const after = check(renamedBoundaries, renamedBaseline);
        // Findings as a set (their order may follow names), each with its key normalised after renaming.
        const comparable = (result: CheckResult, rename: (text: string) => string): string[] =>
          result.violations.map((violation) => {
            const renamedViolation = JSON.parse(rename(JSON.stringify(violation))) as typeof violation;
            return JSON.stringify({ ...renamedViolation, key: toBaseline([renamedViolation.key]).violations[0] });
          }).sort();
        expect(comparable(after, (text) => text)).toEqual(comparable(before, swap));
        expect(after.summary).toEqual(before.summary);
      }),
      { numRuns: 60, seed: 13 },
    );
  });
});
