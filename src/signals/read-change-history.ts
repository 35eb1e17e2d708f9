import { execFileSync } from "node:child_process";

export interface Commit {
  /** Commit time, seconds since the epoch. */
  time: number;
  /** Paths relative to the analysed root, forward slashes. */
  files: string[];
}

/**
 * The last `maxCommits` commits that touched the root, newest first, read with the git CLI.
 * Returns undefined when the root is not inside a git repository (the signal is then off).
 */
export function readChangeHistory(root: string, maxCommits: number): Commit[] | undefined {
  let output: string;
  try {
    execFileSync("git", ["rev-parse", "--is-inside-work-tree"], { cwd: root, stdio: ["ignore", "pipe", "ignore"] });
    output = execFileSync(
      "git",
      ["log", `-n${maxCommits}`, "--no-merges", "--format=%x00%ct", "--name-only", "--relative", "--no-renames", "--", "."],
      { cwd: root, encoding: "utf8", maxBuffer: 512 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] },
    );
  } catch {
    return undefined;
  }
  const commits: Commit[] = [];
  for (const block of output.split("\0")) {
    const lines = block.split("\n").filter((line) => line.trim() !== "");
    const [time, ...files] = lines;
    if (time === undefined || !/^\d+$/.test(time)) continue;
    commits.push({ time: Number(time), files });
  }
  return commits;
}
