import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractModuleGraph } from "../../src/graph/extract-module-graph.js";
import { configSchema } from "../../src/model/config.js";
import { useTemporaryProjects } from "../support/create-project.js";

const project = useTemporaryProjects();
const config = configSchema.parse({});

/** A change to one module: it imports through a barrel, beside modules nobody touched. */
const SHOP = {
  "src/cart.ts": `import { price } from "./catalog/index.js";\nexport const total = price();`,
  "src/catalog/index.ts": `export * from "./price.js";\nexport { name } from "./name.js";`,
  "src/catalog/price.ts": `import { round } from "../util.js";\nexport const price = () => round(1);`,
  "src/catalog/name.ts": `export const name = "x";`,
  "src/util.ts": "export const round = (n: number) => n;",
  "src/unrelated.ts": `import { round } from "./util.js";\nexport const u = round(2);`,
};

describe("module graph of some files (check --changed-since)", () => {
  it("keeps only the given modules, their symbols judged by the declaring module, and parses only what that needs", async () => {
    const root = project(SHOP);
    const files = [path.join(root, "src/cart.ts"), path.join(root, "README.md")];
    const { graph, parsed, files: scope } = await extractModuleGraph({ root, config, workers: 0, files });
    expect(graph.modules.map((module) => module.id)).toEqual(["src/cart.ts"]);
    expect(scope).toEqual([path.join(root, "src/cart.ts")]);
    expect(graph.edges.map((edge) => [edge.from, edge.to, edge.symbols.map((symbol) => symbol.declaredIn)])).toEqual([["src/cart.ts", "src/catalog/index.ts", ["src/catalog/price.ts"]]]);
    // cart, the barrel it imports and the two modules the barrel re-exports; not util or unrelated.
    expect(parsed).toBe(4);
  });

  it("reads and keeps the parse cache: entries of files it did not read stay for the next full run", async () => {
    const root = project(SHOP);
    const cacheDirectory = path.join(root, ".cache");
    await extractModuleGraph({ root, config, workers: 0, cacheDirectory });
    const cacheFile = path.join(cacheDirectory, "parse-cache.json");
    const entries = (): string[] => Object.keys((JSON.parse(fs.readFileSync(cacheFile, "utf8")) as { entries: object }).entries).sort();
    const full = entries();
    expect(full).toHaveLength(6);
    fs.appendFileSync(path.join(root, "src/cart.ts"), "\nexport const again = total;\n");
    const { graph } = await extractModuleGraph({ root, config, workers: 0, cacheDirectory, files: [path.join(root, "src/cart.ts")] });
    expect(graph.modules.map((module) => module.id)).toEqual(["src/cart.ts"]);
    expect(entries()).toEqual(full);
  });

  it("still says so when the root is not a directory", async () => {
    const root = project(SHOP);
    await expect(extractModuleGraph({ root: path.join(root, "missing"), config, files: [] })).rejects.toMatchObject({ code: "DCP001" });
  });
});
