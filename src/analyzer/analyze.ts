import path from "node:path";
import { SHARED, type Boundaries } from "../model/boundaries.js";
import type { ModuleId } from "../model/module-id.js";
import type { ServiceName } from "../model/service-name.js";
import type { Config } from "../model/config.js";
import type { ModuleGraph } from "../model/module-graph.js";
import { proposePartition, type ModuleClusters, type PartitionOptions } from "../clustering/propose-partition.js";
import type { Dependencies } from "../clustering/detect-shared-modules.js";
import { openPartitionCache, partitionKey } from "./partition-cache.js";
import { scoreBoundaries } from "../scoring/score-boundaries.js";
import { buildBoundaries } from "./build-boundaries.js";
import { buildCouplingGraph, type Coupling } from "../graph/build-coupling-graph.js";
import { extractModuleGraph } from "../graph/extract-module-graph.js";
import { collectSignals } from "../signals/collect-signals.js";
import { tableUses } from "../signals/data-coupling.js";
import { explainServices } from "./explain-services.js";
import { measureStability } from "./measure-stability.js";
import { planExtraction } from "./plan-extraction.js";
import { tableOwnership } from "./table-ownership.js";
import { entityOfModules, readGraphRoles } from "../signals/entity-coupling.js";
import { findFeatureDeclarations } from "../signals/feature-declarations.js";
import { detectFolderShape } from "../signals/folder-shape.js";
import { deployableOf, findDeployables } from "../signals/find-deployables.js";
import { dropNameLinksAcrossDeployables } from "../signals/within-deployables.js";
import { findCycles } from "../graph/find-cycles.js";
import { nameServices } from "./name-services.js";
import { nameByFolder } from "./name-by-folder.js";
import { describeChanges, pinsOf, reconcileNames } from "./reconcile-boundaries.js";

export interface AnalyzeOptions {
  root: string;
  config: Config;
  /** The boundaries file from an earlier run (the user's edits): names and pins are kept. */
  previous?: Boundaries | undefined;
  /** Overrides of the config's clustering settings from the command line. */
  services?: number | undefined;
  seed?: number | undefined;
  workers?: number | undefined;
  /** Folder of the parse cache; undefined: no cache. */
  cacheDirectory?: string | undefined;
  /** Re-cluster with other seeds and resolutions to measure how stable each assignment is. */
  confidence?: boolean | undefined;
  onProgress?: (message: string) => void;
}

/** Signals read from names rather than code: they may not join deployables that never import each other. */
const NAME_SIGNALS = new Set(["names", "entities"]);

/** Alternative runs for the stability measure: (seed offset, resolution factor). */
const CONFIDENCE_RUNS: [number, number][] = [
  [1, 1],
  [2, 1],
  [3, 0.8],
  [4, 1.25],
  [5, 0.9],
  [6, 1.1],
];

import type { AnalysisResult, Stage, Warning } from "../model/analysis-result.js";
import { itemAt } from "../model/must-get.js";
import { compareKeys } from "../model/compare-strings.js";

export type { AnalysisResult, Stage, Warning };


