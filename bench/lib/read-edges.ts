import { createReadStream, readFileSync, statSync } from "node:fs";
import { posix } from "node:path";
import { createInterface } from "node:readline";
import type { Edge } from "./diff-edges.js";

/** Files (relative to the case root) that count as "within the corpus". */
export type CorpusFiles = ReadonlySet<string>;

function edgeSet(pairs: Iterable<readonly [string, string]>, files: CorpusFiles): Set<Edge> {
  const out = new Set<Edge>();
  for (const [from, to] of pairs) if (files.has(from) && files.has(to) && from !== to) out.add(`${from} -> ${to}`);
  return out;
}

/** madge --json: { "file": ["dep", ...] }, both relative to the folder it was given. */
export function readMadgeEdges(file: string, srcRel: string, files: CorpusFiles): Set<Edge> {
  const tree = JSON.parse(readFileSync(file, "utf8")) as Record<string, string[]>;
  const pairs: [string, string][] = [];
  for (const [from, deps] of Object.entries(tree)) {
    for (const to of deps) pairs.push([posix.join(srcRel, from), posix.join(srcRel, to)]);
  }
  return edgeSet(pairs, files);
}

interface DecoupleDocument {
  graph?: { edges?: { from?: string; to?: string }[] };
}

/** decouple analyze --format json: graph.edges[].from/to, relative to the analysed folder. */
export function readDecoupleEdges(file: string, analysedRel: string, files: CorpusFiles): Set<Edge> {
  const doc = JSON.parse(readFileSync(file, "utf8")) as DecoupleDocument;
  const edges = doc.graph?.edges;
  if (!Array.isArray(edges)) throw new Error("decouple output has no graph.edges array");
  const pairs: [string, string][] = [];
  for (const e of edges) if (e.from && e.to) pairs.push([posix.join(analysedRel, e.from), posix.join(analysedRel, e.to)]);
  return edgeSet(pairs, files);
}

interface CruiseDocument {
  modules: { source: string; dependencies: { resolved: string }[] }[];
}

/**
 * depcruise -T json, run from the case root. Its JSON repeats every cycle path on every circular
 * dependency, so on big tangled graphs it outgrows V8's string limit: above 256 MB the file is
 * read line by line, relying on its fixed pretty-printing (module "source" at 6 spaces,
 * dependency "resolved" at 10).
 */
export async function readDepcruiseEdges(file: string, files: CorpusFiles): Promise<Set<Edge>> {
  const pairs: [string, string][] = [];
  if (statSync(file).size < 256 * 1024 * 1024) {
    const doc = JSON.parse(readFileSync(file, "utf8")) as CruiseDocument;
    for (const m of doc.modules) for (const d of m.dependencies) pairs.push([m.source, d.resolved]);
    return edgeSet(pairs, files);
  }
  let source = "";
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.startsWith('      "source": ')) source = JSON.parse(line.slice(16).replace(/,$/, "")) as string;
    else if (line.startsWith('          "resolved": ')) pairs.push([source, JSON.parse(line.slice(22).replace(/,$/, "")) as string]);
  }
  return edgeSet(pairs, files);
}
