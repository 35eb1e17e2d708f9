import { execFileSync } from "node:child_process";
import { UserError } from "../model/errors.js";

/**
 * Files changed since `ref` (committed, staged or not) plus untracked ones, relative to `root`
 * with forward slashes, sorted. Deleted files are listed too; callers keep those that exist.
 */
export function listChangedFiles(root: string, ref: string): string[] {
  if (ref.startsWith("-")) throw new UserError("DCP006", `--changed-since "${ref}" is not a git revision.`);
  const changed = git(root, ["diff", "--name-only", "--relative", "--no-renames", ref, "--"]);
  const untracked = git(root, ["ls-files", "--others", "--exclude-standard"]);
  return [...new Set([...changed, ...untracked])].sort();
}

function git(root: string, args: string[]): string[] {
  try {
    const output = execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
    return output.split("\n").filter((line) => line !== "");
  } catch (error) {
    const stderr = stderrOf(error)?.trim().split("\n")[0] ?? (error instanceof Error ? error.message : String(error));
    throw new UserError("DCP009", `git ${args.slice(0, 2).join(" ")} failed in ${root}: ${stderr}. --changed-since needs a git work tree and a revision it knows (fetch it first in CI: actions/checkout with fetch-depth: 0).`);
  }
}

/** What git wrote to stderr, from the error execFileSync throws. */
function stderrOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "stderr" in error && typeof error.stderr === "string" ? error.stderr : undefined;
}
