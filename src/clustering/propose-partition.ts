import picomatch from "picomatch";
import type { ModulePair, Signal } from "../signals/signal.js";
import type { ModuleId } from "../model/module-id.js";
import { applyConstraints, apartRules, type Constraints } from "./apply-constraints.js";
import { findHubs, findSpreadModules, importersOf, type Dependencies, type SharedReason } from "./detect-shared-modules.js";
import { mergeSmallServices } from "./merge-small-services.js";
import { mergeTiny, mergeToCount, splitDisconnected } from "./refine-communities.js";
import { renumber, runLouvain } from "./run-louvain.js";
import { settleBoundaryModules } from "./settle-boundary-modules.js";
import { splitLooseCommunities } from "./split-loose-communities.js";
import { buildWeightedGraph, inducedGraph, type WeightedGraph } from "./weighted-graph.js";
import { mustGet } from "../model/must-get.js";
import { compareKeys, compareStrings } from "../model/compare-strings.js";

export interface PartitionOptions {
  seed: number;
  resolution: number;
  runs: number;
  minServiceSize: number;
  services?: number | undefined;
  sharedGlobs: string[];
  fanInRatio: number;
  spread: number;
  /** Modules whose only dependencies are re-exports: they move no logic and belong to no one service. */
  barrels: ReadonlySet<ModuleId>;
  /** Modules a person fixed to a group (by any stable key): they are kept together and out of shared. */
  pinnedGroups?: Map<ModuleId, string>;
  /** Per pinned group, the modules that were in it before (unpinned ones): where the group lives now. */
  groupAnchors?: Map<string, ModuleId[]>;
  /** The user's together/apart/size rules. */
  constraints?: Constraints;
  /**
   * Modules with a domain of their own (named after one of the codebase's entities: a model, its
   * repository, its route): never set apart as hubs or spread utilities, however widely used.
   */
  domainModules?: ReadonlySet<ModuleId>;
  /**
   * Modules that declare a feature or serve its API (a NestJS module, a controller beside its
   * service): they stay with their feature however many features they import; only a hub's fan-in
   * sets them apart.
   */
  featureDeclarations?: ReadonlySet<ModuleId>;
  /** Coupling beyond imports (history, names, data, coverage): scaled so the average pair weighs `weight` x the average import pair. */
  signals?: Signal[];
}

const MAX_ROUNDS = 4;

/**
 * What clustering proposes: groups of modules, not yet named (the analyzer names them), and the
 * modules set apart as shared. Not a `Partition` (src/model/partition.ts), which maps modules to
 * named services.
 */
export interface ModuleClusters {
  /** Each future service's modules, sorted; groups sorted by their first module. */
  services: ModuleId[][];
  shared: Map<ModuleId, SharedReason>;
}

/**
 * Groups modules into services: hubs, barrels and configured modules go to shared first, seeded
 * Louvain clusters the rest, then disconnected and loosely joined communities are split, tiny ones
 * merged, modules on the edges settled, spread modules moved to shared, and the count brought to
 * `services` when asked for.
 */
