import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { deployServiceDependencies, planDeployFiles } from "../../../src/generator/deploy/plan-deploy-files.js";
import { isUserError } from "../../../src/model/errors.js";
import { LEGACY_SHOP_CONTRACTS, REPO_ROOT, readContracts } from "./support/write-deploy-project.js";

const contracts = readContracts(LEGACY_SHOP_CONTRACTS);
const root = "/work/shop";
const outDir = "/work/shop/services";

describe("planDeployFiles", () => {
  it("plans the Docker files, the compose file and the CDK app, sorted", () => {
    const paths = planDeployFiles(contracts, { root, outDir }).map((file) => file.path);
    expect(paths).toEqual([
      "compose/postgres-init.sql",
      "deploy/.gitignore",
      "deploy/bin/app.ts",
      "deploy/cdk.json",
      "deploy/deploy.config.json",
      "deploy/deploy.config.schema.json",
      "deploy/package.json",
      "deploy/src/build-app.ts",
      "deploy/src/deploy-config.ts",
      "deploy/src/fargate-compute.ts",
      "deploy/src/lambda-compute.ts",
      "deploy/src/service-stack.ts",
      "deploy/src/shared-stack.ts",
      "deploy/src/topology.ts",
      "deploy/tsconfig.json",
      "docker-compose.yml",
      "order/Dockerfile",
      "order/Dockerfile.dockerignore",
      "payment/Dockerfile",
      "payment/Dockerfile.dockerignore",
      "stock/Dockerfile",
      "stock/Dockerfile.dockerignore",
    ]);
  });

  it("adds each service's Lambda entry on --runtime lambda, and the dependency it needs", () => {
    const paths = planDeployFiles(contracts, { root, outDir, runtime: "lambda" }).map((file) => file.path);
    expect(paths.filter((path) => path.endsWith("lambda.ts"))).toEqual(["order/src/lambda.ts", "payment/src/lambda.ts", "stock/src/lambda.ts"]);
    expect(deployServiceDependencies("lambda")).toEqual({ "@fastify/aws-lambda": "6.4.1" });
    expect(deployServiceDependencies("fargate")).toEqual({});
  });

  it("writes the same files for the same input", () => {
    expect(planDeployFiles([...contracts].reverse(), { root, outDir })).toEqual(planDeployFiles(contracts, { root, outDir }));
  });

  it("marks deploy.config.json as the user's: created once, never overwritten", () => {
    const files = planDeployFiles(contracts, { root, outDir });
    expect(files.filter((file) => file.once).map((file) => file.path)).toEqual(["deploy/deploy.config.json"]);
  });

  it("starts deploy.config.json from the defaults and the settings given per service, section by section", () => {
    const files = planDeployFiles(contracts, {
      root,
      outDir,
      services: { payment: { deploy: { fargate: { maxTasks: 20 }, environment: { CARD_PROCESSOR: "stripe" } } } },
    });
    const config = JSON.parse(files.find((file) => file.path === "deploy/deploy.config.json")?.content ?? "");
    expect(Object.keys(config.services)).toEqual(["order", "payment", "stock"]);
    expect(config.services.payment.fargate).toMatchObject({ maxTasks: 20, minTasks: 1, cpu: 256 });
    expect(config.services.payment.environment).toEqual({ CARD_PROCESSOR: "stripe" });
    expect(config.services.order.fargate.maxTasks).toBe(4);
  });

  it("describes deploy.config.json in a JSON Schema that the first config passes and a typo fails", () => {
    const files = planDeployFiles(contracts, { root, outDir, services: { payment: { deploy: { fargate: { maxTasks: 20 } } } } });
    const config = JSON.parse(files.find((file) => file.path === "deploy/deploy.config.json")?.content ?? "");
    const schema = JSON.parse(files.find((file) => file.path === "deploy/deploy.config.schema.json")?.content ?? "");
    expect(config.$schema).toBe("./deploy.config.schema.json");
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    config.services.payment.fargate.maxTask = 3;
    config.services.order.environment.LOG_FORMAT = 1;
    expect(validate(config)).toBe(false);
    expect(validate.errors?.map((error) => `${error.instancePath} ${error.message}`).sort()).toEqual([
      "/services/order/environment/LOG_FORMAT must be string",
      "/services/payment/fargate must NOT have additional properties",
    ]);
  });

  it("pins aws-cdk-lib and constructs in the CDK app to the versions decouple tests it with", () => {
    const ours = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).devDependencies;
    const files = planDeployFiles(contracts, { root, outDir });
    const deployPackage = JSON.parse(files.find((file) => file.path === "deploy/package.json")?.content ?? "");
    expect(deployPackage.dependencies).toEqual({ "aws-cdk-lib": ours["aws-cdk-lib"], constructs: ours.constructs });
    for (const version of [...Object.values(deployPackage.dependencies), ...Object.values(deployPackage.devDependencies)]) {
      expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it("uses a template from the templates folder in place of the built-in one", () => {
    const templatesDir = mkdtempSync(join(tmpdir(), "decouple-templates-"));
    mkdirSync(join(templatesDir, "deploy", "docker"), { recursive: true });
    writeFileSync(join(templatesDir, "deploy", "docker", "Dockerfile.hbs"), "FROM {{baseImage}}\n# {{service.name}} on our base\n");
    const files = planDeployFiles(contracts, { root, outDir, templatesDir });
    expect(files.find((file) => file.path === "payment/Dockerfile")?.content).toMatch(/^FROM node:22\.[\d.]+-bookworm-slim\n# payment on our base\n$/);
    expect(files.find((file) => file.path === "payment/Dockerfile.dockerignore")?.content).toContain("!services/payment");
  });

  it("takes its templates from generate's template set, reading no file", () => {
    const builtIn = new Map<string, string>();
    const walk = (folder: string, prefix: string): void => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(folder, entry.name), `${prefix}${entry.name}/`);
        else builtIn.set(`${prefix}${entry.name}`, readFileSync(join(folder, entry.name), "utf8"));
      }
    };
    walk(join(REPO_ROOT, "templates", "deploy"), "deploy/");
    const templates = new Map(builtIn).set("deploy/compose/postgres-init.sql.hbs", "-- {{services.length}} databases\n");
    const files = planDeployFiles(contracts, { root, outDir, templates });
    expect(files.find((file) => file.path === "compose/postgres-init.sql")?.content).toBe("-- 3 databases\n");
    expect(files.map((file) => file.path)).toEqual(planDeployFiles(contracts, { root, outDir }).map((file) => file.path));
    builtIn.delete("deploy/docker/Dockerfile.hbs");
    expect(() => planDeployFiles(contracts, { root, outDir, templates: builtIn })).toThrow("the template set has no deploy/docker/Dockerfile.hbs");
  });

  it("builds from the folder holding both when the output sits beside the monolith", () => {
    const files = planDeployFiles(contracts, { root, outDir: "/work/shop-services" });
    const dockerfile = files.find((file) => file.path === "payment/Dockerfile")?.content ?? "";
    expect(dockerfile).toContain("docker build -f shop-services/payment/Dockerfile ../..");
    expect(dockerfile).toContain("COPY shop/package*.json ./shop/");
    expect(dockerfile).toContain("COPY --from=deps --chown=node:node /app/shop/node_modules ./shop/node_modules");
    expect(dockerfile).toContain("COPY shop-services/payment/package*.json ./shop-services/payment/");
    expect(files.find((file) => file.path === "docker-compose.yml")?.content).toContain('dockerfile: "shop-services/payment/Dockerfile"');
    expect(files.find((file) => file.path === "deploy/src/topology.ts")?.content).toContain('"rootFromContext": "shop"');
  });

  it("refuses an output folder that shares no folder with the monolith but the file system's root", () => {
    let error: unknown;
    try {
      planDeployFiles(contracts, { root, outDir: "/elsewhere/services" });
    } catch (caught) {
      error = caught;
    }
    expect(isUserError(error) && error.code).toBe("DCP006");
  });

  it("finds the root from an output folder nested deeper", () => {
    const files = planDeployFiles(contracts, { root, outDir: "/work/shop/build/services" });
    expect(files.find((file) => file.path === "payment/Dockerfile")?.content).toContain("docker build -f build/services/payment/Dockerfile ../../..");
    expect(files.find((file) => file.path === "docker-compose.yml")?.content).toContain('context: "../.."');
    expect(files.find((file) => file.path === "deploy/src/topology.ts")?.content).toContain('"contextFromDeploy": "../../.."');
  });
});
