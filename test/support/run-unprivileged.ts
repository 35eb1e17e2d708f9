import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const NOBODY = ["--reuid=65534", "--regid=65534", "--clear-groups"];

/**
 * Runs the built CLI as a user file permissions apply to, for the tests of one file. Tests run as
 * root here and in CI, and root reads a chmod-000 file anyway, so under root the CLI runs as
 * `nobody` through setpriv (util-linux); as any other user it runs as that user.
 *
 * `nobody` may not be able to read the checkout (a clone inside a 0700 folder, such as a CI
 * workspace under a private home or `mktemp -d`). So under root the CLI runs from a copy, made once
 * per test file in a world-readable temporary folder: bin/, dist/, templates/ and package.json,
 * beside the checkout's node_modules when `nobody` can read it, else beside a copy of the
 * packages the CLI needs at run time (package.json's dependencies and theirs).
 */
export function useUnprivilegedCli(): (...argv: string[]) => CliResult {
  const asRoot = process.getuid?.() === 0;
  let staged: string | undefined;
  afterAll(() => {
    if (staged !== undefined) fs.rmSync(staged, { recursive: true, force: true });
  });
  return (...argv) => {
    if (!asRoot) return run(process.execPath, [path.resolve("bin/decouple.js"), ...argv], process.cwd());
    staged ??= stageCli(process.cwd());
    return run("setpriv", [...NOBODY, process.execPath, path.join(staged, "bin/decouple.js"), ...argv], staged);
  };
}

function run(command: string, args: string[], cwd: string): CliResult {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A world-readable copy of the built CLI of the checkout, with node_modules `nobody` can read. */
function stageCli(checkout: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "decouple-cli-"));
  for (const part of ["bin", "dist", "templates", "package.json"]) {
    fs.cpSync(path.join(checkout, part), path.join(folder, part), { recursive: true, dereference: true });
  }
  const modules = fs.realpathSync(path.join(checkout, "node_modules"));
  if (nobodyCanRead(modules)) fs.symlinkSync(modules, path.join(folder, "node_modules"), "dir");
  else copyRuntimePackages(checkout, path.join(folder, "node_modules"));
  openToAll(folder, { writable: false });
  const probe = spawnSync("setpriv", [...NOBODY, process.execPath, path.join(folder, "bin/decouple.js"), "--version"], { cwd: folder, encoding: "utf8" });
  if (probe.status !== 0) throw new Error(`the CLI staged in ${folder} does not run as nobody: ${probe.stderr}`);
  return folder;
}

function nobodyCanRead(folder: string): boolean {
  const script = "require('node:fs').accessSync(process.argv[1], require('node:fs').constants.R_OK | require('node:fs').constants.X_OK)";
  return spawnSync("setpriv", [...NOBODY, process.execPath, "-e", script, folder], { cwd: "/" }).status === 0;
}

/** Copies the packages the CLI loads at run time: package.json's dependencies, transitively. */
function copyRuntimePackages(checkout: string, target: string): void {
  const source = path.join(checkout, "node_modules");
  const manifest = (folder: string): { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> } =>
    JSON.parse(fs.readFileSync(path.join(folder, "package.json"), "utf8"));
  const found = new Set<string>();
  const pending = Object.keys(manifest(checkout).dependencies ?? {}).map((name) => ({ name, from: checkout }));
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const folder = locatePackage(next.name, next.from, checkout);
    if (folder === undefined || found.has(folder)) continue; // optional platform packages not installed
    found.add(folder);
    const { dependencies = {}, optionalDependencies = {} } = manifest(folder);
    for (const name of Object.keys({ ...dependencies, ...optionalDependencies })) pending.push({ name, from: folder });
  }
  // A package nested in another's node_modules comes with it.
  const tops = [...found].sort().filter((folder, index, all) => !all.slice(0, index).some((outer) => folder.startsWith(outer + path.sep)));
  for (const folder of tops) fs.cpSync(folder, path.join(target, path.relative(source, folder)), { recursive: true, dereference: true });
}

/** Where Node finds a package from a folder: the nearest node_modules above it, up to the checkout. */
function locatePackage(name: string, from: string, checkout: string): string | undefined {
  for (let folder = from; ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, "node_modules", name);
    if (fs.existsSync(path.join(candidate, "package.json"))) return candidate;
    if (folder === checkout || path.dirname(folder) === folder) return undefined;
  }
}

/**
 * Opens a folder and everything in it to every user, so the unprivileged run can read (and, for a
 * throwaway project, write) what it should. Links are left alone: chmod would change their target.
 */
export function openToAll(root: string, { writable = true }: { writable?: boolean } = {}): void {
  const [folderMode, fileMode] = writable ? [0o777, 0o666] : [0o755, 0o644];
  fs.chmodSync(root, folderMode);
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isSymbolicLink()) continue;
    fs.chmodSync(path.join(entry.parentPath, entry.name), entry.isDirectory() ? folderMode : fileMode);
  }
}
