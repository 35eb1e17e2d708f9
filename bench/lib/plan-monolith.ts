import type { Prng } from "./create-prng.js";
import { DOMAIN_WORDS, TOPICS, UTIL_NAMES } from "./vocabulary.js";

export type Layer = "controller" | "service" | "repository" | "model" | "util";
export type SymbolKind = "interface" | "type" | "function" | "class" | "const";
export type Naming = "domain" | "neutral";

export interface ExportedSymbol {
  name: string;
  kind: SymbolKind;
}

export interface PlannedImport {
  target: number;
  symbols: ExportedSymbol[];
}

export interface PlannedModule {
  index: number;
  /** Relative to the monolith root, forward slashes. */
  path: string;
  /** Planted domain, or "shared" for utilities. */
  domain: string;
  layer: Layer;
  /** Position among the modules of its domain and layer; for utilities, how much of a hub. */
  rank: number;
  /** Words for comments and string literals ("invoice audit" or "module 0042"). */
  label: string;
  exports: ExportedSymbol[];
  imports: PlannedImport[];
}

export interface PlanOptions {
  modules: number;
  domains: number;
  mixing: number;
  sharedShare: number;
  names: Naming;
}

export interface MonolithPlan {
  domains: string[];
  modules: PlannedModule[];
}

const FOLDERS: Record<Layer, string> = {
  controller: "controllers", service: "services", repository: "repositories", model: "models", util: "utils",
};

/**
 * Where each layer's domain imports go: mostly downward, some sideways (to a lower module index
 * only, so one layer stays acyclic) and rarely upward: those few type-only imports make cycles.
 */
const TARGET_LAYERS: Record<Exclude<Layer, "util">, readonly (readonly [Layer, number])[]> = {
  controller: [["service", 0.6], ["model", 0.25], ["repository", 0.08], ["controller", 0.07]],
  service: [["repository", 0.45], ["model", 0.3], ["service", 0.25]],
  repository: [["model", 0.85], ["repository", 0.15]],
  model: [["model", 0.98], ["service", 0.01], ["repository", 0.01]],
};

/** [min, max] domain imports and utility imports per layer: about 6 imports per file overall. */
const IMPORT_COUNTS: Record<Layer, { domain: [number, number]; util: [number, number] }> = {
  controller: { domain: [4, 7], util: [1, 3] },
  service: { domain: [4, 7], util: [1, 3] },
  repository: { domain: [3, 5], util: [1, 2] },
  model: { domain: [2, 4], util: [1, 2] },
  util: { domain: [0, 0], util: [0, 3] },
};

const LAYER_SHARES: readonly (readonly [Layer, number])[] = [
  ["model", 0.3], ["repository", 0.2], ["service", 0.3], ["controller", 0.2],
];

export function planMonolith(options: PlanOptions, rng: Prng): MonolithPlan {
  const domains = nameDomains(options.domains, rng);
  const sharedCount = options.sharedShare > 0 ? Math.max(1, Math.round(options.modules * options.sharedShare)) : 0;
  const domainModuleCount = options.modules - sharedCount;
  if (domainModuleCount < domains.length * 4) {
    throw new Error(`${options.modules} modules cannot hold ${domains.length} domains of at least 4 modules`);
  }
  const skeletons = layOutModules(domains, domainModuleCount, sharedCount, rng);
  const width = Math.max(4, String(options.modules).length);
  const modules = rng.shuffle(skeletons).map((skeleton, index) => nameModule(skeleton, index, width, options.names));
  planImports(modules, domains, options.mixing, rng);
  return { domains, modules };
}

function nameDomains(count: number, rng: Prng): string[] {
  if (count <= DOMAIN_WORDS.length) return rng.shuffle(DOMAIN_WORDS).slice(0, count);
  const pairs: string[] = [];
  for (const a of DOMAIN_WORDS) for (const b of DOMAIN_WORDS) if (a !== b) pairs.push(`${a}-${b}`);
  if (count > pairs.length) throw new Error(`at most ${pairs.length} domains`);
  return rng.shuffle(pairs).slice(0, count);
}

interface Skeleton {
  domain: string;
  layer: Layer;
  /** Position among the modules of the same domain and layer: picks the topic word. */
  ordinal: number;
  topics: readonly string[];
}

function layOutModules(domains: string[], domainModules: number, shared: number, rng: Prng): Skeleton[] {
  const weights = domains.map(() => 0.6 + 0.8 * rng.next());
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(4, Math.floor((domainModules * w) / totalWeight)));
  let rest = domainModules - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % sizes.length) {
    const size = sizes[i] ?? 0;
    if (rest > 0) { sizes[i] = size + 1; rest -= 1; } else if (size > 4) { sizes[i] = size - 1; rest += 1; }
  }
  const skeletons: Skeleton[] = [];
  domains.forEach((domain, d) => {
    const size = sizes[d] ?? 4;
    const topics = rng.shuffle(TOPICS);
    let left = size;
    LAYER_SHARES.forEach(([layer, share], i) => {
      const last = i === LAYER_SHARES.length - 1;
      const count = last ? left : Math.max(1, Math.min(left - (LAYER_SHARES.length - 1 - i), Math.round(size * share)));
      left -= count;
      for (let ordinal = 0; ordinal < count; ordinal += 1) skeletons.push({ domain, layer, ordinal, topics });
    });
  });
  for (let ordinal = 0; ordinal < shared; ordinal += 1) {
    skeletons.push({ domain: "shared", layer: "util", ordinal, topics: UTIL_NAMES });
  }
  return skeletons;
}

