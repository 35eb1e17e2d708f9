import { join } from "node:path";
import ts from "typescript";
import { expect, it } from "vitest";
import { LEGACY_SHOP_CONTRACTS, readContracts, writeDeployProject } from "./support/write-deploy-project.js";

// The CDK app is rendered from .hbs files no compiler sees in this repository: compile what was
// generated, with the generated tsconfig (strict, noUncheckedIndexedAccess, NodeNext).
it("the generated CDK app type-checks", () => {
  const project = writeDeployProject(readContracts(LEGACY_SHOP_CONTRACTS));
  const deployDir = join(project.outDir, "deploy");
  const configFile = ts.readConfigFile(join(deployDir, "tsconfig.json"), (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, deployDir);
  expect(parsed.fileNames.map((file) => file.slice(deployDir.length + 1)).sort()).toEqual([
    "bin/app.ts",
    "src/build-app.ts",
    "src/deploy-config.ts",
    "src/fargate-compute.ts",
    "src/lambda-compute.ts",
    "src/service-stack.ts",
    "src/shared-stack.ts",
    "src/topology.ts",
  ]);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${diagnostic.file.fileName.slice(deployDir.length + 1)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : "";
    return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
  });
  expect(diagnostics).toEqual([]);
});
