import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CORPORA, fetchCorpus } from "../corpora.js";
import { generateMonolith } from "../generate-monolith.js";
import type { BenchCase } from "./define-tools.js";

const BENCH = join(import.meta.dirname, "..");
const GENERATOR_FILES = ["commit-history.ts", "create-prng.ts", "plan-monolith.ts", "render-filler.ts", "render-module.ts", "vocabulary.ts"];
export const GENERATED_SIZES: readonly number[] = [1_000, 5_000, 10_000, 50_000];
export const CASE_NAMES: readonly string[] = [...CORPORA.map((c) => c.name), ...GENERATED_SIZES.map(monolithName)];

export function monolithName(modules: number): string {
  return `monolith-${modules / 1000}k`;
}

/** Fetches a corpus or generates a monolith (as a git repository), reusing what is already there. */
export function prepareCase(name: string): BenchCase {
  const spec = CORPORA.find((c) => c.name === name);
  if (spec) {
    const corpus = fetchCorpus(spec, join(BENCH, ".corpora"));
    return { ...corpus, decoupleDir: corpus.srcDir };
  }
  const modules = GENERATED_SIZES.find((n) => monolithName(n) === name);
  if (modules === undefined) throw new Error(`unknown case ${name}; cases: ${CASE_NAMES.join(", ")}`);
  const root = join(BENCH, ".work", name);
  const options = { dir: root, modules, mixing: 0.2, seed: 1, git: { commits: 100 } };
  // Regenerate when the options or the generator's code changed since the last run.
  const stamp = JSON.stringify({ ...options, dir: name, generator: hashGenerator() });
  const marker = `${root}.stamp`;
  if (!existsSync(marker) || readFileSync(marker, "utf8") !== stamp) {
    mkdirSync(join(BENCH, ".work"), { recursive: true });
    generateMonolith(options);
    writeFileSync(marker, stamp);
  }
  return { name, root, srcDir: join(root, "src"), tsconfig: join(root, "tsconfig.json"), decoupleDir: root };
}

function hashGenerator(): string {
  const hash = createHash("sha256");
  const files = ["generate-monolith.ts", ...GENERATOR_FILES.map((f) => `lib/${f}`)];
  for (const f of files) hash.update(readFileSync(join(BENCH, f)));
  return hash.digest("hex").slice(0, 16);
}
