import { readFileSync } from "node:fs";
import { join } from "node:path";
import { App, type Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";

/** A CloudFormation template as JSON: the assertions below read it directly. */
export interface CfnTemplate {
  readonly Resources: Readonly<Record<string, { readonly Type: string; readonly Properties?: Record<string, unknown> }>>;
  readonly Outputs?: Readonly<Record<string, { readonly Value?: unknown; readonly Export?: { readonly Name: string } }>>;
}

export interface SynthesisedApp {
  readonly shared: CfnTemplate;
  /** By service name. */
  readonly services: ReadonlyMap<string, CfnTemplate>;
  /** Service name → names of the stacks its stack depends on. */
  readonly dependencies: ReadonlyMap<string, readonly string[]>;
  readonly stackNames: ReadonlyMap<string, string>;
}

interface GeneratedApp {
  buildApp(app: App, options: { topology: unknown; config: unknown; deployDir: string }): { shared: Stack; services: ReadonlyMap<string, Stack> };
}

/**
 * Loads the generated CDK app's TypeScript (vitest transforms it) and synthesises every stack in
 * process: the built-in CloudFormation validator off (7 s a stack, see FINDINGS) and Lambda
 * bundling skipped (esbuild over the monolith is `cdk deploy`'s job, not this test's).
 */
export async function synthDeployApp(deployDir: string, editConfig?: (config: Record<string, unknown>) => void): Promise<SynthesisedApp> {
  const { buildApp }: GeneratedApp = await import(join(deployDir, "src/build-app.ts"));
  const { parseDeployConfig }: { parseDeployConfig(raw: unknown): unknown } = await import(join(deployDir, "src/deploy-config.ts"));
  const { topology }: { topology: unknown } = await import(join(deployDir, "src/topology.ts"));
  const raw: Record<string, unknown> = JSON.parse(readFileSync(join(deployDir, "deploy.config.json"), "utf8"));
  editConfig?.(raw);
  const app = new App({ builtinCloudFormationValidation: false, context: { "aws:cdk:bundling-stacks": [] } });
  const built = buildApp(app, { topology, config: parseDeployConfig(raw), deployDir });
  const services = new Map<string, CfnTemplate>();
  const dependencies = new Map<string, readonly string[]>();
  const stackNames = new Map<string, string>();
  for (const [name, stack] of built.services) {
    services.set(name, templateOf(stack));
    dependencies.set(name, stack.dependencies.map((dependency) => dependency.stackName));
    stackNames.set(name, stack.stackName);
  }
  return { shared: templateOf(built.shared), services, dependencies, stackNames };
}

function templateOf(stack: Stack): CfnTemplate {
  const json: { Resources?: CfnTemplate["Resources"]; Outputs?: CfnTemplate["Outputs"] } = Template.fromStack(stack).toJSON();
  if (json.Resources === undefined) throw new Error(`${stack.stackName} has no resources`);
  return { Resources: json.Resources, Outputs: json.Outputs };
}

export function resourcesOfType(template: CfnTemplate, type: string): [string, Record<string, unknown>][] {
  return Object.entries(template.Resources)
    .filter(([, resource]) => resource.Type === type)
    .map(([id, resource]) => [id, resource.Properties ?? {}]);
}
