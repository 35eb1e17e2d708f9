import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTemporaryProjects } from "../support/create-project.js";
import { runCli } from "../support/run-cli.js";

const project = useTemporaryProjects();

describe("decouple report", () => {
  it("says where a result file stops being JSON, with its line and column (DCP012)", async () => {
    const root = project({ "result.json": '{\n  "version": 1,\n  "scope": ,\n}\n' });
    const result = await runCli("report", path.join(root, "result.json"));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/result file .*result\.json:3:12: not valid JSON\. .*\[DCP012\]\n$/);
  });

  it("names the path of the first schema problem of a saved result (DCP012)", async () => {
    const root = project({ "check.json": { version: 1, scope: { mode: "full", modules: "many" } } });
    const result = await runCli("report", path.join(root, "check.json"));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/check\.json: scope\.modules: .*\[DCP012\]/);
  });

  it("refuses a file that is no result, and a format its kind does not have", async () => {
    const root = project({ "other.json": { hello: "world" } });
    expect((await runCli("report", path.join(root, "other.json"))).stderr).toMatch(/not a result of analyze, score or check.*\[DCP012\]/);
    const score = project({ "src/a.ts": 'import { b } from "./b.js";\nexport const a = b;\n', "src/b.ts": "export const b = 1;\n" });
    fs.writeFileSync(path.join(score, "decouple.boundaries.json"), JSON.stringify({ version: 1, services: [{ name: "ab", modules: ["src/a.ts", "src/b.ts"] }], shared: { modules: [] } }));
    const saved = await runCli("score", score, "--format", "json", "--no-cache", "--no-history");
    expect(saved.code, saved.stderr).toBe(0);
    fs.writeFileSync(path.join(score, "score.json"), saved.stdout);
    const sarif = await runCli("report", path.join(score, "score.json"), "--format", "sarif");
    expect(sarif.code).toBe(2);
    expect(sarif.stderr).toMatch(/--format sarif is not a format of score results; use one of text, json\. \[DCP006\]/);
    expect((await runCli("report", path.join(score, "score.json"), "--format", "json")).stdout).toBe(saved.stdout);
  });
});
