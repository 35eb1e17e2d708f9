import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { glob } from "tinyglobby";
import { UserError } from "../model/errors.js";
import { z } from "zod";

export interface CoverageSettings {
  /** Starts the application; run in the root with PORT set (e.g. "npx tsx src/server.ts"). */
  start: string;
  /** A URL that answers once the application is up; {port} is replaced. */
  ready: string;
  /** Runs one test file against the running application; {file} and {port} are replaced. */
  test: string;
  /** Globs of the test files, relative to the root: each is one use case. */
  testFiles: string[];
  /** Extra environment for the application and the tests; {port} is replaced. */
  env: Record<string, string>;
  timeoutSeconds: number;
}

/** Modules (root-relative) whose functions ran while each test file exercised the application. */
export interface UseCase {
  testFile: string;
  modules: string[];
  /** The test command's exit code: a failing test still exercised code. */
  exitCode: number | null;
}

// Loaded into every Node process of the application: SIGUSR2 writes the coverage so far and resets
// the counters (v8.takeCoverage), so each test file's share can be told apart.
const HOOK = `import v8 from "node:v8";\nprocess.on("SIGUSR2", () => v8.takeCoverage());\n`;

/**
 * Runtime coupling without manual tracing: start the application under V8 coverage
 * (NODE_V8_COVERAGE), run each test file against it, and take a coverage snapshot after each,
 * so modules exercised by the same use case can pull together.
 */
export async function readRuntimeCoverage(root: string, settings: CoverageSettings): Promise<UseCase[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "decouple-coverage-"));
  const hook = path.join(work, "hook.mjs");
  fs.writeFileSync(hook, HOOK);
  const raw = path.join(work, "raw");
  fs.mkdirSync(raw);
  const port = await freePort();
  const fill = (text: string, file = ""): string => text.replaceAll("{port}", String(port)).replaceAll("{file}", file);
  const env = { ...process.env, ...Object.fromEntries(Object.entries(settings.env).map(([key, value]) => [key, fill(value)])), PORT: String(port) };
  const [command, ...args] = splitCommand(settings.start);
  if (command === undefined) throw new UserError("DCP004", "signals.coverage.start is empty: give the command that starts the application.");
  const app = spawn(command, args, {
    cwd: root,
    detached: true,
    stdio: "ignore",
    env: { ...env, NODE_V8_COVERAGE: raw, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${hook}`.trim() },
  });
  const stop = (): void => {
    try {
      if (app.pid !== undefined) process.kill(-app.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  try {
    await waitForUrl(fill(settings.ready), settings.timeoutSeconds * 1000, () => app.exitCode !== null);
    await snapshot(app.pid, raw); // start-up: every module ran its top level; not a use case
    clear(raw);
    const testFiles = (await glob(settings.testFiles, { cwd: root })).sort();
    const useCases: UseCase[] = [];
    for (const testFile of testFiles) {
      const [testCommand, ...testArgs] = splitCommand(fill(settings.test, testFile));
      const run = spawnSync(testCommand ?? "", testArgs, { cwd: root, env, stdio: "ignore", timeout: settings.timeoutSeconds * 1000 });
      await snapshot(app.pid, raw);
      useCases.push({ testFile, modules: exercisedModules(root, raw), exitCode: run.status });
      clear(raw);
    }
    return useCases;
  } finally {
    stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The part of a V8 coverage file (NODE_V8_COVERAGE) this reads; other keys are ignored. */
const V8_COVERAGE = z.object({
  result: z.array(z.object({ url: z.string(), functions: z.array(z.object({ ranges: z.array(z.object({ count: z.number() })) })) })).optional(),
});
type V8Coverage = z.infer<typeof V8_COVERAGE>;

/** Files of the root whose functions (other than the top level) ran in the coverage written so far. */
export function exercisedModules(root: string, directory: string): string[] {
  const modules = new Set<string>();
  for (const name of fs.readdirSync(directory).filter((file) => file.endsWith(".json"))) {
    let report: V8Coverage;
    try {
      const parsed = V8_COVERAGE.safeParse(JSON.parse(fs.readFileSync(path.join(directory, name), "utf8")));
      if (!parsed.success) continue;
      report = parsed.data;
    } catch {
      continue; // a file still being written: the next snapshot has it
    }
    for (const script of report.result ?? []) {
      if (!script.url.startsWith("file://")) continue;
      const ran = script.functions.slice(1).some((fn) => (fn.ranges[0]?.count ?? 0) > 0);
      if (!ran) continue;
      const relative = path.relative(root, fileURLToPath(script.url));
      if (!relative.startsWith("..") && !relative.split(path.sep).includes("node_modules")) modules.add(relative.split(path.sep).join("/"));
    }
  }
  return [...modules].sort();
}

async function snapshot(pid: number | undefined, directory: string): Promise<void> {
  if (pid === undefined) return;
  const before = fs.readdirSync(directory).length;
  process.kill(-pid, "SIGUSR2");
  // Wait until the processes have written their reports: the count has stopped growing for half a
  // second and every report is whole. Under load a process of the group can write its report a
  // few hundred milliseconds after another; a shorter wait let that late report (with the next
  // test file's counts) land in the wrong use case.
  let last = -1;
  let steady = 0;
  for (let waited = 0; waited < 20_000; waited += 100) {
    await delay(100);
    const count = fs.readdirSync(directory).length;
    steady = count === last ? steady + 1 : 0;
    last = count;
    if (count > before && steady >= 5 && allReportsWhole(directory)) return;
  }
}

function allReportsWhole(directory: string): boolean {
  return fs
    .readdirSync(directory)
    .filter((file) => file.endsWith(".json"))
    .every((file) => {
      try {
        JSON.parse(fs.readFileSync(path.join(directory, file), "utf8"));
        return true;
      } catch {
        return false;
      }
    });
}

function clear(directory: string): void {
  for (const file of fs.readdirSync(directory)) fs.rmSync(path.join(directory, file), { force: true });
}

async function waitForUrl(url: string, timeoutMs: number, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new UserError("DCP004", `signals.coverage.start exited before ${url} answered: check the command and its environment.`);
    try {
      await fetch(url);
      return;
    } catch {
      await delay(200);
    }
  }
  throw new UserError("DCP004", `${url} did not answer within ${timeoutMs / 1000} s: check signals.coverage.start and .ready.`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0));
    });
  });
}

/** Splits a command line on spaces, honouring double quotes; no shell, so signals reach the process. */
export function splitCommand(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? "");
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
