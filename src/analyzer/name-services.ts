import { slugToServiceName, type ServiceName } from "../model/service-name.js";
import { splitWords } from "../signals/domain-words.js";
import { fileStem } from "../signals/module-roles.js";
import { compareStrings } from "../model/compare-strings.js";

const FILE_NAME_WEIGHT = 2;

export interface NamingInput {
  modules: string[];
  /** Exported names per module. */
  exports: Map<string, string[]>;
}

/**
 * Names each service after the domain word that best tells it apart: frequent in its own file
 * names and exports (file names count double), rare in the other services' (tf-idf). Names are
 * unique; a service whose words are all taken gets its two best words joined.
 */
export function nameServices(services: NamingInput[], reserved: Set<string> = new Set()): ServiceName[] {
  const counts = services.map((service) => wordCounts(service));
  const documentFrequency = new Map<string, number>();
  // A word is common to services when it names files in several; export mentions (shipOrder in
  // shipping) must not make "order" everyone's word.
  for (const count of counts) {
    for (const [word, weight] of count) if (weight >= FILE_NAME_WEIGHT) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  }

  const ranked = counts.map((count) =>
    [...count]
      .map(([word, tf]) => ({ word, score: tf * Math.log(1 + services.length / (documentFrequency.get(word) ?? 1)) }))
      .sort((a, b) => b.score - a.score || compareStrings(a.word, b.word)),
  );
  const taken = new Set(reserved);
  const names: ServiceName[] = new Array(services.length);
  // Services with the clearest winner choose first.
  const order = ranked
    .map((words, index) => ({ index, strength: words[0]?.score ?? 0 }))
    .sort((a, b) => b.strength - a.strength || a.index - b.index);
  for (const { index } of order) {
    const words = ranked[index] ?? [];
    const free = words.find(({ word }) => !taken.has(word));
    let name = free === undefined ? undefined : withQualifier(free.word, services[index]?.modules ?? [], taken);
    if (name === undefined || (free !== undefined && words[0] !== undefined && free.score < words[0].score * 0.5)) {
      name = words.slice(0, 2).map(({ word }) => word).join("-") || "service";
    }
    let candidate = name;
    for (let suffix = 2; taken.has(candidate); suffix++) candidate = `${name}-${suffix}`;
    taken.add(candidate);
    names[index] = slugToServiceName(candidate);
  }
  return names;
}

/** Share of the files naming a word that must put the same word before it for the pair to name the service. */
const QUALIFIER_SHARE = 0.6;

/**
 * A word its files always qualify names the service with its qualifier: `create-order-edit.ts`,
 * `confirm-order-edit.ts` make `order-edit`, not `edit`; `tax-rates/` makes `tax-rate`. The
 * qualifier is the domain word just before it in a file name, in most of the files that name it.
 */
function withQualifier(word: string, modules: readonly string[], taken: ReadonlySet<string>): string {
  const before = new Map<string, number>();
  let naming = 0;
  for (const module of modules) {
    const words = splitWords(fileStem(module));
    const at = words.indexOf(word);
    if (at < 0) continue;
    naming++;
    const qualifier = words[at - 1];
    if (qualifier !== undefined && qualifier !== word) before.set(qualifier, (before.get(qualifier) ?? 0) + 1);
  }
  const [best] = [...before].sort(([a, x], [b, y]) => y - x || compareStrings(a, b));
  if (best === undefined || naming < 2 || best[1] < QUALIFIER_SHARE * naming) return word;
  const pair = `${best[0]}-${word}`;
  return taken.has(pair) ? word : pair;
}

function wordCounts(service: NamingInput): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (word: string, weight: number): void => {
    counts.set(word, (counts.get(word) ?? 0) + weight);
  };
  // A file name says what a module is about; exports say it again in many small ways, so each
  // module's export words count once (and less than its name), however many symbols repeat them.
  for (const module of service.modules) {
    const base = fileStem(module);
    for (const word of new Set(splitWords(base))) add(word, FILE_NAME_WEIGHT);
    const exported = new Set((service.exports.get(module) ?? []).flatMap((symbol) => splitWords(symbol)));
    for (const word of exported) add(word, 0.5);
  }
  return counts;
}
