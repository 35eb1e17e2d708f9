import fs from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/model/config.js";
import { useTemporaryProjects } from "../support/create-project.js";
import { runCli } from "../support/run-cli.js";

const project = useTemporaryProjects();

/** Two small domains, a shared logger and a barrel: enough for a real proposal. */
function twoDomains(): Record<string, string | object> {
  const files: Record<string, string | object> = {
    "tsconfig.json": { compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", strict: true } },
    "src/utils/logger.ts": "export const log = (m: string) => m;",
  };
  for (const domain of ["order", "invoice"]) {
    files[`src/models/${domain}.ts`] = `export interface ${domain}Record { id: string }\nexport const new${domain} = (): ${domain}Record => ({ id: "1" });`;
    files[`src/repositories/${domain}-repository.ts`] = `import { new${domain}, type ${domain}Record } from "../models/${domain}.js";\nimport { log } from "../utils/logger.js";\nexport const find${domain} = (): ${domain}Record => { log("find"); return new${domain}(); };\nexport const save${domain} = (r: ${domain}Record) => { log("save"); return r; };`;
    files[`src/services/${domain}-service.ts`] = `import { find${domain}, save${domain} } from "../repositories/${domain}-repository.js";\nimport { new${domain} } from "../models/${domain}.js";\nimport { log } from "../utils/logger.js";\nexport const handle${domain} = () => { log("x"); return save${domain}(find${domain}() ?? new${domain}()); };`;
    files[`src/controllers/${domain}-controller.ts`] = `import { handle${domain} } from "../services/${domain}-service.js";\nimport type { ${domain}Record } from "../models/${domain}.js";\nimport { log } from "../utils/logger.js";\nexport const route${domain} = (): ${domain}Record => { log("route"); return handle${domain}(); };`;
  }
  files["src/services/invoice-service.ts"] += `\nimport { findorder } from "../repositories/order-repository.js";\nexport const invoiceFor = () => findorder();`;
  return files;
}

describe("decouple analyze", () => {
  it("writes a boundaries file that validates against the published schema", async () => {
    const root = project(twoDomains());
    const result = await runCli("analyze", root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Proposed services: 2");
    const boundaries = JSON.parse(fs.readFileSync(path.join(root, "decouple.boundaries.json"), "utf8"));
    const schema = JSON.parse(fs.readFileSync("schemas/decouple.boundaries.schema.json", "utf8"));
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate(boundaries), JSON.stringify(validate.errors)).toBe(true);
    expect(boundaries.services.map((s: { name: string }) => s.name)).toEqual(["invoice", "order"]);
    expect(boundaries.shared.modules).toEqual(["src/utils/logger.ts"]);
    const order = boundaries.services.find((s: { name: string }) => s.name === "order");
    expect(order.api).toEqual([{ module: "src/repositories/order-repository.ts", symbol: "findorder", usedBy: ["invoice"] }]);
  });

  it("writes byte-identical files on two runs, and the same JSON result", async () => {
    const root = project(twoDomains());
    const first = await runCli("analyze", root, "--format", "json");
    const firstFile = fs.readFileSync(path.join(root, "decouple.boundaries.json"), "utf8");
    fs.rmSync(path.join(root, "decouple.boundaries.json"));
    const second = await runCli("analyze", root, "--format", "json");
    expect(fs.readFileSync(path.join(root, "decouple.boundaries.json"), "utf8")).toBe(firstFile);
    expect(second.stdout).toBe(first.stdout);
  });

  it("reuses a cached proposal on unchanged code and never a stale one once the code changes", async () => {
    const root = project(twoDomains());
    const cacheFile = path.join(root, "node_modules", ".cache", "decouple", "partition-cache.json");
    const first = await runCli("analyze", root, "--format", "json");
    expect(fs.existsSync(cacheFile)).toBe(true);
    const second = await runCli("analyze", root, "--format", "json");
    expect(JSON.parse(second.stdout).boundaries).toEqual(JSON.parse(first.stdout).boundaries);
    const withoutCache = await runCli("analyze", root, "--format", "json", "--no-cache");
    expect(JSON.parse(withoutCache.stdout).boundaries).toEqual(JSON.parse(second.stdout).boundaries);

    // The order controller now works for invoices only: it must move, cache or not.
    fs.writeFileSync(
      path.join(root, "src/controllers/order-controller.ts"),
      `import { handleinvoice, invoiceFor } from "../services/invoice-service.js";\nimport type { invoiceRecord } from "../models/invoice.js";\nexport const routeorder = (): invoiceRecord => { invoiceFor(); return handleinvoice(); };`,
    );
    const changed = JSON.parse((await runCli("analyze", root, "--format", "json")).stdout) as { boundaries: { services: { name: string; modules: string[] }[] } };
    const fresh = JSON.parse((await runCli("analyze", root, "--format", "json", "--no-cache")).stdout) as typeof changed;
    expect(changed.boundaries).toEqual(fresh.boundaries);
    const invoice = changed.boundaries.services.find((service) => service.modules.includes("src/services/invoice-service.ts"));
    expect(invoice?.modules).toContain("src/controllers/order-controller.ts");
  });

  it("keeps the names and pinned modules a person wrote into the boundaries file, and says what changed", async () => {
    const root = project(twoDomains());
    await runCli("analyze", root);
    const file = path.join(root, "decouple.boundaries.json");
    const boundaries = JSON.parse(fs.readFileSync(file, "utf8"));
    const order = boundaries.services.find((s: { name: string }) => s.name === "order");
    const invoice = boundaries.services.find((s: { name: string }) => s.name === "invoice");
    order.name = "fulfilment";
    // Move the invoice model into fulfilment by hand and pin it there.
    invoice.modules = invoice.modules.filter((m: string) => m !== "src/models/invoice.ts");
    order.modules.push("src/models/invoice.ts");
    order.pinned = ["src/models/invoice.ts"];
    fs.writeFileSync(file, JSON.stringify(boundaries, null, 2));

    const again = await runCli("analyze", root);
    expect(again.code).toBe(0);
    const after = JSON.parse(fs.readFileSync(file, "utf8"));
    const fulfilment = after.services.find((s: { name: string }) => s.name === "fulfilment");
    expect(fulfilment.modules).toContain("src/models/invoice.ts");
    expect(fulfilment.modules).toContain("src/models/order.ts");
    expect(fulfilment.pinned).toEqual(["src/models/invoice.ts"]);
    expect(after.services.map((s: { name: string }) => s.name)).toEqual(["fulfilment", "invoice"]);
    expect(again.stdout).toMatch(/changes since the last run: 2 services kept, 0 added, 0 removed/);
  });

  it("names services after domain words, not numbers", async () => {
    const root = project(twoDomains());
    const result = await runCli("analyze", root, "--format", "json");
    const names = JSON.parse(result.stdout).boundaries.services.map((s: { name: string }) => s.name);
    for (const name of names) expect(name).not.toMatch(/cluster|\d/);
  });

  it("asks for a count with --services and reports timings with --profile", async () => {
    const root = project(twoDomains());
    const result = await runCli("analyze", root, "--services", "1", "--profile");
    expect(result.stdout).toContain("Proposed services: 1");
    expect(result.stderr).toMatch(/profile \(\d+ modules\):\n\s+discover\s+\d+ ms\n\s+parse/);
  });

  it("writes where --out says, and reads --config", async () => {
    const root = project({ ...twoDomains(), "custom.json": { shared: { modules: ["src/models/**"] } } });
    const out = path.join(root, "out", "b.json");
    const result = await runCli("analyze", root, "--out", out, "--config", path.join(root, "custom.json"));
    expect(result.code).toBe(0);
    const boundaries = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(boundaries.shared.modules).toEqual(expect.arrayContaining(["src/models/invoice.ts", "src/models/order.ts"]));
  });

  it("loads a decouple.config.ts written with defineConfig", async () => {
    const root = project({
      ...twoDomains(),
      "decouple.config.ts": `import { defineConfig } from "decouple";\nexport default defineConfig({ clustering: { services: 1 } });`,
    });
    const result = await runCli("analyze", root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Proposed services: 1");
  });
});

describe("decouple analyze: bad input", () => {
  it.each([
    ["a missing directory", () => ["analyze", "/nonexistent/dir/for/decouple"], /directory .* does not exist.*\[DCP001\]/],
    ["a directory with no modules", () => ["analyze", project({ "README.md": "# nothing" })], /no modules found .*\[DCP002\]/],
    [
      "a broken tsconfig",
      () => ["analyze", project({ "tsconfig.json": '{ "compilerOptions": { "strict": true ', "src/a.ts": "export const a = 1;" })],
      /module graph is degraded, so no proposal was written .*cannot parse tsconfig\.json:1:\d+: .*\[DCP011\]/,
    ],
    [
      "a config with a wrong type",
      () => ["analyze", project({ "decouple.config.json": { weights: { value: "heavy" } }, "src/a.ts": "export const a = 1;" })],
      /decouple\.config\.json: weights\.value: .*\[DCP004\]/,
    ],
    [
      "a config with an unknown key",
      () => ["analyze", project({ "decouple.config.json": { wieghts: {} }, "src/a.ts": "export const a = 1;" })],
      /decouple\.config\.json: .*wieghts.*\[DCP004\]/,
    ],
    ...(["weights", "clustering", "shared", "check"] as const).map((section): [string, () => string[], RegExp] => [
      `a typo inside the ${section} section`,
      () => ["analyze", project({ "decouple.config.json": { [section]: { sede: 7 } }, "src/a.ts": "export const a = 1;" })],
      new RegExp(`decouple\\.config\\.json: ${section}: .*sede.*\\[DCP004\\]`),
    ]),
    [
      "a config that is not JSON",
      () => ["analyze", project({ "decouple.config.json": "{ nope", "src/a.ts": "export const a = 1;" })],
      /not valid JSON.*\[DCP004\]/,
    ],
    [
      "a boundaries file that is not one",
      () => ["analyze", project({ "decouple.boundaries.json": { version: 2 }, "src/a.ts": "export const a = 1;" })],
      /decouple\.boundaries\.json: .*\[DCP005\]/,
    ],
    ["an unknown flag", () => ["analyze", ".", "--colour"], /unknown option '--colour'/],
    ["an unknown command", () => ["analyse"], /unknown command 'analyse'/],
    ["a bad --services", () => ["analyze", ".", "--services", "two"], /--services.*whole number/],
  ])("exits 2 with one clear line for %s", async (_name, argv, message) => {
    const result = await runCli(...argv());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("exits 0 with warnings for syntax errors, cycles and unresolved imports", async () => {
    const root = project({
      ...twoDomains(),
      "src/broken.ts": "export const = ;",
      "src/cycle-a.ts": `import { b } from "./cycle-b.js";\nexport const a = () => b;`,
      "src/cycle-b.ts": `import { a } from "./cycle-a.js";\nexport const b = () => a;`,
      "src/lost.ts": `import { x } from "./nowhere.js";\nexport const lost = x;`,
    });
    const result = await runCli("analyze", root);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/warning: 1 syntax-error\n\s+src\/broken\.ts/);
    expect(result.stdout).toMatch(/warning: 1 cycle\n\s+import cycle: src\/cycle-a\.ts -> src\/cycle-b\.ts/);
    expect(result.stdout).toMatch(/warning: 1 unresolved-import\n\s+src\/lost\.ts:1 cannot resolve "\.\/nowhere\.js"/);
  });

  it("does not hang or fail on a symlink loop", async () => {
    const root = project(twoDomains());
    fs.symlinkSync(root, path.join(root, "src", "loop"));
    const result = await runCli("analyze", root);
    expect(result.code).toBe(0);
  });
});

describe("decouple init", () => {
  it("writes a starter config that validates and points at the schema, and never overwrites one", async () => {
    const root = project({});
    expect((await runCli("init", root)).code).toBe(0);
    const config = JSON.parse(fs.readFileSync(path.join(root, "decouple.config.json"), "utf8"));
    expect(config.$schema).toBe("./node_modules/decouple/schemas/decouple.config.schema.json");
    const schema = JSON.parse(fs.readFileSync("schemas/decouple.config.schema.json", "utf8"));
    expect(new Ajv({ strict: false }).validate(schema, config)).toBe(true);
    const again = await runCli("init", root);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists.*--force/);
    expect((await runCli("init", root, "--force")).code).toBe(0);
  });

  it("writes the schema's own defaults, so analysing with the starter config is analysing with none", async () => {
    const root = project({});
    await runCli("init", root);
    const written = configSchema.parse(JSON.parse(fs.readFileSync(path.join(root, "decouple.config.json"), "utf8")));
    const { $schema: _schema, ...defaults } = written;
    expect(defaults).toEqual(configSchema.parse({}));
  });
});
