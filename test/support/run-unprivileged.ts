import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const BIN = path.resolve("bin/decouple.js");

/**
 * Runs the built CLI as a user file permissions apply to. Tests run as root here and in CI, and
 * root reads a chmod-000 file anyway, so under root the CLI runs as `nobody` through setpriv
 * (util-linux); as any other user it runs as that user.
 */
export function runUnprivileged(...argv: string[]): { code: number; stdout: string; stderr: string } {
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? "setpriv" : process.execPath;
  const args = asRoot ? ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, BIN, ...argv] : [BIN, ...argv];
  const result = spawnSync(command, args, { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Opens a throwaway project to every user, so the unprivileged run can read what it should. */
export function openToAll(root: string): void {
  fs.chmodSync(root, 0o777);
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    fs.chmodSync(full, entry.isDirectory() ? 0o777 : 0o666);
  }
}
