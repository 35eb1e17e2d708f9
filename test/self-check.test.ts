import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "./support/run-cli.js";

const REPOSITORY = path.resolve(import.meta.dirname, "..");
const copies: string[] = [];
afterEach(() => copies.splice(0).forEach((copy) => fs.rmSync(copy, { recursive: true, force: true })));

/** decouple's own sources and the files `npm run check:self` reads, in a temporary folder. */
function copyRepository(): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "decouple-self-"));
  copies.push(copy);
  fs.cpSync(path.join(REPOSITORY, "src"), path.join(copy, "src"), { recursive: true });
  for (const file of ["decouple.config.json", "decouple.boundaries.json", "decouple.baseline.json", "tsconfig.json", "package.json"]) {
    fs.copyFileSync(path.join(REPOSITORY, file), path.join(copy, file));
  }
  return copy;
}

/** What `npm run check:self` runs (`decouple check .`), in the copy. */
const checkSelf = (root: string) => runCli("check", root, "--no-cache", "--no-color");

describe("check:self enforces the stage order of docs/architecture.md", () => {
  it("fails with no-forbidden-dependency and the reason when the graph stage imports the checker", async () => {
    const root = copyRepository();
    const file = path.join(root, "src/graph/find-cycles.ts");
    fs.writeFileSync(file, `import { RULES } from "../checker/rules/index.js";\nexport const planted = RULES;\n${fs.readFileSync(file, "utf8")}`);
    const result = await checkSelf(root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("src/graph/find-cycles.ts:1  error  no-forbidden-dependency");
    expect(result.stdout).toContain("src/graph/find-cycles.ts imports src/checker/rules/index.ts");
    expect(result.stdout).toContain("graph (discover, parse, resolve) is the first stage: it may import only config, io and model");
  });

  it("passes as committed, and with a new file in a stage folder that imports downward", async () => {
    const root = copyRepository();
    expect((await checkSelf(root)).code).toBe(0);
    fs.mkdirSync(path.join(root, "src/generator"), { recursive: true });
    fs.writeFileSync(path.join(root, "src/generator/plan-new-files.ts"), `import { findCycles } from "../graph/find-cycles.js";\nexport const plan = findCycles;\n`);
    const result = await checkSelf(root);
    expect(result.stdout).toContain("no new errors");
    expect(result.code).toBe(0);
  });

  it("catches a sibling import too: analyze, check and generate share code through a lower stage", async () => {
    const root = copyRepository();
    const file = path.join(root, "src/checker/baseline.ts");
    fs.writeFileSync(file, `import type { AnalysisResult } from "../analyzer/analyze.js";\nexport type Planted = AnalysisResult;\n${fs.readFileSync(file, "utf8")}`);
    const result = await checkSelf(root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("src/checker/baseline.ts imports the type src/analyzer/analyze.ts");
    expect(result.stdout).toContain("analyze, check and generate are siblings");
  });
});
