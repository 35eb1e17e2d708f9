import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractModuleGraph } from "../../src/graph/extract-module-graph.js";
import { configSchema } from "../../src/model/config.js";
import type { ModuleGraph } from "../../src/model/module-graph.js";
import { useTemporaryProjects } from "../support/create-project.js";
import { runCli } from "../support/run-cli.js";

const project = useTemporaryProjects();

async function graphOf(root: string, config: object = {}): Promise<ModuleGraph & { warnings: string[] }> {
  const extracted = await extractModuleGraph({ root, config: configSchema.parse(config), workers: 0 });
  return { ...extracted.graph, warnings: extracted.warnings.map((warning) => `${warning.kind}: ${warning.message}`) };
}

const edgesOf = (graph: ModuleGraph): string[] => graph.edges.map((edge) => `${edge.from} -> ${edge.to}`).sort();
const idsOf = (graph: ModuleGraph): string[] => graph.modules.map((module) => module.id).sort();

describe("hostile inputs: the graph reads what it can and names what it cannot", () => {
  it("a syntax error is a warning with line and column; the file's good imports still count", async () => {
    const graph = await graphOf(project({ "src/a.ts": 'import { b } from "./b.js";\nexport const a = b;\nconst broken = (;\n', "src/b.ts": "export const b = 1;" }));
    expect(edgesOf(graph)).toEqual(["src/a.ts -> src/b.ts"]);
    expect(graph.warnings.join("\n")).toMatch(/syntax-error: src\/a\.ts: line 3, column \d+: /);
  });

  it("a 10 MB file is skipped with a warning naming it; the size limit is configurable", async () => {
    const root = project({ "src/a.ts": 'import { big } from "./big.js";\nexport const a = big;', "src/big.ts": `export const big = 1;\n${"// padding padding padding padding\n".repeat(300_000)}` });
    const graph = await graphOf(root);
    expect(fs.statSync(path.join(root, "src/big.ts")).size).toBeGreaterThan(10_000_000);
    expect(idsOf(graph)).toEqual(["src/a.ts"]);
    expect(graph.warnings.join("\n")).toMatch(/skipped-file: src\/big\.ts skipped: 10\.\d MB, above maxFileSize \(5\.0 MB\)/);
    expect(idsOf(await graphOf(root, { maxFileSize: 20_000_000 }))).toEqual(["src/a.ts", "src/big.ts"]);
  });

  it("a minified bundle is skipped with a warning naming it", async () => {
    const bundle = `!function(){${Array.from({ length: 3000 }, (_, i) => `var a${i}=function(n){return n+${i}};`).join("")}}();\n`;
    const graph = await graphOf(project({ "src/a.ts": "export const a = 1;", "public/vendor.min.js": bundle }));
    expect(idsOf(graph)).toEqual(["src/a.ts"]);
    expect(graph.warnings.join("\n")).toMatch(/skipped-file: public\/vendor\.min\.js skipped: looks minified/);
  });

  it("a binary file with a source extension does not stop the run", async () => {
    const root = project({ "src/a.ts": "export const a = 1;" });
    fs.writeFileSync(path.join(root, "src/blob.js"), Buffer.from([0, 1, 2, 255, 254, 0, 0, 7, 0, 13, 10]));
    const graph = await graphOf(root);
    expect(idsOf(graph)).toContain("src/a.ts");
  });

  it("UTF-16 files with a byte-order mark (LE and BE) are decoded and keep their imports", async () => {
    const root = project({ "src/b.ts": "export const b = 1;", "src/c.ts": "export const c = 1;" });
    const le = 'import { b } from "./b.js";\nexport const a = b;\n';
    fs.writeFileSync(path.join(root, "src/a.ts"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(le, "utf16le")]));
    const be = Buffer.from('import { c } from "./c.js";\nexport const d = c;\n', "utf16le").swap16();
    fs.writeFileSync(path.join(root, "src/d.ts"), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    const graph = await graphOf(root);
    expect(edgesOf(graph)).toEqual(["src/a.ts -> src/b.ts", "src/d.ts -> src/c.ts"]);
    expect(graph.warnings.filter((warning) => warning.startsWith("syntax-error"))).toEqual([]);
  });

  it("CRLF line ends: imports found, line numbers right", async () => {
    const graph = await graphOf(project({ "src/a.ts": '// one\r\n// two\r\nimport { b } from "./b.js";\r\nimport { x } from "./missing.js";\r\nexport const a = b + x;\r\n', "src/b.ts": "export const b = 1;\r\n" }));
    expect(edgesOf(graph)).toEqual(["src/a.ts -> src/b.ts"]);
    expect(graph.warnings.join("\n")).toContain('src/a.ts:4 cannot resolve "./missing.js"');
  });

  it("mixed module kinds and CommonJS: require, module.exports, .cjs and .mjs all give edges", async () => {
    const graph = await graphOf(project({
      "src/a.mjs": 'import b from "./b.cjs";\nexport default b;',
      "src/b.cjs": 'const c = require("./c.js");\nmodule.exports = c;',
      "src/c.js": "exports.c = 1;",
      "src/d.ts": 'import a from "./a.mjs";\nexport const d = a;',
    }));
    expect(edgesOf(graph)).toEqual(["src/a.mjs -> src/b.cjs", "src/b.cjs -> src/c.js", "src/d.ts -> src/a.mjs"]);
  });

  it("decorators (legacy and standard) parse without warnings", async () => {
    const graph = await graphOf(project({
      "tsconfig.json": { compilerOptions: { experimentalDecorators: true } },
      "src/a.ts": 'import { Injectable } from "./di.js";\n@Injectable()\nexport class Orders {\n  constructor(@Inject("x") private readonly x: string) {}\n  @Get("/") list() { return []; }\n}\nfunction Inject(_: string) { return () => undefined; }\nfunction Get(_: string) { return () => undefined; }',
      "src/di.ts": "export const Injectable = () => (target: unknown) => target;",
    }));
    expect(edgesOf(graph)).toEqual(["src/a.ts -> src/di.ts"]);
    expect(graph.warnings.filter((warning) => warning.startsWith("syntax-error"))).toEqual([]);
  });

  it("a JSONC tsconfig (comments, trailing commas) still resolves its paths", async () => {
    const root = project({ "src/app.ts": 'import { order } from "@domain/order";\nexport const app = order;', "src/domain/order.ts": "export const order = 1;" });
    fs.writeFileSync(path.join(root, "tsconfig.json"), '{\n  // paths for the domain\n  "compilerOptions": {\n    /* aliases */ "baseUrl": ".",\n    "paths": { "@domain/*": ["src/domain/*"], },\n  },\n}\n');
    expect(edgesOf(await graphOf(root))).toEqual(["src/app.ts -> src/domain/order.ts"]);
  });

  it("project references: a solution tsconfig with referenced projects reads every module", async () => {
    const graph = await graphOf(project({
      "tsconfig.json": { files: [], references: [{ path: "./packages/api" }, { path: "./packages/core" }] },
      "packages/core/tsconfig.json": { compilerOptions: { composite: true }, include: ["src"] },
      "packages/core/src/money.ts": "export const money = 1;",
      "packages/api/tsconfig.json": { compilerOptions: { composite: true }, include: ["src"], references: [{ path: "../core" }] },
      "packages/api/src/route.ts": 'import { money } from "../../core/src/money.js";\nexport const route = money;',
    }));
    expect(edgesOf(graph)).toEqual(["packages/api/src/route.ts -> packages/core/src/money.ts"]);
  });

  it("a symlink loop ends (links are not followed)", async () => {
    const root = project({ "src/a.ts": 'import { b } from "./b.js";\nexport const a = b;', "src/b.ts": "export const b = 1;" });
    fs.symlinkSync("..", path.join(root, "src/loop"));
    fs.symlinkSync(path.join(root, "src/self"), path.join(root, "src/self"));
    const graph = await graphOf(root);
    expect(idsOf(graph)).toEqual(["src/a.ts", "src/b.ts"]);
  });

  it("odd and hostile file names: spaces, unicode, HTML, quotes, a newline", async () => {
    const names = ["src/with space.ts", "src/ünïcödé-名前.ts", "src/<img src=x onerror=alert(1)>.ts", "src/it's \"quoted\".ts", "src/new\nline.ts", "src/-dash.ts"];
    const files: Record<string, string> = { "src/a.ts": `${names.map((name, index) => `import { v${index} } from ${JSON.stringify(`./${path.basename(name, ".ts")}.js`)};`).join("\n")}\nexport const a = 0;` };
    names.forEach((name, index) => (files[name] = `export const v${index} = ${index};`));
    const graph = await graphOf(project(files));
    expect(idsOf(graph)).toEqual(["src/a.ts", ...names].sort());
    expect(edgesOf(graph)).toHaveLength(names.length);
  });
});

describe("hostile file names in check's reports", () => {
  const name = "src/orders/<img src=x onerror=alert(1)>\nnext.ts";
  const files = {
    [name]: 'import { charge } from "../payments/charge-card.js";\nexport const place = () => charge();',
    "src/payments/charge-card.ts": "export const charge = () => 1;",
    "decouple.boundaries.json": { version: 1, services: [{ name: "orders", modules: [name] }, { name: "payments", modules: ["src/payments/charge-card.ts"] }], shared: { modules: [] } },
  };

  it("Markdown escapes the HTML and keeps the table row on one line", async () => {
    const result = await runCli("check", project(files), "--no-cache", "--format", "markdown");
    expect(result.code).toBe(1);
    const row = result.stdout.split("\n").find((line) => line.startsWith("| error"));
    expect(row).toBeDefined();
    expect(row).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(row?.replace(/`[^`]*`/g, "")).not.toMatch(/<img/);
  });

  it("text output shows a newline in a name as \\n, on one line", async () => {
    const result = await runCli("check", project(files), "--no-cache");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("<img src=x onerror=alert(1)>\\nnext.ts:1");
    expect(result.stdout.split("\n").some((line) => line.startsWith("next.ts"))).toBe(false);
  });
});
