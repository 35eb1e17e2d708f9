import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { afterAll, expect, it } from "vitest";
import { ensureServices, type Service } from "./start-services.js";
import { freePort, portAnswers } from "../runtime/queue/support/private-brokers.js";

const dir = mkdtempSync(join(tmpdir(), "setup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("starts a service that is down, leaves it alone when up, and stops only what it started", async () => {
  const port = await freePort();
  let starts = 0;
  // A private Redis stands in for a shared service: the shared ones must never be stopped here.
  const redis: Service = {
    name: "private Redis",
    port,
    start: () => {
      starts++;
      execFileSync("redis-server", ["--daemonize", "yes", "--bind", "127.0.0.1", "--port", String(port), "--save", "", "--dir", dir]);
    },
    stop: () => execFileSync("redis-cli", ["-p", String(port), "shutdown", "nosave"]),
  };
  const teardown = await ensureServices([redis]);
  expect(await portAnswers(port)).toBe(true);
  const second = await ensureServices([redis]);
  expect(starts).toBe(1);
  second();
  expect(await portAnswers(port)).toBe(true);
  teardown();
  for (let i = 0; i < 50 && (await portAnswers(port)); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await portAnswers(port)).toBe(false);
});