/** The whole `analyze` pipeline, as data: discover, parse, resolve, weigh, cluster, name, score. */
export async function analyze(options: AnalyzeOptions): Promise<AnalysisResult> {
  const root = path.resolve(options.root);
  const progress = options.onProgress ?? (() => undefined);
  const timings: Partial<Record<Stage, number>> = {};
  const time = async <T>(stage: Stage, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings[stage] = Math.round(performance.now() - started);
    return result;
  };
  const { config } = options;
  const { graph, resolution, warnings, leftOut } = await extractModuleGraph({
    root,
    config,
    workers: options.workers,
    cacheDirectory: options.cacheDirectory,
    onProgress: progress,
    time,
  });

  const deployables = findDeployables(root, graph.modules.map((module) => module.id));
  const applications = deployables.filter((deployable) => deployable.kind === "application");
  const { couplings, barrels, signals } = await time("couple", async () => ({
    couplings: buildCouplingGraph(graph, config.weights),
    barrels: findBarrels(graph),
    signals: await collectSignals(root, graph, config),
  }));

  progress("proposing boundaries");
  const pins = pinsOf(options.previous);
  const { partition, names, cycles, alternatives, dependencies, nodes } = await time("cluster", () => {
    const nodes = graph.modules.map((module) => module.id);
    const roles = readGraphRoles(graph);
    const dependencies = dependenciesOf(couplings);
    const ownerOf = deployableOf(nodes, deployables);
    const clusteredSignals =
      deployables.length < 2
        ? signals.signals
        : signals.signals.map((signal) =>
            NAME_SIGNALS.has(signal.name) ? { ...signal, pairs: dropNameLinksAcrossDeployables(signal.pairs, ownerOf, dependencies) } : signal,
          );
    const known = new Set<ModuleId>(nodes);
    const pinnedGroups = new Map<ModuleId, string>([...pins].filter(([module]) => known.has(module)));
    for (const module of options.previous?.shared.pinned ?? []) if (known.has(module)) pinnedGroups.delete(module);
    // Applications a repository already deploys apart are services already: each is kept whole.
    if (applications.length >= 2 && !config.clustering.splitDeployables) {
      const sharedPins = new Set(options.previous?.shared.pinned ?? []);
      for (const [module, application] of deployableOf(nodes, applications)) {
        if (!pinnedGroups.has(module) && !sharedPins.has(module)) pinnedGroups.set(module, `\0deployable:${application.folder}`);
      }
    }
    const partitionOptions = {
      seed: options.seed ?? config.clustering.seed,
      resolution: config.clustering.resolution,
      runs: config.clustering.runs,
      minServiceSize: config.clustering.minServiceSize,
      services: options.services ?? config.clustering.services,
      sharedGlobs: [...config.shared.modules, ...(options.previous?.shared.pinned ?? [])],
      fanInRatio: config.shared.fanInRatio,
      spread: config.shared.spread,
      barrels,
      pinnedGroups,
      groupAnchors: new Map((options.previous?.services ?? []).map((service) => [service.name, service.modules])),
      signals: clusteredSignals,
      domainModules: new Set(entityOfModules(roles).keys()),
      featureDeclarations: findFeatureDeclarations(roles),
      constraints: config.constraints,
    };
    const cache = options.cacheDirectory === undefined ? undefined : openPartitionCache(options.cacheDirectory);
    const propose = (chosen: PartitionOptions): ModuleClusters => {
      if (cache === undefined) return proposePartition(nodes, dependencies, chosen);
      const key = partitionKey(nodes, dependencies, chosen);
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      const fresh = proposePartition(nodes, dependencies, chosen);
      cache.set(key, fresh);
      return fresh;
    };
    const partition = propose(partitionOptions);
    const alternatives = options.confidence
      ? CONFIDENCE_RUNS.map(
          ([seedOffset, resolution]) =>
            propose({
              ...partitionOptions,
              seed: partitionOptions.seed + seedOffset,
              resolution: partitionOptions.resolution * resolution,
            }).services,
        )
      : undefined;
    cache?.save();
    const exportsOf = new Map(graph.modules.map((module) => [module.id, module.exports]));
    const byFolder = nameByFolder(partition.services, nodes.length);
    const byWords = nameServices(
      partition.services.map((modules) => ({ modules, exports: exportsOf })),
      new Set([SHARED, ...byFolder.filter((name) => name !== undefined)]),
    );
    const proposed = byFolder.map((name, index) => name ?? itemAt(byWords, index));
    const names = reconcileNames(partition.services, proposed, options.previous, pins);
    return { partition, names, cycles: moduleCycles(graph), alternatives, dependencies, nodes };
  });

  const { boundaries, apiSymbols } = buildBoundaries({
    graph,
    services: partition.services.map((modules, index) => ({ name: itemAt(names, index), modules })),
    shared: [...partition.shared.keys()],
    pins,
    sharedPins: options.previous?.shared.pinned ?? [],
  });

  const scores = await time("score", () => {
    const serviceOf = new Map<ModuleId, ServiceName>();
    for (const service of boundaries.services) for (const module of service.modules) serviceOf.set(module, service.name);
    return scoreBoundaries({
      couplings,
      serviceOf,
      lines: new Map(graph.modules.map((module) => [module.id, module.lines])),
      apiSymbols,
      services: boundaries.services.map((service) => service.name),
      sharedModules: boundaries.shared.modules.length,
    });
  });

  const tables = tableOwnership(tableUses(graph.modules), boundaries);
  for (const table of tables) {
    // Seeds and migrations in shared write every table; only a split between services matters.
    const owners = table.writerServices.filter((service) => service !== SHARED);
    if (owners.length > 1) {
      warnings.push({ kind: "split-table", message: `table ${table.table} is written by ${owners.length} services: ${owners.join(", ")}` });
    }
  }
  for (const cycle of cycles) warnings.push({ kind: "cycle", message: `import cycle: ${cycle.join(" -> ")}` });
  for (const { warning } of signals.summary) if (warning !== undefined) warnings.push({ kind: "signal", message: warning });

  return {
    version: 1,
    resolution,
    graph,
    couplings,
    cycles,
    boundaries,
    signals: signals.summary,
    evidence: explainServices(boundaries.services, nodes, dependencies, signals.signals),
    stability: alternatives === undefined ? null : measureStability(boundaries.services, alternatives),
    tables,
    plan: planExtraction(graph, boundaries, tables),
    leftOut,
    deployables,
    folders: detectFolderShape(graph.modules.map((module) => module.id)),
    sharedReasons: Object.fromEntries([...partition.shared].sort(compareKeys)),
    scores,
    changes: options.previous === undefined ? null : describeChanges(options.previous, boundaries),
    warnings,
    timings,
  };
}

/** Modules that only re-export (index.ts barrels): they hold no logic of their own. */
function findBarrels(graph: ModuleGraph): Set<ModuleId> {
  const kinds = new Map<ModuleId, Set<string>>();
  for (const edge of graph.edges) {
    const set = kinds.get(edge.from) ?? new Set<string>();
    set.add(edge.kind);
    kinds.set(edge.from, set);
  }
  return new Set([...kinds].filter(([, set]) => set.size === 1 && set.has("re-export")).map(([module]) => module));
}

function dependenciesOf(couplings: Coupling[]): Dependencies {
  const dependencies: Dependencies = new Map();
  for (const coupling of couplings) {
    const targets = dependencies.get(coupling.from) ?? new Map<ModuleId, number>();
    targets.set(coupling.to, coupling.weight);
    dependencies.set(coupling.from, targets);
  }
  return dependencies;
}

/** Runtime import cycles between modules (type-only imports left out: they vanish at runtime). */
function moduleCycles(graph: ModuleGraph): string[][] {
  const successors = new Map<ModuleId, ModuleId[]>();
  for (const edge of graph.edges) {
    if (edge.kind === "type") continue;
    const list = successors.get(edge.from) ?? [];
    list.push(edge.to);
    successors.set(edge.from, list);
  }
  return findCycles(graph.modules.map((module) => module.id), successors);
}
