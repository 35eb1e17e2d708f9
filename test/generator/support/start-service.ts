import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { NODE_BIN } from "./legacy-shop-copy.js";

export interface RunningService {
  readonly url: string;
  readonly process: ChildProcess;
  /** Everything it logged (JSON lines). */
  readonly logs: () => string;
  /** SIGTERM, then its exit code. */
  readonly stop: () => Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Starts a generated service as its `npm start` does (tsx src/main.ts) and waits for /ready. */
export async function startService(serviceDir: string, env: NodeJS.ProcessEnv): Promise<RunningService> {
  const port = await freePort();
  const child = spawn(process.execPath, [NODE_BIN.tsx, "src/main.ts"], {
    cwd: serviceDir,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let logs = "";
  child.stdout?.on("data", (chunk: Buffer) => (logs += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (logs += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}:\n${logs}`);
    try {
      if ((await fetch(`${url}/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 600) throw new Error(`service did not get ready:\n${logs}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    process: child,
    logs: () => logs,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
