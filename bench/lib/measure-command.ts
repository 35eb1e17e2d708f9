import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface CommandSpec {
  command: string;
  args: string[];
  cwd: string;
  /** stdout goes here (tools that print their JSON); otherwise it is dropped. */
  stdoutFile?: string;
  timeoutMs: number;
}

export interface Measurement {
  status: "ok" | "failed" | "timeout";
  seconds: number;
  /** Peak resident set size of the process tree's largest process, from GNU time's %M. */
  peakMb: number | undefined;
  /** Last lines of stderr, for the report when a tool fails. */
  stderrTail: string;
}

const GNU_TIME = "/usr/bin/time";

/**
 * Runs one command under `/usr/bin/time -f %M`: the kernel's maxrss for the waited-for child,
 * i.e. the peak RSS of the tool's own (largest) process. Wall time is taken around the spawn.
 */
export async function measureCommand(spec: CommandSpec): Promise<Measurement> {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} is missing: apt-get install -y time`);
  const scratch = mkdtempSync(join(tmpdir(), "bench-measure-"));
  const rssFile = join(scratch, "rss");
  const stdout = spec.stdoutFile ? openSync(spec.stdoutFile, "w") : "ignore";
  try {
    const started = process.hrtime.bigint();
    // Its own process group, so a timeout kills the tool and not only /usr/bin/time.
    const child = spawn(GNU_TIME, ["-f", "%M", "-o", rssFile, spec.command, ...spec.args], {
      cwd: spec.cwd,
      stdio: ["ignore", stdout, "pipe"],
      detached: true,
    });
    let stderr = "";
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-20_000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, spec.timeoutMs);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    });
    clearTimeout(timer);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rssText = existsSync(rssFile) ? readFileSync(rssFile, "utf8") : "";
    // GNU time writes "Command exited with non-zero status N" before the number on failure.
    const kb = Number(rssText.trim().split("\n").pop());
    return {
      status: timedOut ? "timeout" : code === 0 ? "ok" : "failed",
      seconds,
      peakMb: Number.isFinite(kb) && kb > 0 ? kb / 1024 : undefined,
      stderrTail: stderr.trim().split("\n").slice(-6).join("\n"),
    };
  } finally {
    if (typeof stdout === "number") closeSync(stdout);
    rmSync(scratch, { recursive: true, force: true });
  }
}
