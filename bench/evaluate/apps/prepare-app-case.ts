import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fetchCorpus } from "../../corpora.js";
import type { AppCase } from "./app-cases.js";
import { SOURCE_FILE } from "./truth-rules.js";

/** Where the sources of the app cases come from, in the order they are tried. */
export interface AppSources {
  /** A folder holding `<case id>/` checkouts made elsewhere (`DECOUPLE_APPS_DIR`), for machines without the mirrors. */
  appsDir: string | undefined;
  /** The git-ignored cache the benchmark checks cases out into. */
  cacheDir: string;
  /** Bare git mirrors, `<owner>+<name>/repo` (the search tool's `fetch` puts them in /work/.mirror). */
  mirrorDir: string;
}

export type PreparedApp =
  | { status: "ready"; checkout: string; root: string; origin: string }
  | { status: "absent"; reason: string };

const MARKER = ".bench-commit";

/**
 * Finds or makes the checkout of `app`: the apps folder first, then the cache (when it holds that
 * commit), then `git archive` from the mirror into the cache, with the npm packages its tsconfigs
 * extend (`npm pack`, from the registry). Never fetches code from anywhere else.
 */
export function prepareAppCase(app: AppCase, sources: AppSources): PreparedApp {
  const ready = (checkout: string, origin: string): PreparedApp => ({ status: "ready", checkout, root: join(checkout, app.folder), origin });
  if (sources.appsDir !== undefined) {
    const given = join(sources.appsDir, app.id);
    if (existsSync(join(given, app.folder))) return ready(given, `${given} (DECOUPLE_APPS_DIR)`);
  }
  const cached = join(sources.cacheDir, app.id);
  const marker = join(cached, MARKER);
  // The cache holds this commit and these tsconfig packages, or is made again.
  const wanted = [app.commit, ...(app.tsconfigPackages ?? []).map((pkg) => `${pkg.name}@${pkg.version}`)].join("\n");
  if (existsSync(marker) && readFileSync(marker, "utf8").trim() === wanted) return ready(cached, `${cached} (cache)`);
  const gitDir = join(sources.mirrorDir, app.repo.replace("/", "+"), "repo");
  if (!existsSync(gitDir)) {
    const appsDir = sources.appsDir === undefined ? "DECOUPLE_APPS_DIR unset" : `nothing at ${join(sources.appsDir, app.id)}`;
    return { status: "absent", reason: `no checkout (${appsDir}), no cache of ${app.commit.slice(0, 12)} at ${cached}, no mirror at ${gitDir}` };
  }
  try {
    execFileSync("git", ["--git-dir", gitDir, "cat-file", "-e", `${app.commit}^{commit}`], { stdio: "ignore" });
  } catch {
    return { status: "absent", reason: `the mirror at ${gitDir} lacks commit ${app.commit}` };
  }
  rmSync(cached, { recursive: true, force: true });
  mkdirSync(cached, { recursive: true });
  const archive = execFileSync("git", ["--git-dir", gitDir, "archive", "--format=tar", app.commit, ...app.checkout], { maxBuffer: 1 << 30 });
  execFileSync("tar", ["-x", "-C", cached], { input: archive, maxBuffer: 1 << 30 });
  for (const pkg of app.tsconfigPackages ?? []) {
    const corpus = fetchCorpus({ ...pkg, src: "." }, join(sources.cacheDir, ".packages"));
    cpSync(corpus.root, join(cached, "node_modules", pkg.name), { recursive: true });
  }
  writeFileSync(marker, `${wanted}\n`);
  return ready(cached, `${gitDir} at ${app.commit.slice(0, 12)} (checked out into ${cached})`);
}

/** Source files under `root`, root-relative with forward slashes, sorted; node_modules skipped. */
export function listSourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === ".git") continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && SOURCE_FILE.test(entry.name)) files.push(relative(root, full).split(sep).join("/"));
    }
  };
  walk(root);
  return files.sort();
}
