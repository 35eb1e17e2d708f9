import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject, removeProject } from "../support/create-project.js";
import { runCli } from "../support/run-cli.js";

let root = "";

function git(...args: string[]): void {
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], {
    cwd: root,
    stdio: "ignore",
    // One date for every commit: change coupling then has no age decay to account for.
    env: { ...process.env, GIT_AUTHOR_DATE: "2026-01-01T00:00:00Z", GIT_COMMITTER_DATE: "2026-01-01T00:00:00Z" },
  });
}

function commit(message: string, ...files: string[]): void {
  for (const file of files) fs.appendFileSync(path.join(root, file), `\n// ${message}`);
  git("add", ...files);
  git("commit", "-qm", message);
}

/**
 * Services one {a, c} and two {b}. History: a and b change together twice, a and c once, b and c
 * once, every other commit touches one module. Each two-module commit adds 1 to its pair, so the
 * change signal cuts a–b 2 + b–c 1 = 3 of 4.
 */
beforeAll(() => {
  root = createProject({
    "src/a.ts": `import { c } from "./c.js";\nexport const a = () => c();`,
    "src/b.ts": `import { a } from "./a.js";\nexport const b = () => a();`,
    "src/c.ts": "export const c = () => 1;",
    "decouple.config.json": { signals: { names: { enabled: false } } },
    "decouple.boundaries.json": {
      version: 1,
      services: [
        { name: "one", modules: ["src/a.ts", "src/c.ts"], pinned: [], api: [] },
        { name: "two", modules: ["src/b.ts"], pinned: [], api: [] },
      ],
      shared: { modules: [], pinned: [] },
    },
  });
});
afterAll(() => removeProject(root));

describe("decouple score with coupling signals beyond imports", () => {
  it("says why change coupling is missing outside a git repository", async () => {
    const result = await runCli("score", root, "--format", "json");
    expect(result.code, result.stderr).toBe(0);
    const { overall } = JSON.parse(result.stdout);
    expect(Object.keys(overall.cutWeight)).toEqual(["imports"]);
    // Barrels, entities and folders are on by default; with no barrel, entity or feature folder in
    // the project they have nothing to cut.
    expect(overall.signalsOff).toEqual([
      { name: "barrels", note: "it couples no two modules here" },
      { name: "changes", note: "not a git repository" },
      { name: "entities", note: "it couples no two modules here" },
      { name: "folders", note: "it couples no two modules here" },
    ]);
    const text = await runCli("score", root);
    expect(text.stdout).toContain("no cut weight for changes: not a git repository");
  });

  it("reports the cut of the git history next to the cut of the imports", async () => {
    git("init", "-q");
    git("add", "decouple.config.json", "decouple.boundaries.json");
    git("commit", "-qm", "config");
    for (const file of ["src/a.ts", "src/b.ts", "src/c.ts"]) {
      git("add", file);
      git("commit", "-qm", `add ${file}`);
    }
    commit("a with b", "src/a.ts", "src/b.ts");
    commit("a with b again", "src/a.ts", "src/b.ts");
    commit("a with c", "src/a.ts", "src/c.ts");
    commit("b with c", "src/b.ts", "src/c.ts");

    const result = await runCli("score", root, "--format", "json");
    expect(result.code, result.stderr).toBe(0);
    const { overall } = JSON.parse(result.stdout);
    expect(Object.keys(overall.cutWeight)).toEqual(["imports", "changes"]);
    expect(overall.cutWeight.changes).toEqual({ cut: 3, total: 4, share: 0.75 });
    // Two imports of one symbol used once, so of equal weight: b → a crosses the services, a → c does not.
    expect(overall.cutWeight.imports.share).toBe(0.5);
    expect(overall.signalsOff).toEqual([
      { name: "barrels", note: "it couples no two modules here" },
      { name: "entities", note: "it couples no two modules here" },
      { name: "folders", note: "it couples no two modules here" },
    ]);

    const text = await runCli("score", root);
    expect(text.stdout).toMatch(/^cut weight, changes\s+0\.750 \(3\.0 of 4\.0\)\s+lower$/m);

    const withoutHistory = await runCli("score", root, "--no-history", "--format", "json");
    expect(Object.keys(JSON.parse(withoutHistory.stdout).overall.cutWeight)).toEqual(["imports"]);
  });
});
