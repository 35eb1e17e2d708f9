// Starts the legacy shop in-process on a random port with a fresh SQLite file,
// or points at an already running deployment when LEGACY_SHOP_URL is set
// (so the same behaviour suite can run against the decomposed system).
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ADMIN_KEY = process.env.LEGACY_SHOP_ADMIN_KEY ?? "dev-admin-key";
export const isExternal = Boolean(process.env.LEGACY_SHOP_URL);

export interface ShopHandle {
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startShop(): Promise<ShopHandle> {
  const external = process.env.LEGACY_SHOP_URL;
  if (external) {
    return { baseUrl: external.replace(/\/+$/, ""), stop: async () => {} };
  }
  // Imported lazily so external runs never load the monolith.
  const { createApp, shutdownApp } = await import("../../src/app.js");
  const dir = mkdtempSync(join(tmpdir(), "legacy-shop-"));
  const app = createApp({ dbFile: join(dir, "shop.sqlite"), enableJobs: false });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      shutdownApp(app);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
