/**
 * vitest globalSetup: brings up the preinstalled services the tests use (PostgreSQL, Redis,
 * RabbitMQ, NATS JetStream) when one is down, waits until it answers, and at teardown stops only
 * what it started. Services already up are left alone, so it can run twice, or beside another run.
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { connect } from "node:net";

export interface Service {
  readonly name: string;
  readonly port: number;
  start(): void;
  stop(): void;
}

const natsPidFile = "/tmp/decouple-test-nats.pid";
const run = (command: string, args: string[]): void => void execFileSync(command, args, { stdio: "ignore", timeout: 120_000 });
const postgresVersion = (): string => readdirSync("/etc/postgresql")[0] ?? "15";

const services: readonly Service[] = [
  {
    name: "PostgreSQL",
    port: 5432,
    start: () => run("pg_ctlcluster", ["--skip-systemctl-redirect", postgresVersion(), "main", "start"]),
    stop: () => run("pg_ctlcluster", ["--skip-systemctl-redirect", postgresVersion(), "main", "stop"]),
  },
  {
    name: "Redis",
    port: 6379,
    start: () =>
      run("redis-server", ["--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379", "--save", "", "--appendonly", "no", "--dir", "/var/lib/redis", "--logfile", "/var/log/redis/ci.log"]),
    stop: () => run("redis-cli", ["-p", "6379", "shutdown", "nosave"]),
  },
  {
    name: "RabbitMQ",
    port: 5672,
    start: () => run("rabbitmq-server", ["-detached"]),
    stop: () => run("rabbitmqctl", ["stop"]),
  },
  {
    name: "NATS",
    port: 4222,
    start: () =>
      run("start-stop-daemon", [
        "--start", "--oknodo", "--background", "--make-pidfile", "--pidfile", natsPidFile, "--exec", "/usr/sbin/nats-server", "--",
        "-a", "127.0.0.1", "-p", "4222", "-js", "-sd", "/var/lib/nats-server", "-l", "/var/log/nats-server.log",
      ]),
    stop: () => run("start-stop-daemon", ["--stop", "--oknodo", "--pidfile", natsPidFile, "--remove-pidfile"]),
  },
];

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function waitUntilAnswering(service: Service, limitMs: number): Promise<void> {
  const until = Date.now() + limitMs;
  while (!(await answers(service.port))) {
    if (Date.now() > until) throw new Error(`${service.name} did not answer on 127.0.0.1:${service.port} within ${limitMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export default function setup(): Promise<() => void> {
  return ensureServices(services);
}

/** Starts each service that does not answer, waits for it, and returns a teardown that stops just those. */
export async function ensureServices(list: readonly Service[], limitMs = 60_000): Promise<() => void> {
  const started: Service[] = [];
  for (const service of list) {
    if (await answers(service.port)) continue;
    try {
      service.start();
    } catch (error) {
      throw new Error(`${service.name} is down on port ${service.port} and could not be started: ${String(error)}`);
    }
    started.push(service);
    await waitUntilAnswering(service, limitMs);
  }
  return () => {
    for (const service of started.reverse()) {
      try {
        service.stop();
      } catch {
        // Already gone: nothing left to stop.
      }
    }
  };
}
