import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";
import { copyLegacyShop, SHOP_CONTRACTS } from "./support/legacy-shop-copy.js";

let shop: ReturnType<typeof copyLegacyShop>;
let boundaries: string;
const generate = (...flags: string[]) => runCli("generate", boundaries, "--contracts", SHOP_CONTRACTS, ...flags);
const read = (file: string) => fs.readFileSync(path.join(shop.root, file), "utf8");

/** Every file under the root but node_modules, with its content: to prove a run wrote nothing. */
function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(shop.root, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && !file.includes(`${path.sep}node_modules${path.sep}`)) files.set(file, fs.readFileSync(file, "utf8"));
  }
  return files;
}

beforeAll(() => {
  shop = copyLegacyShop();
  boundaries = path.join(shop.root, "decouple.boundaries.json");
});
afterAll(() => shop?.remove());

describe("regenerating", () => {
  it("--dry-run prints the plan and writes nothing", async () => {
    const before = snapshot();
    const result = await generate("--dry-run");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^would generate cart \(3 operations\), coupon \(3 operations\), customer \(1 operations\), notification \(0 operations\), order \(7 operations\), payment \(1 operations\), product \(1 operations\), report \(0 operations\), shipping \(0 operations\), stock \(5 operations\): \d+ create/);
    expect(result.stdout).toContain("  create       services/payment/src/server.ts");
    expect(snapshot()).toEqual(before);
  });

  it("keeps a file the user edited, updates the ones decouple owns, and replaces the edit only with --force", async () => {
    expect((await generate()).code).toBe(0);
    const server = "services/payment/src/server.ts";
    const edited = `${read(server)}\n// tuned by hand\n`;
    fs.writeFileSync(path.join(shop.root, server), edited);
    const routing = `${JSON.stringify({ services: { order: 25, payment: "on", stock: "off" } })}\n`;
    fs.writeFileSync(path.join(shop.root, "decouple.routing.json"), routing);
    const owned = "services/payment/src/config.ts";
    fs.writeFileSync(path.join(shop.root, owned), "stale");
    // An owned file that was never edited since decouple wrote it is updated: make it look that way.
    const manifestFile = path.join(shop.root, "services/.decouple-manifest.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { version: 1; files: Record<string, string> };
    const { createHash } = await import("node:crypto");
    manifest.files[owned] = createHash("sha256").update("stale").digest("hex");
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));

    const plan = await generate("--dry-run");
    expect(plan.stdout).toContain(`  update       ${owned}`);
    expect(plan.stderr).toContain(`warning: kept ${server}: edited since decouple wrote it (--force replaces it)`);

    const again = await generate();
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`warning: kept ${server}`);
    expect(read(server)).toBe(edited);
    expect(read(owned)).toContain("export function loadConfig");
    expect(read("decouple.routing.json")).toBe(routing);
    // Still the user's on the next run, and --check does not count it as out of date.
    expect((await generate("--check")).code).toBe(0);

    const forced = await generate("--force");
    expect(forced.stdout).toContain(`overwrite (user-edited, --force) ${server}`);
    expect(read(server)).not.toContain("tuned by hand");
    expect(read("decouple.routing.json")).toBe(routing);
  });

  it("--check exits 1 after a boundaries change, writes nothing, and exits 0 after regeneration", async () => {
    expect((await generate("--check")).code).toBe(0);
    const file = JSON.parse(fs.readFileSync(boundaries, "utf8")) as { services: { name: string }[] };
    // stock's modules go back to the monolith: its service, client and facade are no longer generated.
    file.services = file.services.filter((service) => service.name !== "stock");
    fs.writeFileSync(boundaries, `${JSON.stringify(file, null, 2)}\n`);
    const before = snapshot();
    const check = await generate("--check");
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("  remove       services/stock/src/server.ts");
    expect(check.stderr).toMatch(/generated files are out of date/);
    expect(snapshot()).toEqual(before);

    expect((await generate()).code).toBe(0);
    expect(fs.existsSync(path.join(shop.root, "services/stock/src"))).toBe(false);
    // The examples file was the user's from the start: it stays.
    expect(fs.existsSync(path.join(shop.root, "services/stock/test/examples.ts"))).toBe(true);
    expect(fs.existsSync(path.join(shop.root, "src/decouple/facade/stock.ts"))).toBe(false);
    expect((await generate("--check")).code).toBe(0);
  });

  it("renders a template from --templates instead of decouple's, by relative path", async () => {
    const templates = path.join(shop.root, "..", "my-templates");
    fs.mkdirSync(path.join(templates, "service/src"), { recursive: true });
    fs.writeFileSync(path.join(templates, "service/src/config.ts.hbs"), "export const service = {{{jsonInline service}}};\n");
    const some = await generate("--templates", templates, "--service", "payment");
    expect(some.code).toBe(0);
    expect(read("services/payment/src/config.ts")).toBe('export const service = "payment";\n');
    // Generating one service leaves the others' files (and their manifest entries) alone.
    expect(some.stdout).not.toContain("remove");
    expect(fs.existsSync(path.join(shop.root, "services/order/src/server.ts"))).toBe(true);
    expect(Object.keys((JSON.parse(read("services/.decouple-manifest.json")) as { files: object }).files)).toContain("services/order/src/server.ts");
    fs.writeFileSync(path.join(templates, "service/src/typo.ts.hbs"), "");
    const typo = await generate("--templates", templates, "--service", "payment");
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/--templates: service\/src\/typo.ts.hbs overrides no template.*\[DCP006\]/);
  });

  it("rejects service names and paths that could escape the output folder with DCP005", async () => {
    const contracts = JSON.parse(fs.readFileSync(SHOP_CONTRACTS, "utf8")) as { service: string; operations: { operationId: string }[] }[];
    const escape = path.join(shop.root, "..", "escape.contracts.json");
    for (const [name, mutate] of [
      ["a service named ../x", (list: typeof contracts) => (list[0]!.service = "../x")],
      ["an operation named {{x}}", (list: typeof contracts) => (list[1]!.operations[0]!.operationId = "{{x}}")],
      ["an operation named ../../etc", (list: typeof contracts) => (list[1]!.operations[0]!.operationId = "../../etc")],
    ] as const) {
      const list = structuredClone(contracts);
      mutate(list);
      fs.writeFileSync(escape, JSON.stringify(list));
      const result = await runCli("generate", boundaries, "--contracts", escape);
      expect(result.code, name).toBe(2);
      expect(result.stderr, name).toContain("[DCP005]");
      expect(fs.existsSync(path.join(shop.root, "..", "x")), name).toBe(false);
    }
    const renamed = fs.readFileSync(boundaries, "utf8").replace('"name": "payment"', '"name": "../payment"');
    const badBoundaries = path.join(shop.root, "..", "bad.boundaries.json");
    fs.writeFileSync(badBoundaries, renamed);
    const bad = await runCli("generate", badBoundaries, "--contracts", SHOP_CONTRACTS);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("[DCP005]");
    const unknown = await generate("--service", "nope");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--service nope: no such service");
  });
});

