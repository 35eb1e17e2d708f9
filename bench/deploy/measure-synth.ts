/**
 * Time to synthesise the generated CDK app in process, per runtime, and what each stack holds.
 * Usage: npx tsx bench/deploy/measure-synth.ts [--contracts <file>] [--runs N] [--validation]
 * (--validation keeps CDK's built-in CloudFormation validator on, as `cdk synth` runs it).
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { App, type Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { planDeployFiles, type DeployRuntime } from "../../src/generator/deploy/plan-deploy-files.js";
import type { ServiceContract } from "../../src/generator/service-contract.js";

const REPO = join(import.meta.dirname, "..", "..");
const { values } = parseArgs({
  options: {
    contracts: { type: "string", default: join(REPO, "test/fixtures/deploy/legacy-shop/contracts.json") },
    runs: { type: "string", default: "3" },
    validation: { type: "boolean", default: false },
  },
});
const contracts: ServiceContract[] = JSON.parse(readFileSync(values.contracts, "utf8"));

interface GeneratedApp {
  buildApp(app: App, options: { topology: unknown; config: unknown; deployDir: string }): { shared: Stack; services: ReadonlyMap<string, Stack> };
}

for (const runtime of ["fargate", "lambda"] as const satisfies readonly DeployRuntime[]) {
  const deployDir = writeProject(runtime);
  const started = performance.now();
  const { buildApp }: GeneratedApp = await import(join(deployDir, "src/build-app.ts"));
  const { parseDeployConfig }: { parseDeployConfig(raw: unknown): unknown } = await import(join(deployDir, "src/deploy-config.ts"));
  const { topology }: { topology: unknown } = await import(join(deployDir, "src/topology.ts"));
  const loadMs = performance.now() - started;
  const times: number[] = [];
  let counts = new Map<string, Record<string, number>>();
  for (let run = 0; run < Number(values.runs); run++) {
    const begin = performance.now();
    const app = new App({ builtinCloudFormationValidation: values.validation, context: { "aws:cdk:bundling-stacks": [] } });
    const built = buildApp(app, { topology, config: parseDeployConfig(JSON.parse(readFileSync(join(deployDir, "deploy.config.json"), "utf8"))), deployDir });
    counts = new Map();
    for (const stack of [built.shared, ...built.services.values()]) counts.set(stack.stackName, countResources(Template.fromStack(stack).toJSON()));
    times.push(performance.now() - begin);
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
  console.log(`\n## ${runtime}: ${contracts.length} services, first load ${(loadMs / 1000).toFixed(2)} s, synth of all stacks ${(median / 1000).toFixed(2)} s (median of ${times.length})\n`);
  console.log("| stack | resources | by type |\n|---|---|---|");
  for (const [name, byType] of counts) {
    const total = Object.values(byType).reduce((sum, n) => sum + n, 0);
    const types = Object.entries(byType).sort(([a], [b]) => a.localeCompare(b)).map(([type, n]) => `${type.replace(/^AWS::/, "")} ${n}`);
    console.log(`| ${name} | ${total} | ${types.join(", ")} |`);
  }
}

function writeProject(runtime: DeployRuntime): string {
  const root = join(mkdtempSync(join(tmpdir(), "decouple-deploy-bench-")), "legacy-shop");
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, "package.json"), "{}");
  writeFileSync(join(root, "package-lock.json"), "{}");
  symlinkSync(join(REPO, "node_modules"), join(root, "node_modules"), "dir");
  for (const file of planDeployFiles(contracts, { root, outDir: join(root, "services"), runtime })) {
    const target = join(root, "services", file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  return join(root, "services", "deploy");
}

function countResources(template: { Resources?: Record<string, { Type: string }> }): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of Object.values(template.Resources ?? {})) counts[resource.Type] = (counts[resource.Type] ?? 0) + 1;
  return counts;
}
