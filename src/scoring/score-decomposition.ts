import type { Coupling } from "../graph/build-coupling-graph.js";
import type { Boundaries } from "../model/boundaries.js";
import type { ModuleGraph } from "../model/module-graph.js";
import { parseModuleId, type ModuleId } from "../model/module-id.js";
import { adjustedRandIndex, normalizedMutualInformation } from "./compare-partitions.js";
import { computeCutWeights, type SignalPairs } from "./compute-cut-weight.js";
import { computeInstability } from "./compute-instability.js";
import { computeInterCallPercentage } from "./compute-inter-call-percentage.js";
import { computeInterfaceNumber, type SymbolUse } from "./compute-interface-number.js";
import { computeModularity } from "./compute-modularity.js";
import { mojoDistance, mojoFm } from "./compute-mojo.js";
import { computeNonExtremeDistribution, DEFAULT_SIZE_BOUNDS, type SizeBounds } from "./compute-non-extreme-distribution.js";
import { computeStructuralModularity } from "./compute-structural-modularity.js";
import { computeTurboMq } from "./compute-turbo-mq.js";
import { findCyclicPartitions } from "./find-cyclic-partitions.js";
import { membersOf, toPartition, type Dependency } from "../model/partition.js";
import type { Reference } from "./read-reference.js";
import { round } from "./round-score.js";
import type { ReferenceScore, ScoreReport, ServiceMetrics, SignalOff } from "../model/score-report.js";
import { compareKeys, compareStrings } from "../model/compare-strings.js";
import type { ServiceName } from "../model/service-name.js";

export type { ReferenceScore, ScoreReport, ServiceMetrics, SignalOff };

export interface ScoreInput {
  graph: ModuleGraph;
  couplings: Coupling[];
  boundaries: Boundaries;
  reference?: Reference | undefined;
  sizeBounds?: SizeBounds;
  /** Coupling signals beyond imports (change history, names, …): each gets a cut weight. */
  signals?: readonly SignalPairs[];
  /** Signals the config turns on that could not be gathered, and why (e.g. not a git repository). */
  signalsOff?: readonly SignalOff[];
}

/** Scores a decomposition of a codebase: every metric of docs/metrics.md, as data. */
export function scoreDecomposition(input: ScoreInput): ScoreReport {
  const known = new Set<string>(input.graph.modules.map((module) => module.id));
  const shared = new Set(input.boundaries.shared.modules.map((module) => parseModuleId(module)));
  const serviceOf = new Map<ModuleId, ServiceName>();
  const listed = new Set<string>(shared);
  for (const service of input.boundaries.services) {
    for (const entry of service.modules) {
      const module = parseModuleId(entry);
      listed.add(module);
      if (known.has(module) && !shared.has(module) && !serviceOf.has(module)) serviceOf.set(module, service.name);
    }
  }
  const partition = toPartition(new Map([...serviceOf].sort(compareKeys)));
  const coupling: Dependency[] = input.couplings;
  const runtime = input.couplings.filter((entry) => !entry.typeOnly);

  const turbo = computeTurboMq(partition, coupling);
  const sm = computeStructuralModularity(partition, coupling);
  const ifn = computeInterfaceNumber(partition, symbolUses(input.graph));
  const ned = computeNonExtremeDistribution(partition, input.sizeBounds ?? DEFAULT_SIZE_BOUNDS);
  const cycles = findCyclicPartitions(partition, runtime);
  const instability = computeInstability(partition, coupling);
  const inCycle = new Set(cycles.cycles.flat());
  const members = membersOf(partition);

  const services = partition.services.map((name): ServiceMetrics => {
    const size = members.get(name)?.length ?? 0;
    const coupled = instability.get(name);
    return {
      name,
      modules: size,
      clusterFactor: round(turbo.clusterFactor.get(name) ?? 0),
      cohesion: round(sm.cohesion.get(name) ?? 0),
      afferent: coupled?.afferent ?? 0,
      efferent: coupled?.efferent ?? 0,
      instability: coupled === undefined || coupled.instability === null ? null : round(coupled.instability),
      interfaces: ifn.interfaces.get(name) ?? 0,
      inCycle: inCycle.has(name),
      nonExtreme: size >= ned.bounds.min && size <= ned.bounds.max,
    };
  });
  const cutWeights = computeCutWeights(partition, coupling, input.signals ?? []);

  return {
    version: 1,
    modules: {
      total: known.size,
      scored: serviceOf.size,
      shared: [...shared].filter((module) => known.has(module)).length,
      unassigned: [...known].filter((module) => !listed.has(module)).length,
      unknown: [...listed].filter((module) => !known.has(module)).length,
    },
    overall: {
      services: partition.services.length,
      modularity: round(computeModularity(partition, coupling)),
      turboMQ: round(turbo.value),
      structuralModularity: round(sm.value),
      interCallPercentage: round(computeInterCallPercentage(partition, callsOf(input.graph)).value),
      interfaceNumber: round(ifn.value),
      nonExtremeDistribution: round(ned.value),
      nonExtremeBounds: ned.bounds,
      cyclicDependentPartitions: cycles.value,
      serviceCycles: cycles.cycles,
      cutWeight: Object.fromEntries([...cutWeights].map(([name, cut]) => [name, { cut: round(cut.cut), total: round(cut.total), share: round(cut.share) }])),
      signalsOff: [...(input.signalsOff ?? [])].sort((a, b) => compareStrings(a.name, b.name)),
    },
    services,
    reference: input.reference === undefined ? null : compareWithReference(partition.serviceOf, input.reference),
  };
}

