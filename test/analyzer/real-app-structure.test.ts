import { describe, expect, it } from "vitest";
import { parseModuleId } from "../../src/model/module-id.js";
import { dependencyMap, modulePairs } from "../support/branded.js";
import { analyze } from "../../src/analyzer/analyze.js";
import { configSchema } from "../../src/model/config.js";
import { findDeployables, type Deployable } from "../../src/signals/find-deployables.js";
import { dropNameLinksAcrossDeployables } from "../../src/signals/within-deployables.js";
import { useTemporaryProjects } from "../support/create-project.js";

const project = useTemporaryProjects();
const config = configSchema.parse({ signals: { changes: { enabled: false } } });

/** One NestJS-style app: bootstrap, health, config, and two features that use a shared library. */
function app(name: string, features: [string, string]): Record<string, string | object> {
  const files: Record<string, string | object> = {
    [`apps/${name}/package.json`]: { name: `@shop/${name}`, scripts: { start: "node dist/main.js" } },
    [`apps/${name}/src/main.ts`]: `import { AppModule } from "./app.module.js";\nimport { config } from "./config/config.js";\nexport const boot = () => [AppModule, config];`,
    [`apps/${name}/src/app.module.ts`]: `import { HealthController } from "./health/health.controller.js";\n${features
      .map((feature) => `import { ${feature}Service } from "./${feature}/${feature}.service.js";`)
      .join("\n")}\nexport const AppModule = [HealthController, ${features.map((feature) => `${feature}Service`).join(", ")}];`,
    [`apps/${name}/src/health/health.controller.ts`]: `import { config } from "../config/config.js";\nexport class HealthController { check() { return config.name; } }`,
    [`apps/${name}/src/config/config.ts`]: `export const config = { name: "${name}" };`,
    [`apps/${name}/test/app.e2e-spec.ts`]: `import { AppModule } from "../src/app.module.js";\nexport const spec = AppModule;`,
    [`apps/${name}/test/setup.ts`]: `export const setup = () => "${name}";`,
    [`apps/${name}/jest.config.ts`]: `export default { testRegex: ".e2e-spec.ts$" };`,
  };
  for (const feature of features) {
    files[`apps/${name}/src/${feature}/${feature}.service.ts`] =
      `import { ${feature}Entity } from "./${feature}.entity.js";\nimport { logger } from "@shop/common";\nexport class ${feature}Service { find() { logger("${feature}"); return new ${feature}Entity(); } }`;
    files[`apps/${name}/src/${feature}/${feature}.entity.ts`] = `export class ${feature}Entity { id = "${feature}"; }`;
    files[`apps/${name}/src/${feature}/${feature}.controller.ts`] =
      `import { ${feature}Service } from "./${feature}.service.js";\nexport class ${feature}Controller { constructor(private readonly service: ${feature}Service) {} get() { return this.service.find(); } }`;
  }
  return files;
}

describe("a repository of several applications", () => {
  const root = () =>
    project({
      "package.json": { name: "shop", private: true, workspaces: ["apps/*", "libs/*"] },
      "tsconfig.json": { compilerOptions: { module: "nodenext", paths: { "@shop/common": ["libs/common/src/index.ts"] } } },
      "eslint.config.js": "export default [];",
      "libs/common/package.json": { name: "@shop/common" },
      "libs/common/src/index.ts": `export { logger } from "./logger.js";`,
      "libs/common/src/logger.ts": `export const logger = (message: string) => message;`,
      ...app("orders", ["order", "invoice"]),
      ...app("catalog", ["product", "category"]),
      ...app("accounts", ["account", "session"]),
    });

  it("finds each application and library with its evidence", () => {
    const folder = root();
    const modules = ["apps/orders/src/main.ts", "apps/catalog/src/main.ts", "apps/accounts/src/main.ts", "libs/common/src/index.ts"];
    expect(findDeployables(folder, modules)).toEqual([
      { folder: "apps/accounts", kind: "application", evidence: "package.json" },
      { folder: "apps/catalog", kind: "application", evidence: "package.json" },
      { folder: "apps/orders", kind: "application", evidence: "package.json" },
      { folder: "libs/common", kind: "library", evidence: "package.json" },
    ]);
  });

  it("keeps each application whole: its health, bootstrap and config never join another application's", async () => {
    const result = await analyze({ root: root(), config });
    const healthServices = result.boundaries.services.filter((service) => service.modules.some((module) => module.includes("/health/")));
    expect(healthServices).toHaveLength(3);
    for (const service of healthServices) {
      const apps = new Set(service.modules.filter((module) => module.startsWith("apps/")).map((module) => module.split("/")[1]));
      expect(apps.size).toBe(1);
    }
    expect(result.boundaries.services.map((service) => service.name).sort()).toEqual(["account", "catalog", "order"]);
  });

  it("proposes splits inside the applications when asked to", async () => {
    const result = await analyze({ root: root(), config: configSchema.parse({ ...config, clustering: { splitDeployables: true } }) });
    const services = result.boundaries.services.filter((service) => service.modules.some((module) => module.startsWith("apps/orders/")));
    expect(services.length).toBeGreaterThanOrEqual(1);
    for (const service of result.boundaries.services) {
      const apps = new Set(service.modules.filter((module) => module.startsWith("apps/")).map((module) => module.split("/")[1]));
      expect(apps.size).toBe(1);
    }
  });

  it("leaves tool configs and e2e specs out of the graph and says so", async () => {
    const result = await analyze({ root: root(), config });
    const modules = result.graph.modules.map((module) => module.id);
    expect(modules.filter((module) => /jest\.config|eslint\.config|e2e-spec/.test(module))).toEqual([]);
    expect(result.leftOut).toEqual([
      { kind: "tests", reason: "they exercise services, they are not one", count: 6 },
      { kind: "tool configs", reason: "they configure the build, not the application", count: 4 },
    ]);
  });
});

