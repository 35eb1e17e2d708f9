import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ServiceContract } from "../../../../src/generator/service-contract.js";
import { planDeployFiles, type PlannedDeployFile, type PlanDeployOptions } from "../../../../src/generator/deploy/plan-deploy-files.js";

export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
export const LEGACY_SHOP_CONTRACTS = join(REPO_ROOT, "test/fixtures/deploy/legacy-shop/contracts.json");
/** The real derivation's golden, once main has it. */
export const DERIVED_CONTRACTS = join(REPO_ROOT, "test/fixtures/contracts/legacy-shop.contracts.json");

export function readContracts(file: string): ServiceContract[] {
  const contracts: ServiceContract[] = JSON.parse(readFileSync(file, "utf8"));
  return contracts;
}

export interface DeployProject {
  /** The stand-in monolith's root. */
  readonly root: string;
  readonly outDir: string;
  readonly files: readonly PlannedDeployFile[];
}

/**
 * Plans the deploy files into a fresh monolith root in the temp folder (a package.json and lock
 * file, like a real one) and writes them. node_modules links to ours, so the generated CDK app
 * imports the same aws-cdk-lib as the test.
 */
export function writeDeployProject(
  contracts: readonly ServiceContract[],
  options: Omit<PlanDeployOptions, "root" | "outDir"> = {},
  /** `beside`: the output folder next to the monolith's root (`legacy-shop-services/`), not in it. */
  layout: "inside" | "beside" = "inside",
): DeployProject {
  const parent = mkdtempSync(join(tmpdir(), "decouple-deploy-"));
  const root = join(parent, "legacy-shop");
  const outDir = layout === "inside" ? join(root, "services") : join(parent, "legacy-shop-services");
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, "package.json"), JSON.stringify({ name: "legacy-shop", private: true, type: "module" }));
  writeFileSync(join(root, "package-lock.json"), JSON.stringify({ name: "legacy-shop", lockfileVersion: 3, packages: {} }));
  // Where the generated CDK app's imports look: above the deploy folder.
  symlinkSync(join(REPO_ROOT, "node_modules"), join(layout === "inside" ? root : parent, "node_modules"), "dir");
  const files = planDeployFiles(contracts, { root, outDir, ...options });
  for (const file of files) {
    const target = join(outDir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  return { root, outDir, files };
}
