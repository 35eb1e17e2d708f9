import type { SharedReason } from "../model/analysis-result.js";
import type { ModuleId } from "../model/module-id.js";
import { folderOf } from "../signals/module-roles.js";

export type { SharedReason };
/** Share of a module's own dependencies in one service that ties it to that service. */
const ANCHOR_SHARE = 0.4;


/** Directed dependencies: from -> to -> weight. */
export type Dependencies = Map<ModuleId, Map<ModuleId, number>>;

export function importersOf(dependencies: Dependencies): Map<ModuleId, Map<ModuleId, number>> {
  const importers = new Map<ModuleId, Map<ModuleId, number>>();
  for (const [from, targets] of dependencies) {
    for (const [to, weight] of targets) {
      const map = importers.get(to) ?? new Map<ModuleId, number>();
      map.set(from, weight);
      importers.set(to, map);
    }
  }
  return importers;
}

/**
 * Modules imported from (nearly) everywhere — logger, config, db — would glue every service
 * together; they are set apart before clustering.
 */
export function findHubs(nodes: ModuleId[], importers: Map<ModuleId, Map<ModuleId, number>>, fanInRatio: number): ModuleId[] {
  const minimum = Math.max(4, Math.ceil(fanInRatio * nodes.length));
  return nodes.filter((node) => (importers.get(node)?.size ?? 0) >= minimum);
}

/**
 * How a module's weight spreads over communities: the largest share and how many hold a real part
 * of it: 10 %, or half an even share when more than five communities use it (an id generator used
 * by eight services, each under 10 %, is used by eight, not by none).
 * Modules outside every community (shared ones) count as one community of their own when
 * `sharedCounts` is set: being used by the shared layer is a use like any other.
 */
function spreadOf(weights: Map<ModuleId, number> | undefined, communityOf: Map<ModuleId, number>, sharedCounts: boolean) {
  const byCommunity = new Map<number, number>();
  let total = 0;
  let members = 0;
  for (const [other, weight] of weights ?? []) {
    const community = communityOf.get(other) ?? (sharedCounts ? -1 : undefined);
    if (community === undefined) continue;
    members++;
    byCommunity.set(community, (byCommunity.get(community) ?? 0) + weight);
    total += weight;
  }
  if (total === 0) return { top: 1, significant: 0, members };
  const shares = [...byCommunity.values()].map((weight) => weight / total);
  const bar = Math.min(0.1, 0.5 / shares.length);
  return { top: Math.max(...shares), significant: shares.filter((share) => share >= bar).length, members };
}

/**
 * After clustering, two kinds of modules serve many services rather than one:
 * - "spread": used by modules of at least `spread` services (shared ones counting as one), none
 *   of which holds more than an even share, 1 / spread, of its use (a utility below the hub
 *   threshold), while its own dependencies do not lean on one service (40 % or more: that took
 *   planted neutral names at mixing 0.3 from 0.90 to 0.93 and legacy-shop from 0.989 to 1.000).
 *   A stricter half would also take domain models that several domains read, and on planted
 *   monoliths at mixing 0.3 it cost 0.05-0.1 NMI;
 * - "entry": imported by at most one module, it depends on many modules (4 x spread) spread over
 *   `spread` services, none holding half (a composition root such as app.ts, a router, a CLI
 *   entry); a controller that calls a few services is not one;
 * - "infrastructure": most of its importers are shared already (what db, logger and the
 *   composition root need: config, an error type), so it is part of the shared layer.
 * An orchestrator that depends on many services but is used within its own stays where it is.
 */
export function findSpreadModules(
  nodes: ModuleId[],
  dependencies: Dependencies,
  importers: Map<ModuleId, Map<ModuleId, number>>,
  communityOf: Map<ModuleId, number>,
  spread: number,
  hubs: Set<ModuleId> = new Set(),
): Map<ModuleId, "spread" | "entry" | "infrastructure"> {
  const hubFolders = new Set([...hubs].map(folderOf));
  const widelyUsed = new Set(
    nodes.filter((node) => {
      const used = spreadOf(importers.get(node), communityOf, true);
      // Beside a hub (utils/, lib/, db/) the bar is lower: no service may hold half of its use.
      const bar = hubFolders.has(folderOf(node)) ? 0.5 : 1 / spread;
      return used.members > spread && used.top < bar + 1e-9 && used.significant >= spread;
    }),
  );
  // Utilities lean on each other (ids on config, logger on dates); only the rest anchor a module,
  // so a utility that uses another goes to shared in this round rather than the next.
  const anchoring = new Map([...communityOf].filter(([node]) => !widelyUsed.has(node)));
  const result = new Map<ModuleId, "spread" | "entry" | "infrastructure">();
  for (const node of nodes) {
    const uses = spreadOf(dependencies.get(node), communityOf, false);
    if (widelyUsed.has(node)) {
      // A utility depends on nothing of any one service; a module whose own dependencies lean on
      // one (a widely read domain model) is that service's, however many services use it.
      const own = spreadOf(dependencies.get(node), anchoring, false);
      if (own.members === 0 || own.top < ANCHOR_SHARE) {
        result.set(node, "spread");
        continue;
      }
    }
    if ((importers.get(node)?.size ?? 0) <= 1 && uses.members >= 4 * spread && uses.top < 0.5 && uses.significant >= spread) {
      result.set(node, "entry");
      continue;
    }
    const allImporters = [...(importers.get(node)?.keys() ?? [])];
    const sharedImporters = allImporters.filter((importer) => !communityOf.has(importer)).length;
    if (sharedImporters >= 2 && sharedImporters > allImporters.length / 2) result.set(node, "infrastructure");
  }
  return result;
}
