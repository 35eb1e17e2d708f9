import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface ConsumerProcess {
  readonly child: ChildProcess;
  /** Every JSON line printed so far. */
  readonly lines: Array<Record<string, unknown>>;
  kill(): Promise<void>;
}

const consumerScript = fileURLToPath(new URL("./consumer-process.ts", import.meta.url));

/** Starts a support script (consumer-process.ts by default) under tsx with the given environment. */
export function spawnConsumer(env: Record<string, string>, script = consumerScript): ConsumerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", script], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const lines: Array<Record<string, unknown>> = [];
  let pending = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    pending += chunk.toString("utf8");
    const parts = pending.split("\n");
    pending = parts.pop() ?? "";
    for (const part of parts) {
      if (!part.trim()) continue;
      const line: Record<string, unknown> = JSON.parse(part);
      lines.push(line);
    }
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", (code, signal) => {
    if (code && signal !== "SIGKILL") process.stderr.write(`consumer process exited ${code}: ${stderr}\n`);
  });
  return {
    child,
    lines,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
