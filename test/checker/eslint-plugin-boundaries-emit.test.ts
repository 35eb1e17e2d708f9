import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { analyze } from "../../src/analyzer/analyze.js";
import { emitEslintPluginBoundaries } from "../../src/checker/emit-eslint-plugin-boundaries.js";
import { runRules } from "../../src/checker/run-rules.js";
import { loadConfig } from "../../src/config/load-config.js";

const SHOP = path.resolve("examples/legacy-shop");
// Inside the repository, so the emitted config's `import "eslint-plugin-boundaries"` resolves, but
// not under node_modules, where the plugin's resolver would take every file for a package.
const cache = path.resolve(".decouple-tmp");
fs.mkdirSync(cache, { recursive: true });
const root = fs.mkdtempSync(path.join(cache, "eslint-boundaries-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("--emit eslint-plugin-boundaries", () => {
  it("makes ESLint flag the same importing files as decouple check", async () => {
    fs.cpSync(SHOP, root, { recursive: true, filter: (source) => !source.includes(`${path.sep}node_modules`) });
    const { config } = await loadConfig(root);
    const result = await analyze({ root, config });
    const boundaries = { ...result.boundaries, services: result.boundaries.services.map((service) => ({ ...service, api: [] })) };
    const direct = new Set(result.graph.edges.map((edge) => `${edge.from} -> ${edge.to}`));
    const decoupleFiles = new Set<string>();
    for (const finding of runRules(result.graph, boundaries, config).findings) {
      if (!("to" in finding.key) || !("from" in finding.key)) continue;
      if (!["no-cross-service-import", "no-cross-service-type-import", "no-shared-to-service"].includes(finding.rule)) continue;
      // The plugin judges the file an import resolves to, as dependency-cruiser does.
      if (direct.has(`${finding.key.from} -> ${finding.key.to}`)) decoupleFiles.add(finding.key.from);
    }

    const configFile = path.join(root, "eslint.boundaries.config.js");
    fs.writeFileSync(configFile, emitEslintPluginBoundaries(boundaries, config));
    // ESLint runs in its own Node process, as in a user's editor or CI (not through vitest's loader).
    const script = [
      'import { ESLint } from "eslint";',
      'import tseslint from "typescript-eslint";',
      'import emitted from "./eslint.boundaries.config.js";',
      'const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: true, overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } }, emitted] });',
      'const reports = await eslint.lintFiles(["src/**/*.ts"]);',
      "process.stdout.write(JSON.stringify(reports.map((r) => ({ filePath: r.filePath, messages: r.messages.map((m) => ({ ruleId: m.ruleId, fatal: m.fatal })) }))));",
    ].join("\n");
    fs.writeFileSync(path.join(root, "run-eslint.mjs"), script);
    const reports = JSON.parse(execFileSync(process.execPath, ["run-eslint.mjs"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })) as {
      filePath: string;
      messages: { ruleId: string | null; fatal?: boolean }[];
    }[];
    const eslintFiles = new Set(
      reports
        .filter((report) => report.messages.some((message) => message.ruleId === "boundaries/dependencies"))
        .map((report) => path.relative(root, report.filePath).split(path.sep).join("/")),
    );
    const fatal = reports.flatMap((report) => report.messages.filter((message) => message.fatal));
    expect(fatal).toEqual([]);
    expect(decoupleFiles.size).toBeGreaterThan(0);
    expect([...eslintFiles].sort()).toEqual([...decoupleFiles].sort());
  });
});
