import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Prng } from "./create-prng.js";
import type { MonolithPlan } from "./plan-monolith.js";

const START = Date.UTC(2024, 0, 1) / 1000;
const REVISION = /^const REVISION = (\d+);$/m;

/**
 * Makes `dir` a git repository with `commits` commits (the first imports everything). Each later
 * commit bumps REVISION in a few files of mostly one domain, so co-change history carries the
 * planted domains too. Dates and identity are fixed, so the history is deterministic.
 */
export function commitHistory(dir: string, plan: MonolithPlan, commits: number, neutral: boolean, rng: Prng): void {
  const git = (args: string[], step: number): string => {
    const date = `@${START + step * 3 * 3600} +0000`;
    return execFileSync("git", args, {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: "/dev/null",
        GIT_CONFIG_NOSYSTEM: "1",
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
    }).trim();
  };
  git(["init", "-q", "-b", "main"], 0);
  git(["config", "user.name", "Bench Generator"], 0);
  git(["config", "user.email", "bench@example.invalid"], 0);
  git(["config", "commit.gpgsign", "false"], 0);
  git(["add", "-A"], 0);
  git(["commit", "-q", "-m", "Initial import"], 0);
  const byDomain = new Map<string, string[]>();
  for (const m of plan.modules) {
    const paths = byDomain.get(m.domain);
    if (paths === undefined) byDomain.set(m.domain, [m.path]);
    else paths.push(m.path);
  }
  const shared = byDomain.get("shared") ?? [];
  let head = git(["rev-parse", "HEAD"], 0);
  for (let step = 1; step < commits; step += 1) {
    const domain = rng.pick(plan.domains);
    const own = byDomain.get(domain) ?? [];
    const touched = new Set(rng.shuffle(own).slice(0, rng.int(1, 5)));
    if (rng.chance(0.15)) touched.add(rng.pick(byDomain.get(rng.pick(plan.domains)) ?? own));
    if (shared.length > 0 && rng.chance(0.1)) touched.add(rng.pick(shared));
    for (const path of touched) bumpRevision(join(dir, path));
    const message = neutral ? `Change ${String(step).padStart(4, "0")}` : `${domain}: update ${touched.size} file(s)`;
    // Plumbing instead of `git commit -a`, which would stat every file of a 50,000-file tree.
    git(["update-index", "--", ...touched], step);
    const tree = git(["write-tree"], step);
    const commit = git(["commit-tree", tree, "-p", head, "-m", message], step);
    git(["update-ref", "refs/heads/main", commit], step);
    head = commit;
  }
}

function bumpRevision(file: string): void {
  const text = readFileSync(file, "utf8");
  const next = text.replace(REVISION, (_, n: string) => `const REVISION = ${Number(n) + 1};`);
  writeFileSync(file, next);
}