describe("dropNameLinksAcrossDeployables", () => {
  const api: Deployable = { folder: "apps/api", kind: "application", evidence: "package.json" };
  const worker: Deployable = { folder: "apps/worker", kind: "application", evidence: "package.json" };
  const lib: Deployable = { folder: "libs/dal", kind: "library", evidence: "package.json" };
  const ownerOf = new Map(([
    ["apps/api/src/health/health.controller.ts", api],
    ["apps/api/src/user/user.service.ts", api],
    ["apps/worker/src/health/health.controller.ts", worker],
    ["libs/dal/src/user/user.repository.ts", lib],
  ] as const).map(([module, deployable]) => [parseModuleId(module), deployable]));
  const dependencies = dependencyMap([["apps/api/src/user/user.service.ts", "libs/dal/src/user/user.repository.ts", 1]]);

  it("drops a name link between two apps that never import each other, keeps one to a library an app imports", () => {
    const pairs = modulePairs([
      ["apps/api/src/health/health.controller.ts", "apps/worker/src/health/health.controller.ts", 1],
      ["apps/api/src/user/user.service.ts", "libs/dal/src/user/user.repository.ts", 1],
      ["apps/worker/src/health/health.controller.ts", "libs/dal/src/user/user.repository.ts", 1],
    ]);
    expect(dropNameLinksAcrossDeployables(pairs, ownerOf, dependencies)).toEqual([pairs[1]]);
  });
});

/**
 * A NestJS app cut by feature, as ghostfolio's is: each feature's module imports the modules of
 * seven features it uses, and its controller calls their services. The feature stays one service
 * with its module and controller (the mechanism that keeps them there when use alone would set
 * them apart is tested in propose-partition.test.ts; ghostfolio's figures in DESIGN.md).
 */
describe("a NestJS app whose feature modules import each other", () => {
  const features = ["order", "invoice", "customer", "product", "shipment", "payment", "coupon", "review", "warehouse", "supplier", "refund", "tax"];
  const usesOf = (index: number) => [1, 2, 3, 4, 5, 6, 7].map((step) => features[(index + step) % features.length] ?? "");
  const pascal = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  function nestApp(): Record<string, string | object> {
    const files: Record<string, string | object> = {
      "tsconfig.json": { compilerOptions: { module: "nodenext", experimentalDecorators: true } },
      "src/main.ts": `import { AppModule } from "./app/app.module.js";\nexport const boot = () => AppModule;`,
      "src/app/app.module.ts": `${features.map((feature) => `import { ${pascal(feature)}Module } from "./${feature}/${feature}.module.js";`).join("\n")}\nexport class AppModule { static imports = [${features.map((feature) => `${pascal(feature)}Module`).join(", ")}]; }`,
    };
    features.forEach((feature, index) => {
      const name = pascal(feature);
      const uses = usesOf(index);
      files[`src/app/${feature}/${feature}.module.ts`] =
        `import { ${name}Controller } from "./${feature}.controller.js";\nimport { ${name}Service } from "./${feature}.service.js";\n${uses
          .map((used) => `import { ${pascal(used)}Module } from "../${used}/${used}.module.js";`)
          .join("\n")}\nexport class ${name}Module { static imports = [${uses.map((used) => `${pascal(used)}Module`).join(", ")}]; static controllers = [${name}Controller]; static providers = [${name}Service]; }`;
      files[`src/app/${feature}/${feature}.controller.ts`] =
        `import { ${name}Service } from "./${feature}.service.js";\nimport type { ${name}Dto } from "./${feature}.dto.js";\n${uses
          .map((used) => `import { ${pascal(used)}Service } from "../${used}/${used}.service.js";`)
          .join("\n")}\nexport class ${name}Controller { constructor(private readonly own: ${name}Service, ${uses
          .map((used) => `private readonly ${used}: ${pascal(used)}Service`)
          .join(", ")}) {} get(): ${name}Dto { return { id: this.own.find() + ${uses.map((used) => `this.${used}.find()`).join(" + ")} }; } }`;
      files[`src/app/${feature}/${feature}.service.ts`] =
        `import type { ${name}Dto } from "./${feature}.dto.js";\nexport class ${name}Service { find(): string { const dto: ${name}Dto = { id: "${feature}" }; return dto.id; } }`;
      files[`src/app/${feature}/${feature}.dto.ts`] = `export interface ${name}Dto { id: string }`;
    });
    return files;
  }

  it("keeps each feature's module and controller with its service", async () => {
    const result = await analyze({ root: project(nestApp()), config });
    const serviceOf = new Map<string, string>(result.boundaries.services.flatMap((service) => service.modules.map((module) => [module, service.name])));
    for (const feature of features) {
      const own = serviceOf.get(`src/app/${feature}/${feature}.service.ts`);
      expect(own, feature).toBeDefined();
      expect(serviceOf.get(`src/app/${feature}/${feature}.module.ts`), `${feature}.module.ts`).toBe(own);
      expect(serviceOf.get(`src/app/${feature}/${feature}.controller.ts`), `${feature}.controller.ts`).toBe(own);
    }
  });
});
