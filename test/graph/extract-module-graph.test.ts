import { describe, expect, it } from "vitest";
import { extractModuleGraph } from "../../src/graph/extract-module-graph.js";
import { configSchema } from "../../src/model/config.js";
import type { ModuleGraph } from "../../src/model/module-graph.js";
import { useTemporaryProjects } from "../support/create-project.js";

const project = useTemporaryProjects();

async function graphOf(files: Record<string, string | object>, config: object = {}): Promise<ModuleGraph & { warnings: string[] }> {
  const root = project(files);
  const extracted = await extractModuleGraph({ root, config: configSchema.parse(config), workers: 0 });
  return { ...extracted.graph, warnings: extracted.warnings.map((warning) => `${warning.kind}: ${warning.message}`) };
}

function edgesOf(graph: ModuleGraph): string[] {
  return graph.edges.map((edge) => `${edge.from} -> ${edge.to} (${edge.kind})`);
}

const tsconfig = { compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", strict: true } };

describe("module graph: resolution", () => {
  it("resolves ./x.js written for x.ts, and folder index files", async () => {
    const graph = await graphOf({
      "tsconfig.json": { compilerOptions: { module: "ESNext", moduleResolution: "Bundler" } },
      "src/a.ts": `import { b } from "./b.js";\nimport { c } from "./lib";\nexport const a = b + c;`,
      "src/b.ts": "export const b = 1;",
      "src/lib/index.ts": "export const c = 2;",
    });
    expect(edgesOf(graph)).toEqual(["src/a.ts -> src/b.ts (value)", "src/a.ts -> src/lib/index.ts (value)"]);
  });

  it("follows tsconfig paths and baseUrl through an extends chain", async () => {
    const graph = await graphOf({
      "config/tsconfig.base.json": { compilerOptions: { baseUrl: "..", paths: { "@domain/*": ["src/domain/*"] } } },
      "tsconfig.json": { extends: "./config/tsconfig.base.json", compilerOptions: { strict: true } },
      "src/app.ts": `import { order } from "@domain/order";\nimport { util } from "src/util";\nexport const app = order + util;`,
      "src/domain/order.ts": "export const order = 1;",
      "src/util.ts": "export const util = 1;",
    });
    expect(edgesOf(graph)).toEqual(["src/app.ts -> src/domain/order.ts (value)", "src/app.ts -> src/util.ts (value)"]);
  });

  it("follows project references to each package's own paths", async () => {
    const graph = await graphOf({
      "tsconfig.json": { files: [], references: [{ path: "./packages/api" }] },
      "packages/api/tsconfig.json": { compilerOptions: { composite: true, baseUrl: ".", paths: { "#lib/*": ["lib/*"] } } },
      "packages/api/main.ts": `import { helper } from "#lib/helper";\nexport const main = helper;`,
      "packages/api/lib/helper.ts": "export const helper = 1;",
    });
    expect(edgesOf(graph)).toEqual(["packages/api/main.ts -> packages/api/lib/helper.ts (value)"]);
  });

  it("resolves workspace packages by name through their package.json exports", async () => {
    const graph = await graphOf({
      "package.json": { name: "mono", private: true, workspaces: ["packages/*"] },
      "packages/orders/package.json": { name: "@shop/orders", exports: { ".": "./src/index.ts", "./events": "./src/events.ts" } },
      "packages/orders/src/index.ts": "export const placeOrder = () => 1;",
      "packages/orders/src/events.ts": "export const orderPlaced = 'order.placed';",
      "packages/web/package.json": { name: "@shop/web" },
      "packages/web/src/page.ts": `import { placeOrder } from "@shop/orders";\nimport { orderPlaced } from "@shop/orders/events";\nexport const page = [placeOrder, orderPlaced];`,
    });
    expect(edgesOf(graph)).toEqual([
      "packages/web/src/page.ts -> packages/orders/src/events.ts (value)",
      "packages/web/src/page.ts -> packages/orders/src/index.ts (value)",
    ]);
  });

  it("records external packages and built-ins apart, even when a local file has a package's name", async () => {
    const graph = await graphOf({
      "tsconfig.json": tsconfig,
      "src/a.ts": `import fs from "node:fs";\nimport path from "path";\nimport _ from "lodash";\nimport { local } from "./lodash.js";\nexport const a = [fs, path, _, local];`,
      "src/lodash.ts": "export const local = 1;",
    });
    expect(edgesOf(graph)).toEqual(["src/a.ts -> src/lodash.ts (value)"]);
    expect(graph.externals.map((e) => `${e.name}:${e.builtin}`)).toEqual(["fs:true", "lodash:false", "path:true"]);
    expect(graph.unresolved).toEqual([]);
  });

  it("lists unresolvable relative imports with their line and warns", async () => {
    const graph = await graphOf({ "tsconfig.json": tsconfig, "src/a.ts": `export const x = 1;\nimport { gone } from "./missing.js";` });
    expect(graph.unresolved.map((u) => `${u.from}:${u.line} ${u.specifier}`)).toEqual(["src/a.ts:2 ./missing.js"]);
    expect(graph.warnings.some((w) => w.startsWith("unresolved-import: src/a.ts:2"))).toBe(true);
  });

  it("analyses a codebase without a tsconfig with defaults and says so", async () => {
    const graph = await graphOf({ "lib/a.js": `const b = require("./b");\nmodule.exports = b;`, "lib/b.js": "module.exports = 1;" });
    expect(edgesOf(graph)).toEqual(["lib/a.js -> lib/b.js (require)"]);
    expect(graph.warnings.some((w) => w.startsWith("no-tsconfig"))).toBe(true);
  });
});

describe("module graph: edge kinds", () => {
  it("keeps value, type-only, re-export, dynamic and require edges apart", async () => {
    const graph = await graphOf({
      "tsconfig.json": tsconfig,
      "src/main.ts": [
        `import { value } from "./value.js";`,
        `import type { Shape } from "./types.js";`,
        `export { again } from "./again.js";`,
        `const lazy = () => import("./lazy.js");`,
        `const legacy = require("./legacy.js");`,
        `export const main: Shape = { value, lazy, legacy };`,
      ].join("\n"),
      "src/value.ts": "export const value = 1;",
      "src/types.ts": "export interface Shape { [key: string]: unknown }",
      "src/again.ts": "export const again = 1;",
      "src/lazy.ts": "export default 1;",
      "src/legacy.ts": "export = 1;",
    });
    expect(edgesOf(graph)).toEqual([
      "src/main.ts -> src/again.ts (re-export)",
      "src/main.ts -> src/lazy.ts (dynamic)",
      "src/main.ts -> src/legacy.ts (require)",
      "src/main.ts -> src/types.ts (type)",
      "src/main.ts -> src/value.ts (value)",
    ]);
  });

  it("counts a triple-slash reference path as a type-only dependency, not a reference to types", async () => {
    const graph = await graphOf({
      "tsconfig.json": tsconfig,
      "src/index.ts": `/// <reference path="./operators/index.ts" />\n/// <reference types="node" />\nexport const a = 1;`,
      "src/operators/index.ts": "export const op = 1;",
    });
    expect(edgesOf(graph)).toEqual(["src/index.ts -> src/operators/index.ts (type)"]);
  });

  it("counts a TypeScript import type, import(\"./x\").T, as a type edge, apart from dynamic import()", async () => {
    const graph = await graphOf({
      "tsconfig.json": tsconfig,
      "src/a.ts": `export function f(logs: import("./log.js").Log[]) { return logs; }\nexport const lazy = () => import("./lazy.js");\n// import("./commented.js").X`,
      "src/log.ts": "export interface Log { id: string }",
      "src/lazy.ts": "export const x = 1;",
      "src/commented.ts": "export interface X {}",
    });
    expect(edgesOf(graph)).toEqual(["src/a.ts -> src/lazy.ts (dynamic)", "src/a.ts -> src/log.ts (type)"]);
  });

  it("treats `import { type A, b }` as a value edge whose A is type-only", async () => {
    const graph = await graphOf({
      "tsconfig.json": tsconfig,
      "src/a.ts": `import { type Order, placeOrder } from "./orders.js";\nexport const run = (o: Order) => placeOrder(o);`,
      "src/orders.ts": "export interface Order { id: string }\nexport const placeOrder = (o: Order) => o;",
    });
    const [edge] = graph.edges;
    expect(edge?.kind).toBe("value");
    expect(edge?.symbols.map((s) => `${s.name}:${s.typeOnly}`)).toEqual(["Order:true", "placeOrder:false"]);
  });

  it("ignores a require() in a comment or a string, and dynamic imports of computed specifiers", async () => {
    const graph = await graphOf({
      "tsconfig.json": tsconfig,
      "src/a.ts": `// const x = require("./b");\nconst s = 'require("./b")';\nconst name = "b";\nexport const m = import(\`./\${name}\`);`,
      "src/b.ts": "export const b = 1;",
    });
    expect(graph.edges).toEqual([]);
  });
});

describe("module graph: symbols", () => {
  it("follows names through barrels and export * chains to the declaring module", async () => {
    const graph = await graphOf({
      "tsconfig.json": tsconfig,
      "src/models/index.ts": `export * from "./order.js";\nexport * from "./more.js";\nexport { Customer as Client } from "./customer.js";`,
      "src/models/more.ts": `export * from "./payment.js";`,
      "src/models/order.ts": "export interface Order { id: string }\nexport const newOrder = (): Order => ({ id: '1' });",
      "src/models/payment.ts": "export const charge = 1;",
      "src/models/customer.ts": "export const Customer = 1;",
      "src/service.ts": `import { newOrder, charge, Client, type Order } from "./models/index.js";\nexport const run = (): Order => { charge; charge; Client; return newOrder(); };`,
    });
    const edge = graph.edges.find((e) => e.from === "src/service.ts");
    expect(edge?.to).toBe("src/models/index.ts");
    expect(edge?.symbols.map((s) => `${s.name} -> ${s.declaredIn}#${s.declaredAs} x${s.uses}`)).toEqual([
      "Client -> src/models/customer.ts#Customer x1",
      "Order -> src/models/order.ts#Order x1",
      "charge -> src/models/payment.ts#charge x2",
      "newOrder -> src/models/order.ts#newOrder x1",
    ]);
    expect(graph.modules.find((m) => m.id === "src/models/index.ts")?.exports).toEqual(["Client", "Order", "charge", "newOrder"]);
  });

  it("counts each used member of a namespace import as a symbol", async () => {
    const graph = await graphOf({
      "tsconfig.json": tsconfig,
      "src/a.ts": `import * as money from "./money.js";\nexport const total = money.add(money.add(1, 2), money.ZERO);`,
      "src/money.ts": "export const add = (a: number, b: number) => a + b;\nexport const ZERO = 0;\nexport const unused = 1;",
    });
    expect(graph.edges[0]?.symbols.map((s) => `${s.name} x${s.uses}`)).toEqual(["ZERO x1", "add x2"]);
  });

  it("counts imports named like Object.prototype's members (hasOwnProperty, constructor, toString): tldraw's utils had made them NaN", async () => {
    const graph = await graphOf({
      "tsconfig.json": tsconfig,
      "src/a.ts": `import { hasOwnProperty, constructor, toString, valueOf } from "./object.js";\nexport const ok = hasOwnProperty({}, "x") && hasOwnProperty({}, "y") && constructor && toString;`,
      "src/object.ts": "export const hasOwnProperty = (o: object, k: string) => Object.hasOwn(o, k);\nexport const constructor = 1;\nexport const toString = 2;\nexport const valueOf = 3;",
    });
    expect(graph.edges[0]?.symbols.map((s) => `${s.name} x${s.uses}`)).toEqual(["constructor x1", "hasOwnProperty x2", "toString x1", "valueOf x1"]);
  });

  it("survives a cycle of export * barrels", async () => {
    const graph = await graphOf({
      "tsconfig.json": tsconfig,
      "src/a.ts": `export * from "./b.js";\nexport const a = 1;`,
      "src/b.ts": `export * from "./a.js";\nexport const b = 1;`,
      "src/use.ts": `import { b, nothing } from "./a.js";\nexport const u = [b, nothing];`,
    });
    const symbols = graph.edges.find((e) => e.from === "src/use.ts")?.symbols;
    expect(symbols?.map((s) => `${s.name} -> ${s.declaredIn}`)).toEqual(["b -> src/b.ts", "nothing -> src/a.ts"]);
  });
});

describe("module graph: discovery", () => {
  it("leaves out node_modules, build output, declarations, tests (fixtures and mocks too), benchmarks and stories by default", async () => {
    const graph = await graphOf({
      "src/a.ts": "export const a = 1;",
      "src/a.test.ts": "import { a } from './a';",
      "src/a.spec.ts": "import { a } from './a';",
      "src/a.bench.ts": "import { a } from './a';",
      "src/a.stories.tsx": "import { a } from './a';",
      "src/__tests__/b.ts": "export const b = 1;",
      "src/loaders/__fixtures__/jobs/every-hour.ts": "export const schedule = '0 * * * *';",
      "src/__mocks__/c.ts": "export const c = 1;",
      "src/types.d.ts": "declare const x: number;",
      "dist/a.js": "export const a = 1;",
      "node_modules/pkg/index.js": "module.exports = 1;",
      "coverage/x.js": "",
    });
    expect(graph.modules.map((m) => m.id)).toEqual(["src/a.ts"]);
  });

  it("keeps source folders named test (viem's actions/test/ is library code), only test files are left out", async () => {
    const graph = await graphOf({
      "actions/index.ts": `export * from "./test/mine.js";`,
      "actions/test/mine.ts": "export const mine = 1;",
      "actions/test/mine.test.ts": "import { mine } from './mine.js';",
    });
    expect(graph.modules.map((m) => m.id)).toEqual(["actions/index.ts", "actions/test/mine.ts"]);
  });

  it("honours include and exclude globs from the config", async () => {
    const graph = await graphOf(
      { "src/a.ts": "export const a = 1;", "src/gen/b.ts": "export const b = 1;", "scripts/c.ts": "export const c = 1;" },
      { include: ["src/**/*.ts"], exclude: ["**/gen/**"] },
    );
    expect(graph.modules.map((m) => m.id)).toEqual(["src/a.ts"]);
  });

  it("reports a file with syntax errors and still analyses the rest", async () => {
    const graph = await graphOf({
      "tsconfig.json": tsconfig,
      "src/broken.ts": `import { ok } from "./ok.js";\nexport const = ;`,
      "src/ok.ts": "export const ok = 1;",
      "src/user.ts": `import { ok } from "./ok.js";\nexport const user = ok;`,
    });
    expect(graph.syntaxErrors.map((e) => e.module)).toContain("src/broken.ts");
    expect(edgesOf(graph)).toContain("src/user.ts -> src/ok.ts (value)");
  });
});

describe("module graph: a tsconfig that extends a missing base", () => {
  it("resolves with what could be read, and names the tsconfig and the missing base", async () => {
    const graph = await graphOf({
      "src/tsconfig.json": { extends: "../tsconfig.base.json", compilerOptions: { types: ["node"] } },
      "src/a.ts": `import { b } from "./b.js";\nexport const a = b;`,
      "src/b.ts": "export const b = 1;",
    }, { tsconfig: "src/tsconfig.json" });
    expect(edgesOf(graph)).toEqual(["src/a.ts -> src/b.ts (value)"]);
    expect(graph.warnings).toContain('broken-tsconfig: src/tsconfig.json extends "../tsconfig.base.json", which does not exist: resolving with what could be read of it');
  });
});