export function proposePartition(nodes: ModuleId[], dependencies: Dependencies, options: PartitionOptions): ModuleClusters {
  const graph = withSignals(undirectedGraph(nodes, dependencies), options.signals ?? []);
  const shared = new Map<ModuleId, SharedReason>();
  const pinned = options.pinnedGroups ?? new Map<ModuleId, string>();
  const isConfigured = picomatch(options.sharedGlobs.length > 0 ? options.sharedGlobs : ["\0never"], { dot: true });
  for (const node of graph.nodes) {
    if (pinned.has(node)) continue;
    if (isConfigured(node)) shared.set(node, "configured");
    else if (options.barrels.has(node)) shared.set(node, "barrel");
  }
  const importers = importersOf(dependencies);
  const ownDomain = options.domainModules ?? new Set<ModuleId>();
  const declarations = options.featureDeclarations ?? new Set<ModuleId>();
  for (const hub of findHubs(graph.nodes, importers, options.fanInRatio)) {
    if (!shared.has(hub) && !pinned.has(hub) && !ownDomain.has(hub)) shared.set(hub, "hub");
  }
  const hubs = new Set([...shared].filter(([, reason]) => reason === "hub" || reason === "configured").map(([node]) => node));

  const partners = strongPartners(graph.nodes, dependencies, options.signals ?? []);
  let communityOf = new Map<ModuleId, number>();
  // Modules that turn out to serve many services are set apart and the rest re-clustered, until
  // no more turn up (each round can only add to shared, so this ends).
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const rest = withoutIsolated(inducedGraph(graph, graph.nodes.filter((node) => !shared.has(node))), partners, pinned, shared);
    communityOf = clusterOnce(rest, options, pinned);
    if (round === MAX_ROUNDS - 1) break;
    const spread = [...findSpreadModules(rest.nodes, dependencies, importers, communityOf, options.spread, hubs)].filter(
      ([node]) => !pinned.has(node) && !ownDomain.has(node) && !declarations.has(node),
    );
    // A handful more shared modules does not change the picture; another round would cost a full clustering.
    if (spread.length < Math.max(1, rest.nodes.length * 0.002)) break;
    for (const [node, reason] of spread) shared.set(node, reason);
  }

  // The user's constraints come last, so no later pass undoes them; pins still win over them.
  if (options.constraints !== undefined) {
    const rest = inducedGraph(graph, graph.nodes.filter((node) => !shared.has(node)));
    communityOf = applyConstraints(rest, communityOf, options.constraints, options.seed);
    if (options.constraints.minServiceSize !== undefined) {
      // Coupling through shared modules counts here: a small group may hang on the rest only there.
      const merged = mergeSmallServices(graph, communityOf, options.constraints.minServiceSize, apartRules(options.constraints.apart));
      communityOf = merged.communityOf;
      let next = Math.max(-1, ...communityOf.values()) + 1;
      // Pins win: a pinned module stays in a service (applyPins finds its group one).
      for (const node of merged.uncoupled) {
        if (pinned.has(node)) communityOf.set(node, next++);
        else shared.set(node, "isolated");
      }
    }
    communityOf = applyPins(communityOf, pinned, options.groupAnchors ?? new Map());
  }

  const groups = new Map<number, ModuleId[]>();
  for (const [node, community] of communityOf) {
    if (shared.has(node)) continue;
    const list = groups.get(community) ?? [];
    list.push(node);
    groups.set(community, list);
  }
  const services = [...groups.values()].map((list) => list.sort()).sort((a, b) => compareStrings(a[0] ?? "", b[0] ?? ""));
  return { services, shared };
}

/**
 * The undirected graph Louvain sees: both directions of a dependency summed. Hubs are already set
 * apart by then; damping the rest by fan-in (tried: weight / sqrt(importers)) cost 0.02-0.08 NMI on
 * planted monoliths and the merged @effect packages once spread detection handled utilities.
 */
export function undirectedGraph(nodes: ModuleId[], dependencies: Dependencies): WeightedGraph {
  const known = new Set(nodes);
  const pairs: ModulePair[] = [];
  for (const [from, targets] of dependencies) {
    if (!known.has(from)) continue;
    for (const [to, weight] of targets) {
      if (known.has(to)) pairs.push([from, to, weight]);
    }
  }
  return buildWeightedGraph(nodes, pairs);
}

/**
 * Adds each signal's pairs, scaled so that with weight 1 the signal's average pair weighs as much
 * as the average import pair: signals in different units (commits, shared words, tables) become
 * comparable, and a sparse signal (a few tables) adds a few edges of ordinary strength rather than
 * a few overwhelming ones.
 */
export function withSignals(graph: WeightedGraph, signals: Signal[]): WeightedGraph {
  if (signals.length === 0) return graph;
  const pairs: ModulePair[] = graph.edges.map((edge) => [edge.a, edge.b, edge.weight]);
  for (const signal of scaleSignals(graph, signals)) pairs.push(...signal.pairs);
  return buildWeightedGraph(graph.nodes, pairs);
}

/**
 * Each signal's pairs among the graph's nodes, in the units of the import weights. A signal's
 * whole weight is also capped at `weight` times the imports' whole weight: a dense signal
 * (coverage couples every pair of modules one test file runs) would otherwise drown the structure.
 * On legacy-shop with `--coverage` it did (NMI 0.43; capped, 1.000). Name similarity is exempt: it
 * is weak per pair by design (weight 0.2), and capping it too cost legacy-shop 0.2 NMI.
 */
export function scaleSignals(graph: WeightedGraph, signals: Signal[]): Signal[] {
  const importTotal = graph.edges.reduce((sum, edge) => sum + edge.weight, 0);
  const importMean = graph.edges.length === 0 ? 1 : importTotal / graph.edges.length;
  const known = new Set(graph.nodes);
  return signals.map((signal) => {
    const relevant = signal.pairs.filter(([a, b, weight]) => known.has(a) && known.has(b) && a !== b && weight > 0);
    const total = relevant.reduce((sum, [, , weight]) => sum + weight, 0);
    const perPair = total === 0 ? 0 : (signal.weight * importMean * relevant.length) / total;
    const whole = signal.weak === true || total === 0 || importTotal === 0 ? perPair : (signal.weight * importTotal) / total;
    const scale = Math.min(perPair, whole);
    return { ...signal, pairs: relevant.map(([a, b, weight]): ModulePair => [a, b, weight * scale]) };
  });
}

