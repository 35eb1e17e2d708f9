import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fetchCorpus } from "../corpora.js";
import type { PreparedCase } from "./prepare-planted-case.js";

/** One package of the scope: pinned by exact version, its `src/` is one true service. */
export interface ScopePackage {
  name: string;
  version: string;
}

/** Packages released together that import each other: merged, they are one codebase whose right split is known. */
export interface Scope {
  /** Folder name under the work directory. */
  id: string;
  /** How the table names the case. */
  label: string;
  packages: readonly ScopePackage[];
}

/**
 * Effect's platform-side packages (the 3.x line), released together and importing each other:
 * cluster uses rpc, sql, workflow and platform; cli uses platform and printer-ansi; sql uses
 * experimental. Each ships its TypeScript sources in `src/`.
 */
export const EFFECT_PACKAGES: readonly ScopePackage[] = [
  { name: "@effect/platform", version: "0.97.2" },
  { name: "@effect/experimental", version: "0.61.1" },
  { name: "@effect/sql", version: "0.52.1" },
  { name: "@effect/rpc", version: "0.76.2" },
  { name: "@effect/workflow", version: "0.19.1" },
  { name: "@effect/cluster", version: "0.60.2" },
  { name: "@effect/cli", version: "0.77.2" },
  { name: "@effect/printer-ansi", version: "0.51.0" },
];

export const EFFECT_SCOPE: Scope = { id: "scope-effect", label: `${EFFECT_PACKAGES.length} @effect packages merged`, packages: EFFECT_PACKAGES };

/**
 * tldraw 5.1.1 and the @tldraw packages it is built from, one release: tldraw uses editor, editor
 * uses store, tlschema, state and utils; tlschema uses store and utils. (@tldraw/validate, two
 * files, is left out.) Each ships its TypeScript sources in `src/`.
 */
export const TLDRAW_SCOPE: Scope = {
  id: "scope-tldraw",
  label: "6 tldraw packages merged",
  packages: [
    { name: "tldraw", version: "5.1.1" },
    { name: "@tldraw/editor", version: "5.1.1" },
    { name: "@tldraw/tlschema", version: "5.1.1" },
    { name: "@tldraw/store", version: "5.1.1" },
    { name: "@tldraw/state", version: "5.1.1" },
    { name: "@tldraw/utils", version: "5.1.1" },
  ],
};

/** Files decouple leaves out by default (tests, benchmarks, stories): not part of the reference either. */
const NOT_RUNTIME = /\.(?:test|spec|bench|stories)\.[mc]?[jt]sx?$|(?:^|\/)__tests__\//;

/**
 * Merges the packages' sources into one tree, `<root>/<short name>/src/`, with a tsconfig whose
 * `paths` send `@scope/pkg` and `@scope/pkg/*` to that package's sources, so the packages import
 * each other inside the tree. Tarballs are cached in `corporaDir` (skipped when present).
 */
export function prepareScopeCase(corporaDir: string, workDir: string, scope: Scope): PreparedCase {
  const { packages } = scope;
  const root = join(workDir, scope.id);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const expected = new Map<string, string>();
  const paths: Record<string, string[]> = {};
  for (const pkg of packages) {
    const corpus = fetchCorpus({ name: pkg.name, version: pkg.version, src: "src" }, corporaDir);
    const folder = pkg.name.split("/").pop() ?? pkg.name;
    const target = join(root, folder, "src");
    cpSync(corpus.srcDir, target, { recursive: true, filter: (source) => !/\.d\.[mc]?ts$/.test(source) });
    for (const file of listTypeScript(target)) {
      const module = relative(root, file).split(sep).join("/");
      if (!NOT_RUNTIME.test(module)) expected.set(module, pkg.name);
    }
    paths[pkg.name] = [`./${folder}/src/index.ts`];
    paths[`${pkg.name}/*`] = [`./${folder}/src/*`];
  }
  const tsconfig = {
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      paths,
    },
    include: packages.map((pkg) => `${pkg.name.split("/").pop() ?? pkg.name}/src`),
  };
  writeFileSync(join(root, "tsconfig.json"), `${JSON.stringify(tsconfig, null, 2)}\n`);
  writeFileSync(join(root, "package.json"), `${JSON.stringify({ name: "merged-scope", private: true, type: "module" }, null, 2)}\n`);
  const modules = Object.fromEntries([...expected].sort(([a], [b]) => (a < b ? -1 : 1)));
  const document = { version: 1, domains: packages.map((pkg) => pkg.name).sort(), modules };
  writeFileSync(join(root, "expected-domains.json"), `${JSON.stringify(document, null, 2)}\n`);
  return { root, expected };
}

function listTypeScript(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listTypeScript(full));
    else if (/\.[mc]?tsx?$/.test(entry.name)) files.push(full);
  }
  return files;
}