describe("analyze after generate", () => {
  it("leaves the generated services, clients and facades out of the graph", async () => {
    const fresh = copyLegacyShop();
    try {
      const file = path.join(fresh.root, "decouple.boundaries.json");
      expect((await runCli("generate", file, "--contracts", SHOP_CONTRACTS, "--service", "payment")).code).toBe(0);
      const { extractModuleGraph } = await import("../../src/graph/extract-module-graph.js");
      const { loadConfig } = await import("../../src/config/load-config.js");
      const { graph } = await extractModuleGraph({ root: fresh.root, config: (await loadConfig(fresh.root)).config });
      const modules: string[] = graph.modules.map((module) => module.id);
      expect(modules).toContain("src/services/payment-service.ts");
      expect(modules.filter((module) => module.startsWith("services/") || module.startsWith("src/decouple/"))).toEqual([]);
    } finally {
      fresh.remove();
    }
  });
});

describe("generate --help", () => {
  it("lists every option", async () => {
    const help = await runCli("generate", "--help");
    expect(help.code).toBe(0);
    for (const flag of ["[boundaries-file]", "--out <dir>", "--service <name...>", "--dry-run", "--check", "--force", "--templates <dir>", "--contracts <file>"]) {
      expect(help.stdout).toContain(flag);
    }
  });
});
