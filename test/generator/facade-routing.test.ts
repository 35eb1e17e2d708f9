import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../support/run-cli.js";
import { copyLegacyShop, SHOP_CONTRACTS } from "./support/legacy-shop-copy.js";

type RouteCall = <T>(service: string, operation: string, local: () => T | Promise<T>, remote: (url: string | undefined) => Promise<T>) => Promise<T>;

let shop: ReturnType<typeof copyLegacyShop>;
let routeCall: RouteCall;
let routingFile: string;

beforeAll(async () => {
  shop = copyLegacyShop();
  expect((await runCli("generate", path.join(shop.root, "decouple.boundaries.json"), "--contracts", SHOP_CONTRACTS, "--service", "payment")).code).toBe(0);
  routingFile = path.join(shop.root, "decouple.routing.json");
  ({ routeCall } = (await import(path.join(shop.root, "src/decouple/facade/routing.ts"))) as { routeCall: RouteCall });
});
afterAll(() => shop?.remove());

/** Where 200 calls went under the routing file as it is. */
async function tally(): Promise<{ local: number; remote: number; urls: Set<string | undefined> }> {
  const counts = { local: 0, remote: 0, urls: new Set<string | undefined>() };
  for (let call = 0; call < 200; call += 1) {
    await routeCall(
      "payment",
      "chargeOrder",
      () => (counts.local += 1),
      async (url) => {
        counts.urls.add(url);
        return (counts.remote += 1);
      },
    );
  }
  return counts;
}

function writeRouting(content: string): void {
  fs.writeFileSync(routingFile, content);
  // A later mtime even on file systems with coarse timestamps.
  const later = new Date(Date.now() + 1_000 * Math.random() + 1_000);
  fs.utimesSync(routingFile, later, later);
}

describe("the facades' routing file", () => {
  it("starts with every call in process", async () => {
    expect(JSON.parse(fs.readFileSync(routingFile, "utf8"))).toEqual({ services: { payment: "off" } });
    expect(await tally()).toMatchObject({ local: 200, remote: 0 });
  });

  it('sends "on" to the service at the URL the file gives, a percentage to a share of calls, "off" back', async () => {
    writeRouting(JSON.stringify({ services: { payment: "on" }, urls: { payment: "http://payment:3000" } }));
    const on = await tally();
    expect(on).toMatchObject({ local: 0, remote: 200 });
    expect([...on.urls]).toEqual(["http://payment:3000"]);
    writeRouting(JSON.stringify({ services: { payment: 50 } }));
    const half = await tally();
    // 200 calls at 50%: outside 40..160 has a probability below 1e-17.
    expect(half.remote).toBeGreaterThan(40);
    expect(half.local).toBeGreaterThan(40);
    writeRouting(JSON.stringify({ services: { payment: 0 } }));
    expect(await tally()).toMatchObject({ local: 200, remote: 0 });
    writeRouting(JSON.stringify({ services: { payment: 100 } }));
    expect(await tally()).toMatchObject({ local: 0, remote: 200 });
  });

  it("keeps the last good routing when the file breaks, and treats a missing file as all in process", async () => {
    writeRouting(JSON.stringify({ services: { payment: "on" } }));
    expect(await tally()).toMatchObject({ remote: 200 });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    writeRouting('{ "services": { "payment": "sometimes" } }');
    expect(await tally()).toMatchObject({ remote: 200 });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('services.payment must be "on", "off" or a percentage'));
    warn.mockRestore();
    fs.rmSync(routingFile);
    expect(await tally()).toMatchObject({ local: 200, remote: 0 });
  });
});
