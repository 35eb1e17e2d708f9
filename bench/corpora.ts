import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A real package pinned by exact version; see ../shared/CORPORA.md. */
export interface CorpusSpec {
  name: string;
  version: string;
  /** Folder holding the sources, relative to the package root ("." for the root). */
  src: string;
  /** A tsconfig (relative to the package root) that resolves without the package's monorepo. */
  tsconfig?: string;
  /** Built output shipped beside sources at the root; deleted so every tool sees only sources. */
  builtOutput?: string[];
}

export const CORPORA: readonly CorpusSpec[] = [
  { name: "rxjs", version: "7.8.2", src: "src", tsconfig: "tsconfig.json" },
  { name: "tldraw", version: "5.1.1", src: "src" },
  // ox's and viem's tsconfig.json extend ../tsconfig.base.json from their monorepo, which the
  // package does not ship, so the tools run without a tsconfig there.
  { name: "ox", version: "1.8.3", src: "src" },
  { name: "effect", version: "4.1.0", src: "src" },
  { name: "viem", version: "2.57.20", src: ".", builtOutput: ["_cjs", "_esm", "_types"] },
];

export interface Corpus {
  name: string;
  /** Absolute package root: the tools run from here. */
  root: string;
  /** Absolute source folder. */
  srcDir: string;
  tsconfig?: string;
}

/** Fetches `spec` with `npm pack` into `<baseDir>/<name>/` unless that exact version is there. */
export function fetchCorpus(spec: CorpusSpec, baseDir: string): Corpus {
  const root = join(baseDir, spec.name);
  const marker = join(root, ".bench-version");
  const wanted = `${spec.name}@${spec.version}`;
  if (!existsSync(marker) || readFileSync(marker, "utf8").trim() !== wanted) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    const packDir = mkdtempSync(join(tmpdir(), "bench-pack-"));
    try {
      const out = execFileSync("npm", ["pack", wanted, "--silent", "--pack-destination", packDir], { encoding: "utf8" });
      const tarball = out.trim().split("\n").pop() ?? "";
      execFileSync("tar", ["xzf", join(packDir, tarball), "-C", root, "--strip-components=1"]);
    } finally {
      rmSync(packDir, { recursive: true, force: true });
    }
    for (const folder of spec.builtOutput ?? []) rmSync(join(root, folder), { recursive: true, force: true });
    writeFileSync(marker, `${wanted}\n`);
  }
  return {
    name: spec.name,
    root,
    srcDir: join(root, spec.src),
    ...(spec.tsconfig ? { tsconfig: join(root, spec.tsconfig) } : {}),
  };
}
