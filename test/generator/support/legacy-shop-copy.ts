import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

export const REPO = path.resolve(import.meta.dirname, "../../..");
export const SHOP = path.join(REPO, "examples/legacy-shop");
/**
 * legacy-shop's contracts as deriveServiceContracts() produces them: a copy of the golden the
 * contracts branch commits (test/fixtures/contracts/legacy-shop.contracts.json), used until that
 * lands on main; then generate derives them itself.
 */
export const SHOP_CONTRACTS = path.join(REPO, "test/fixtures/generator/legacy-shop.contracts.json");
export const NODE_BIN = {
  tsc: path.join(REPO, "node_modules/typescript/bin/tsc"),
  vitest: path.join(REPO, "node_modules/vitest/vitest.mjs"),
  tsx: path.join(REPO, "node_modules/tsx/dist/cli.mjs"),
};

export const execFileAsync = promisify(execFile);

/**
 * A scratch copy of legacy-shop (its code, tsconfig, boundaries and config), with the repository's
 * node_modules linked in as the monolith's own install: generated services resolve fastify,
 * OpenTelemetry and the shop's better-sqlite3 from there, as they would from a real monolith's.
 */
export function copyLegacyShop(): { root: string; remove: () => void } {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "decouple-generate-"));
  const root = path.join(parent, "legacy-shop");
  fs.mkdirSync(root);
  for (const entry of ["src", "package.json", "tsconfig.json", "decouple.boundaries.json", "decouple.config.json"]) {
    fs.cpSync(path.join(SHOP, entry), path.join(root, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(REPO, "node_modules"), path.join(root, "node_modules"), "dir");
  return { root, remove: () => fs.rmSync(parent, { recursive: true, force: true }) };
}

/** Runs a Node script (tsc, vitest, tsx) with the repository's Node, in a folder. */
export async function runNode(script: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [script, ...args], { cwd, env: { ...process.env, ...env, NO_COLOR: "1", FORCE_COLOR: "0" }, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === "number" ? failed.code : 1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}
