import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { copyLegacyShop, REPO, SHOP_CONTRACTS } from "./support/legacy-shop-copy.js";

const exec = promisify(execFile);
const NPM_FLAGS = ["--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"];
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function scratch(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe("decouple generate from the published package", () => {
  it("runs from an installed tarball: templates and everything generate needs ship in the package", async () => {
    // npm test builds dist/ first; packing does not build again.
    expect(fs.existsSync(path.join(REPO, "dist/cli/main.js")), "run `npm run build` first").toBe(true);
    const packed = scratch("decouple-pack-");
    const { stdout } = await exec("npm", ["pack", "--ignore-scripts", "--pack-destination", packed, "--json"], { cwd: REPO, maxBuffer: 64 * 1024 * 1024 });
    const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
    const consumer = scratch("decouple-consumer-");
    fs.writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    await exec("npm", ["install", path.join(packed, filename), "--ignore-scripts", ...NPM_FLAGS], { cwd: consumer, maxBuffer: 64 * 1024 * 1024 });

    const shop = copyLegacyShop();
    cleanups.push(shop.remove);
    const bin = path.join(consumer, "node_modules/.bin/decouple");
    const { stdout: out } = await exec(bin, ["generate", path.join(shop.root, "decouple.boundaries.json"), "--contracts", SHOP_CONTRACTS], { cwd: consumer });
    expect(out).toMatch(/^generated cart \(3 operations\), coupon \(3 operations\), customer \(1 operations\), .* stock \(5 operations\): \d+ create/);
    expect(fs.readFileSync(path.join(shop.root, "services/payment/src/routes/charge-order.ts"), "utf8")).toContain("monolith.chargeOrder(request.body.order, request.body.card)");
    expect(fs.existsSync(path.join(shop.root, "services/payment/src/runtime/http/contract-validation.ts"))).toBe(true);
  }, 240_000);

  it("installs one generated service from its own package.json and passes its type-check and tests", async () => {
    const shop = copyLegacyShop();
    cleanups.push(shop.remove);
    await exec(process.execPath, [path.join(REPO, "bin/decouple.js"), "generate", path.join(shop.root, "decouple.boundaries.json"), "--contracts", SHOP_CONTRACTS, "--service", "payment"]);
    const service = path.join(shop.root, "services/payment");
    // Its own node_modules: nothing of decouple's resolves (the monolith's modules still find theirs in the monolith's).
    await exec("npm", ["install", ...NPM_FLAGS], { cwd: service, maxBuffer: 64 * 1024 * 1024 });
    expect(fs.existsSync(path.join(service, "node_modules/fastify/package.json"))).toBe(true);
    await exec("npm", ["run", "typecheck"], { cwd: service });
    const { stdout } = await exec("npm", ["test"], { cwd: service, env: { ...process.env, NO_COLOR: "1" } });
    expect(stdout).toMatch(/Tests\s+3 passed/);
  }, 240_000);
});