function nameModule(skeleton: Skeleton, index: number, width: number, names: Naming): PlannedModule {
  const { domain, layer, ordinal, topics } = skeleton;
  const base = { index, domain, layer, rank: ordinal, imports: [] };
  if (names === "neutral") {
    const id = String(index).padStart(width, "0");
    return {
      ...base,
      path: `src/${FOLDERS[layer]}/${layer}-${id}.ts`,
      label: `module ${id}`,
      exports: [
        { name: `Shape${id}`, kind: "interface" }, { name: `Kind${id}`, kind: "type" },
        { name: `fn${id}a`, kind: "function" }, { name: `fn${id}b`, kind: "function" },
        { name: `Cls${id}`, kind: "class" }, { name: `k${id}`, kind: "const" },
      ],
    };
  }
  const topic = topics[ordinal % topics.length] ?? "core";
  const round = Math.floor(ordinal / topics.length);
  const words = `${layer === "util" ? "" : `${domain}-`}${topic}${round > 0 ? `-${round + 1}` : ""}`;
  const suffix = layer === "util" ? "" : `-${layer}`;
  return {
    ...base,
    path: `src/${FOLDERS[layer]}/${words}${suffix}.ts`,
    label: words.replace(/-/g, " "),
    exports: exportsFor(layer, pascal(words)),
  };
}

function exportsFor(layer: Layer, s: string): ExportedSymbol[] {
  const c = s.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
  const names: Record<Layer, [string, string, string, string, string, string]> = {
    model: [s, `${s}Status`, `validate${s}`, `score${s}`, `${s}Factory`, `${c}_DEFAULTS`],
    repository: [`${s}Row`, `${s}Filter`, `find${s}Rows`, `count${s}Rows`, `${s}Repository`, `${c}_TABLE`],
    service: [`${s}ServiceOptions`, `${s}Outcome`, `calculate${s}Totals`, `reconcile${s}`, `${s}Service`, `${c}_POLICY`],
    controller: [`${s}Response`, `${s}RequestParams`, `handle${s}Request`, `render${s}View`, `${s}Controller`, `${c}_ROUTES`],
    util: [`${s}Options`, `${s}Mode`, `create${s}`, `apply${s}`, s, `${c}_SETTINGS`],
  };
  const [i, t, f1, f2, cls, k] = names[layer];
  return [
    { name: i, kind: "interface" }, { name: t, kind: "type" }, { name: f1, kind: "function" },
    { name: f2, kind: "function" }, { name: cls, kind: "class" }, { name: k, kind: "const" },
  ];
}

function pascal(words: string): string {
  return words.split("-").map((w) => (w[0] ?? "").toUpperCase() + w.slice(1)).join("");
}

function planImports(modules: PlannedModule[], domains: string[], mixing: number, rng: Prng): void {
  const pools = new Map<string, number[]>();
  // Utilities in rank order: logger and config first, so they become the hubs.
  const utils = modules.filter((m) => m.layer === "util").sort((a, b) => a.rank - b.rank).map((m) => m.index);
  for (const m of modules) {
    if (m.layer === "util") continue;
    const key = `${m.domain}:${m.layer}`;
    const pool = pools.get(key);
    if (pool === undefined) pools.set(key, [m.index]);
    else pool.push(m.index);
  }
  // Coupling in real code concentrates on a few neighbouring domains.
  const partners = new Map(domains.map((d) => [d, rng.shuffle(domains.filter((o) => o !== d)).slice(0, 3)]));
  for (const m of modules) {
    const chosen = new Set<number>([m.index]);
    const counts = IMPORT_COUNTS[m.layer];
    // A utility imports only lower-ranked utilities; the others draw skewed towards the hubs.
    const candidates = m.layer === "util" ? utils.slice(0, m.rank) : utils;
    const utilCount = Math.min(rng.int(...counts.util), candidates.length);
    for (let n = 0; n < utilCount; n += 1) {
      const target = candidates[Math.floor(candidates.length * rng.next() ** 2.5)];
      if (target !== undefined && !chosen.has(target)) add(m, target, chosen, rng, modules);
    }
    if (m.layer === "util") continue;
    const domainCount = rng.int(...counts.domain);
    const own = partners.get(m.domain) ?? [];
    const others = domains.filter((d) => d !== m.domain);
    for (let n = 0; n < domainCount; n += 1) {
      const cross = others.length > 0 && rng.chance(mixing);
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const layer: Layer = rng.weighted(TARGET_LAYERS[m.layer]);
        const domain = cross ? (rng.chance(0.7) ? rng.pick(own) : rng.pick(others)) : m.domain;
        const pool = pools.get(`${domain}:${layer}`);
        if (pool === undefined) continue;
        const target = rng.pick(pool);
        if (chosen.has(target) || (layer === m.layer && target > m.index)) continue;
        add(m, target, chosen, rng, modules);
        break;
      }
    }
  }
}

function add(m: PlannedModule, target: number, chosen: Set<number>, rng: Prng, modules: PlannedModule[]): void {
  const t = modules[target];
  if (t === undefined) return;
  chosen.add(target);
  const upward = layerRank(t.layer) > layerRank(m.layer);
  const candidates = upward ? t.exports.filter((s) => s.kind === "interface" || s.kind === "type") : t.exports;
  const count = Math.min(candidates.length, rng.weighted<number>([[1, 0.5], [2, 0.35], [3, 0.15]]));
  m.imports.push({ target, symbols: rng.shuffle(candidates).slice(0, count) });
}

function layerRank(layer: Layer): number {
  return { util: 0, model: 1, repository: 2, service: 3, controller: 4 }[layer];
}
