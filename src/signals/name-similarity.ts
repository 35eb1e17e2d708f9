import { splitWords } from "./domain-words.js";
import { fileStem } from "./module-roles.js";
import { pairKey, splitPairKey, type PairKey } from "../model/pair-key.js";
import { itemAt } from "../model/must-get.js";
import type { ModuleId } from "../model/module-id.js";
import type { ModulePair } from "./signal.js";

/**
 * A weak signal: modules whose file names and exports share domain words (invoice-service.ts and
 * invoice-pdf.ts) probably belong together. Each shared word adds its inverse document frequency;
 * words on more than `maxModulesPerWord` modules say nothing about a domain and are skipped, which
 * also keeps the pair count linear in practice.
 */
export function nameSimilarity(
  modules: ModuleId[],
  exportsOf: ReadonlyMap<ModuleId, string[]>,
  maxModulesPerWord = 40,
): ModulePair[] {
  const modulesByWord = new Map<string, ModuleId[]>();
  for (const module of modules) {
    const base = fileStem(module);
    const words = new Set([...splitWords(base), ...(exportsOf.get(module) ?? []).flatMap((symbol) => splitWords(symbol))]);
    for (const word of words) {
      const members = modulesByWord.get(word);
      if (members === undefined) modulesByWord.set(word, [module]);
      else members.push(module);
    }
  }
  const weights = new Map<PairKey<ModuleId, ModuleId>, number>();
  for (const members of modulesByWord.values()) {
    if (members.length < 2 || members.length > maxModulesPerWord) continue;
    const idf = Math.log(modules.length / members.length);
    if (idf <= 0) continue;
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const [a, b] = orderPair(itemAt(members, i), itemAt(members, j));
        const key = pairKey(a, b);
        weights.set(key, (weights.get(key) ?? 0) + idf);
      }
    }
  }
  return [...weights].map(([key, weight]) => {
    const [a, b] = splitPairKey(key);
    return [a, b, weight];
  });
}

/** The two names in code-unit order, as Array.prototype.sort would put them. */
function orderPair(a: ModuleId, b: ModuleId): [ModuleId, ModuleId] {
  return a <= b ? [a, b] : [b, a];
}
