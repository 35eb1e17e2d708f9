import { describe, expect, it } from "vitest";
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
  const ownerOf = new Map([
    ["apps/api/src/health/health.controller.ts", api],
    ["apps/api/src/user/user.service.ts", api],
    ["apps/worker/src/health/health.controller.ts", worker],
    ["libs/dal/src/user/user.repository.ts", lib],
  ]);
  const dependencies = new Map([["apps/api/src/user/user.service.ts", new Map([["libs/dal/src/user/user.repository.ts", 1]])]]);

  it("drops a name link between two apps that never import each other, keeps one to a library an app imports", () => {
    const pairs: [string, string, number][] = [
      ["apps/api/src/health/health.controller.ts", "apps/worker/src/health/health.controller.ts", 1],
      ["apps/api/src/user/user.service.ts", "libs/dal/src/user/user.repository.ts", 1],
      ["apps/worker/src/health/health.controller.ts", "libs/dal/src/user/user.repository.ts", 1],
    ];
    expect(dropNameLinksAcrossDeployables(pairs, ownerOf, dependencies)).toEqual([pairs[1]]);
  });
});
