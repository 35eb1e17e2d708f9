import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import { join } from "node:path";

/** A broker of this test's own, on a free port with its data under a temporary folder. */
export interface PrivateBroker {
  readonly env: Record<string, string>;
  /** SIGKILL the broker (its whole process group) and start it again on the same port and data. */
  crashAndRestart(): Promise<void>;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function waitForPort(port: number, limitMs: number, child: ChildProcess): Promise<void> {
  const until = Date.now() + limitMs;
  while (!(await portAnswers(port))) {
    if (child.exitCode !== null) throw new Error(`broker exited with ${child.exitCode} before listening on ${port}`);
    if (Date.now() > until) throw new Error(`broker did not listen on ${port} within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function privateBroker(
  command: string,
  args: string[],
  port: number,
  env: Record<string, string>,
  brokerEnv: Record<string, string> = {},
  readyMs = 20_000,
): Promise<PrivateBroker> {
  let child: ChildProcess | null = null;
  const start = async (): Promise<void> => {
    // Its own process group, so a kill reaches every process the start script forks.
    const started = spawn(command, args, { env: { ...process.env, ...brokerEnv }, detached: true, stdio: "ignore" });
    child = started;
    await waitForPort(port, readyMs, started);
  };
  const kill = async (): Promise<void> => {
    const running = child;
    if (!running || running.exitCode !== null || running.pid === undefined) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    process.kill(-running.pid, "SIGKILL");
    await exited;
    while (await portAnswers(port)) await new Promise((resolve) => setTimeout(resolve, 100));
  };
  await start();
  return {
    env,
    async crashAndRestart() {
      await kill();
      await start();
    },
    stop: kill,
  };
}

export async function startPrivateRedis(dir: string): Promise<PrivateBroker> {
  const port = await freePort();
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--dir", dir];
  return privateBroker("redis-server", args, port, { QUEUE_DRIVER: "redis", REDIS_URL: `redis://127.0.0.1:${port}` });
}

export async function startPrivateNats(dir: string): Promise<PrivateBroker> {
  const port = await freePort();
  return privateBroker("nats-server", ["-js", "-sd", dir, "-p", String(port), "-a", "127.0.0.1"], port, {
    QUEUE_DRIVER: "nats",
    NATS_URL: `nats://127.0.0.1:${port}`,
  });
}

export async function startPrivateRabbitmq(dir: string): Promise<PrivateBroker> {
  const port = await freePort();
  const distPort = await freePort();
  mkdirSync(join(dir, "log"), { recursive: true });
  writeFileSync(join(dir, "enabled_plugins"), "[].\n");
  const brokerEnv = {
    RABBITMQ_NODENAME: `decouple-test-${port}@localhost`,
    RABBITMQ_NODE_IP_ADDRESS: "127.0.0.1",
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_MNESIA_BASE: join(dir, "mnesia"),
    RABBITMQ_LOG_BASE: join(dir, "log"),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, "enabled_plugins"),
    RABBITMQ_CONFIG_FILE: join(dir, "rabbitmq"),
    RABBITMQ_PID_FILE: join(dir, "rabbitmq.pid"),
  };
  writeFileSync(join(dir, "rabbitmq.conf"), "loopback_users = none\n");
  return privateBroker("/usr/lib/rabbitmq/bin/rabbitmq-server", [], port, { QUEUE_DRIVER: "rabbitmq", AMQP_URL: `amqp://guest:guest@127.0.0.1:${port}` }, brokerEnv, 60_000);
}
