import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractModuleGraph } from "../../src/graph/extract-module-graph.js";
import { configSchema } from "../../src/model/config.js";
import { useTemporaryProjects } from "../support/create-project.js";

const project = useTemporaryProjects();

async function extract(root: string, cacheDirectory: string) {
  return extractModuleGraph({ root, config: configSchema.parse({}), workers: 0, cacheDirectory });
}

describe("parse cache", () => {
  it("gives the same graph warm as cold, and re-parses a changed file", async () => {
    const root = project({
      "src/a.ts": `import { b } from "./b.js";\nexport const a = b;`,
      "src/b.ts": "export const b = 1;",
    });
    const cacheDirectory = path.join(root, "node_modules", ".cache", "decouple");
    const cold = await extract(root, cacheDirectory);
    expect(fs.existsSync(path.join(cacheDirectory, "parse-cache.json"))).toBe(true);
    const warm = await extract(root, cacheDirectory);
    expect(warm.graph).toEqual(cold.graph);

    fs.writeFileSync(path.join(root, "src/a.ts"), `import { b } from "./b.js";\nimport { c } from "./c.js";\nexport const a = b + c;`);
    fs.writeFileSync(path.join(root, "src/c.ts"), "export const c = 1;");
    const changed = await extract(root, cacheDirectory);
    expect(changed.graph.edges.map((edge) => `${edge.from}->${edge.to}`)).toEqual(["src/a.ts->src/b.ts", "src/a.ts->src/c.ts"]);
  });

  it("ignores a damaged cache file instead of trusting it", async () => {
    const root = project({ "src/a.ts": `import { b } from "./b.js";\nexport const a = b;`, "src/b.ts": "export const b = 1;" });
    const cacheDirectory = path.join(root, ".cache");
    fs.mkdirSync(cacheDirectory);
    fs.writeFileSync(path.join(cacheDirectory, "parse-cache.json"), "{ not json");
    const result = await extract(root, cacheDirectory);
    expect(result.graph.edges).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(path.join(cacheDirectory, "parse-cache.json"), "utf8")).entries["src/a.ts"]).toBeDefined();
  });
});
