import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

/** One command's answer on one corpus, as the sweep records it. */
export interface CommandRun {
  argv: string[];
  code: number | null;
  seconds: number;
  /** The degraded-graph measure as printed (e.g. "0.1% of 1216"); undefined when not printed. */
  measure: string | undefined;
  /** Unresolved share in percent and its limit, from the measure line. */
  share: number | undefined;
  limit: number | undefined;
  warnings: number;
  /** Modules of the graph, from the summary's first line. */
  modules: number | undefined;
  /** What went wrong in a way a user cannot act on (crash, stack trace, no exit code). */
  unhandled: string | undefined;
  /** The first line of stderr, for the table. */
  firstError: string | undefined;
}

export interface SweepResult {
  name: string;
  kind: string;
  modules: number | undefined;
  analyze: CommandRun;
  /** analyze --force, when the first analyze refused a degraded graph. */
  forced: CommandRun | undefined;
  check: CommandRun | undefined;
  /** Broken promises: unhandled errors, a degraded graph not reported or not failed closed. */
  problems: string[];
}

const MEASURE = /(\d+(?:\.\d+)?)% of (\d+) relative and alias imports unresolved \(limit (\d+(?:\.\d+)?)%\)/;

/** Runs the built CLI and reads what a user would see: the exit code, the measure, the warning count. */
export function runCommand(bin: string, argv: string[], timeoutMs: number): CommandRun {
  const started = performance.now();
  const result = spawnSync(process.execPath, [bin, ...argv], { encoding: "utf8", timeout: timeoutMs, maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: "1" } });
  const seconds = (performance.now() - started) / 1000;
  const output = `${result.stdout ?? ""}\n${result.stderr ?? ""}`;
  const measured = MEASURE.exec(output);
  const stderr = result.stderr ?? "";
  const unhandled =
    result.error !== undefined
      ? `did not finish: ${result.error.message}`
      : result.status === null
        ? `killed by ${result.signal}`
        : ![0, 1, 2].includes(result.status)
          ? `exit ${result.status}`
          : /internal error/i.test(stderr)
            ? "internal error"
            : /\n\s+at .+:\d+:\d+\)?\n/.test(stderr)
              ? "stack trace"
              : undefined;
  return {
    argv,
    code: result.status,
    seconds,
    measure: measured === null ? undefined : `${measured[1]}% of ${measured[2]}`,
    share: measured === null ? undefined : Number(measured[1]),
    limit: measured === null ? undefined : Number(measured[3]),
    warnings: countWarnings(output),
    modules: ((match) => (match === null ? undefined : Number(match[1])))(/^(\d+) modules,/m.exec(output)),
    unhandled,
    firstError: stderr.trim() === "" ? undefined : stderr.trim().split("\n")[0],
  };
}

/** analyze prints "warning: N kind" per kind; check prints "N warnings reading the code". */
function countWarnings(output: string): number {
  const perKind = [...output.matchAll(/^warning: (\d+) \S+$/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
  const summary = /(\d+) warnings? reading the code/.exec(output);
  return perKind + (summary === null ? 0 : Number(summary[1]));
}

/**
 * analyze, then (when it refused a degraded graph) analyze --force, then check, on one corpus.
 * Output goes to a work folder, never into the corpus. The promises checked: every answer is exit
 * 0, 1 or 2 without a crash; the measure is printed; a degraded graph makes analyze refuse and
 * check exit 2; on a trusted graph check passes right after analyze.
 */
export function sweepCase(bin: string, name: string, kind: string, root: string, workDir: string, timeoutMs: number): SweepResult {
  const work = join(workDir, name);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const boundaries = join(work, "decouple.boundaries.json");
  const common = ["--cache-dir", join(work, "cache")];
  const analyze = runCommand(bin, ["analyze", root, "--out", boundaries, ...common], timeoutMs);
  const refused = analyze.code === 2 && analyze.firstError?.includes("[DCP011]") === true;
  const forced = refused ? runCommand(bin, ["analyze", root, "--out", boundaries, "--force", ...common], timeoutMs) : undefined;
  const wrote = analyze.code === 0 || forced?.code === 0;
  const check = wrote ? runCommand(bin, ["check", root, "--boundaries", boundaries, ...common], timeoutMs) : undefined;
  const problems: string[] = [];
  for (const run of [analyze, forced, check]) {
    if (run === undefined) continue;
    if (run.unhandled !== undefined) problems.push(`${run.argv[0]}: ${run.unhandled}`);
    if (run.measure === undefined && run.unhandled === undefined && run.code !== 2) problems.push(`${run.argv[0]}: no degraded-graph measure printed`);
  }
  const { share, limit } = forced ?? analyze;
  const overLimit = share !== undefined && limit !== undefined && share > limit;
  if (overLimit && !refused) problems.push("unresolved share above the limit but analyze wrote a proposal without --force");
  if (refused && check !== undefined && check.code !== 2) problems.push(`degraded graph but check exited ${check.code}`);
  if (!refused && analyze.code === 0 && check !== undefined && check.code !== 0) problems.push(`check right after analyze exited ${check.code}, not 0`);
  if (!wrote && analyze.unhandled === undefined) problems.push(`analyze wrote nothing: ${analyze.firstError ?? `exit ${analyze.code}`}`);
  return { name, kind, modules: (forced ?? analyze).modules, analyze, forced, check, problems };
}