function compareWithReference(proposal: ReadonlyMap<string, string>, reference: Reference): ReferenceScore {
  const compared = new Map([...proposal].filter(([module]) => reference.labels.has(module)));
  const expected = new Map([...reference.labels].filter(([module]) => compared.has(module)));
  return {
    kind: reference.kind,
    compared: compared.size,
    onlyInProposal: proposal.size - compared.size,
    onlyInReference: reference.labels.size - compared.size,
    nmi: round(normalizedMutualInformation(compared, expected)),
    ari: round(adjustedRandIndex(compared, expected)),
    mojo: mojoDistance(compared, expected),
    mojoFM: round(mojoFm(compared, expected)),
  };
}

/**
 * Value references from one module to the module that declares what it uses: the static stand-in
 * for the runtime calls ICP counts. Re-exports are not calls (their importers' uses are followed
 * through them); type-only uses vanish at runtime; an import without names counts once.
 */
export function callsOf(graph: ModuleGraph): Dependency[] {
  const calls = new Map<string, Dependency>();
  const add = (from: ModuleId, to: ModuleId, weight: number): void => {
    if (from === to) return;
    const key = `${from}\0${to}`;
    const call = calls.get(key);
    if (call === undefined) calls.set(key, { from, to, weight });
    else call.weight += weight;
  };
  for (const edge of graph.edges) {
    if (edge.kind === "re-export" || edge.kind === "type") continue;
    if (edge.symbols.length === 0) add(edge.from, edge.to, 1);
    for (const symbol of edge.symbols) if (!symbol.typeOnly) add(edge.from, symbol.declaredIn, symbol.uses);
  }
  return [...calls.values()];
}

/** Every use of a declared symbol across an edge; an import without names uses the module as "*". */
export function symbolUses(graph: ModuleGraph): SymbolUse[] {
  const uses: SymbolUse[] = [];
  for (const edge of graph.edges) {
    if (edge.symbols.length === 0) uses.push({ from: edge.from, declaredIn: edge.to, symbol: "*" });
    for (const symbol of edge.symbols) uses.push({ from: edge.from, declaredIn: symbol.declaredIn, symbol: symbol.declaredAs });
  }
  return uses;
}
