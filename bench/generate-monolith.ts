import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { commitHistory } from "./lib/commit-history.js";
import { createPrng } from "./lib/create-prng.js";
import type { Naming } from "./lib/plan-monolith.js";
import { planMonolith } from "./lib/plan-monolith.js";
import { renderModule } from "./lib/render-module.js";

export interface GenerateMonolithOptions {
  /** Output folder; emptied first. */
  dir: string;
  /** Total number of modules, utilities included (60 .. 50,000). */
  modules: number;
  /** Planted domains; default modules/40 clamped to [3, 400]. */
  domains?: number;
  /** Share (0..1) of each module's non-utility imports that go to other domains. */
  mixing: number;
  /** "neutral" keeps the structure but removes every domain word from names and code. */
  names?: Naming;
  seed?: number;
  /** Share of modules that are shared utilities (default 0.05). */
  sharedShare?: number;
  git?: { commits: number };
}

export interface GeneratedMonolith {
  files: number;
  imports: number;
  /** Module path (relative, forward slashes) -> planted domain, or "shared" for utilities. */
  expected: Record<string, string>;
}

/** Writes a layered TypeScript monolith with planted domains into `options.dir`. */
export function generateMonolith(options: GenerateMonolithOptions): GeneratedMonolith {
  const names = options.names ?? "domain";
  const domains = options.domains ?? Math.min(400, Math.max(3, Math.round(options.modules / 40)));
  if (options.mixing < 0 || options.mixing > 1) throw new Error("mixing must be within 0..1");
  const rng = createPrng(options.seed ?? 1);
  const plan = planMonolith(
    { modules: options.modules, domains, mixing: options.mixing, sharedShare: options.sharedShare ?? 0.05, names },
    rng,
  );
  rmSync(options.dir, { recursive: true, force: true });
  const folders = new Set(plan.modules.map((m) => dirname(join(options.dir, m.path))));
  for (const folder of folders) mkdirSync(folder, { recursive: true });
  let imports = 0;
  const expected: Record<string, string> = {};
  for (const m of plan.modules) {
    const rendered = renderModule(m, plan.modules, rng);
    writeFileSync(join(options.dir, m.path), rendered.source);
    imports += rendered.imports;
  }
  for (const m of [...plan.modules].sort((a, b) => (a.path < b.path ? -1 : 1))) expected[m.path] = m.domain;
  writeFileSync(join(options.dir, "tsconfig.json"), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  writeFileSync(join(options.dir, "package.json"), `${JSON.stringify(PACKAGE, null, 2)}\n`);
  const document = { version: 1, domains: [...plan.domains].sort(), modules: expected };
  writeFileSync(join(options.dir, "expected-domains.json"), `${JSON.stringify(document, null, 2)}\n`);
  if (options.git) commitHistory(options.dir, plan, options.git.commits, names === "neutral", rng);
  return { files: plan.modules.length, imports, expected };
}

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    lib: ["ES2023"],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  },
  include: ["src"],
};

const PACKAGE = { name: "generated-monolith", private: true, type: "module" };
