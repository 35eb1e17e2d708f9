import { join } from "node:path";
import { generateMonolith } from "../generate-monolith.js";
import type { Naming } from "../lib/plan-monolith.js";

export interface PlantedOptions {
  modules: number;
  mixing: number;
  names: Naming;
  seed: number;
}

export interface PreparedCase {
  root: string;
  /** Module (root-relative, forward slashes) -> true domain, or "shared". */
  expected: Map<string, string>;
}

/** Generates one planted monolith (no git history) under `workDir`; default domain count (modules / 40). */
export function preparePlantedCase(workDir: string, options: PlantedOptions): PreparedCase {
  const root = join(workDir, `planted-${options.names}-m${options.mixing.toFixed(1)}-s${options.seed}`);
  const generated = generateMonolith({
    dir: root,
    modules: options.modules,
    mixing: options.mixing,
    names: options.names,
    seed: options.seed,
  });
  return { root, expected: new Map(Object.entries(generated.expected)) };
}