/**
 * Each module's partners by imports and by every signal but the weak ones: what can tie it to a
 * service. Name similarity alone would pair up files that share a word and nothing else (viem's
 * 754 chain definitions became 115 two-module services).
 */
function strongPartners(nodes: ModuleId[], dependencies: Dependencies, signals: Signal[]): Map<ModuleId, Set<ModuleId>> {
  const known = new Set(nodes);
  const partners = new Map<ModuleId, Set<ModuleId>>();
  const link = (a: ModuleId, b: ModuleId): void => {
    if (a === b || !known.has(a) || !known.has(b)) return;
    partners.set(a, (partners.get(a) ?? new Set<ModuleId>()).add(b));
    partners.set(b, (partners.get(b) ?? new Set<ModuleId>()).add(a));
  };
  for (const [from, targets] of dependencies) for (const [to, weight] of targets) if (weight > 0) link(from, to);
  for (const signal of signals) {
    if (signal.weak === true || signal.weight <= 0) continue;
    for (const [a, b, weight] of signal.pairs) if (weight > 0) link(a, b);
  }
  return partners;
}

/** Modules with no strong coupling left (all their partners are shared) join shared as "isolated". */
function withoutIsolated(graph: WeightedGraph, partners: Map<ModuleId, Set<ModuleId>>, pinned: Map<ModuleId, string>, shared: Map<ModuleId, SharedReason>): WeightedGraph {
  const linked = (node: ModuleId): boolean => {
    for (const partner of partners.get(node) ?? []) if (!shared.has(partner)) return true;
    return false;
  };
  const isolated = graph.nodes.filter((node) => !pinned.has(node) && !linked(node));
  for (const node of isolated) shared.set(node, "isolated");
  return inducedGraph(graph, graph.nodes.filter((node) => !shared.has(node)));
}

function clusterOnce(graph: WeightedGraph, options: PartitionOptions, pinned: Map<ModuleId, string>): Map<ModuleId, number> {
  let resolution = options.resolution;
  // Extra runs buy a little modularity on small graphs; on big ones a single run is already stable
  // and each run costs seconds, so the runs shrink as the graph grows (4 up to 5k modules, 1 at 20k+).
  const runs = Math.max(1, Math.min(options.runs, Math.floor(20_000 / Math.max(1, graph.nodes.length))));
  let communityOf = refine(graph, runLouvain(graph, { seed: options.seed, resolution, runs }), options, pinned);
  if (options.services !== undefined) {
    // Too few communities: raise the resolution until there are enough, then merge down to the count.
    for (let attempt = 0; attempt < 12 && new Set(communityOf.values()).size < options.services; attempt++) {
      resolution *= 1.4;
      communityOf = refine(graph, runLouvain(graph, { seed: options.seed, resolution, runs }), options, pinned);
    }
    communityOf = mergeToCount(graph, communityOf, options.services);
  }
  return communityOf;
}

function refine(
  graph: WeightedGraph,
  communityOf: Map<ModuleId, number>,
  options: PartitionOptions,
  pinned: Map<ModuleId, string>,
): Map<ModuleId, number> {
  let result = splitDisconnected(graph, communityOf);
  result = splitLooseCommunities(graph, result, options.seed);
  result = mergeTiny(graph, result, options.minServiceSize);
  result = settleBoundaryModules(graph, result, options.minServiceSize);
  return applyPins(result, pinned, options.groupAnchors ?? new Map());
}

/**
 * Pinned modules override the clustering: every pinned group becomes (or joins) the community that
 * holds most of its modules already, or a new community of its own.
 */
function applyPins(communityOf: Map<ModuleId, number>, pinned: Map<ModuleId, string>, anchors: Map<string, ModuleId[]>): Map<ModuleId, number> {
  if (pinned.size === 0) return communityOf;
  const result = new Map(communityOf);
  const byGroup = new Map<string, ModuleId[]>();
  for (const [node, group] of [...pinned].sort(compareKeys)) {
    if (!result.has(node)) continue;
    byGroup.set(group, [...(byGroup.get(group) ?? []), node]);
  }
  let next = Math.max(-1, ...result.values()) + 1;
  const taken = new Set<number>();
  for (const [group, nodes] of [...byGroup].sort(compareKeys)) {
    // The group's other modules say where it lives now; with none, its pinned modules vote.
    const anchored = (anchors.get(group) ?? []).filter((node) => !pinned.has(node) && communityOf.has(node));
    const votes = new Map<number, number>();
    for (const node of anchored.length > 0 ? anchored : nodes) {
      const community = mustGet(communityOf, node);
      votes.set(community, (votes.get(community) ?? 0) + 1);
    }
    const [winner] = [...votes].filter(([community]) => !taken.has(community)).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const target = winner?.[0] ?? next++;
    taken.add(target);
    for (const node of nodes) result.set(node, target);
  }
  return renumber(result);
}
