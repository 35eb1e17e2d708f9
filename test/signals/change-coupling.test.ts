import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { moduleSet } from "../support/branded.js";
import { parseModuleId } from "../../src/model/module-id.js";
import { analyze } from "../../src/analyzer/analyze.js";
import { configSchema } from "../../src/model/config.js";
import { changeCoupling } from "../../src/signals/change-coupling.js";
import { useTemporaryProjects } from "../support/create-project.js";

const project = useTemporaryProjects();

describe("changeCoupling", () => {
  const modules = moduleSet(["a.ts", "b.ts", "c.ts", "d.ts"]);
  const day = 86_400;

  it("weighs each pair by 1 / (files - 1) and halves the weight per half-life of age", () => {
    const pairs = changeCoupling(
      [
        { time: 100 * day, files: ["a.ts", "b.ts"] },
        { time: 90 * day, files: ["a.ts", "b.ts", "c.ts"] },
        { time: 100 * day, files: ["a.ts", "README.md"] },
      ],
      modules,
      { maxFilesPerCommit: 10, halfLifeDays: 10 },
    );
    expect(pairs).toEqual([
      ["a.ts", "b.ts", 1 + 0.25],
      ["a.ts", "c.ts", 0.25],
      ["b.ts", "c.ts", 0.25],
    ]);
  });

  it("ignores bulk commits", () => {
    const pairs = changeCoupling([{ time: 0, files: ["a.ts", "b.ts", "c.ts", "d.ts"] }], modules, { maxFilesPerCommit: 3, halfLifeDays: 10 });
    expect(pairs).toEqual([]);
  });
});

/** Two import clusters; a leans (type-only) on one, b on the other; a and b never import each other. */
function twoClusters(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const cluster of ["x", "y"]) {
    for (let i = 1; i <= 4; i++) {
      const next = i < 4 ? `import { ${cluster}${i + 1} } from "./${cluster}${i + 1}.js";\n` : "";
      const back = i > 1 ? `import { ${cluster}1 } from "./${cluster}1.js";\n` : "";
      files[`src/${cluster}${i}.ts`] = `${next}${back}export const ${cluster}${i} = () => ${i < 4 ? `${cluster}${i + 1}()` : "1"}${i > 1 ? ` + ${cluster}1()` : ""};`;
    }
  }
  files["src/a.ts"] = `import type { X } from "./x-types.js";\nexport const a = (x: X) => x;`;
  files["src/x-types.ts"] = `import { x2 } from "./x2.js";\nexport type X = ReturnType<typeof x2>;\nexport const xt = x2;`;
  files["src/b.ts"] = `import type { Y } from "./y-types.js";\nexport const b = (y: Y) => y;`;
  files["src/y-types.ts"] = `import { y2 } from "./y2.js";\nexport type Y = ReturnType<typeof y2>;\nexport const yt = y2;`;
  return files;
}

function git(root: string, ...args: string[]): void {
  execFileSync("git", args, {
    cwd: root,
    stdio: "ignore",
    env: { ...process.env, GIT_AUTHOR_DATE: "2026-01-01T00:00:00Z", GIT_COMMITTER_DATE: "2026-01-01T00:00:00Z" },
  });
}

describe("change coupling in analyze", () => {
  it("puts two modules that never import each other but always change together in one service", async () => {
    const root = project(twoClusters());
    git(root, "init", "-q");
    git(root, "-c", "user.name=t", "-c", "user.email=t@t", "add", ".");
    git(root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "start");
    for (let i = 0; i < 6; i++) {
      fs.appendFileSync(path.join(root, "src/a.ts"), `\n// change ${i}`);
      fs.appendFileSync(path.join(root, "src/b.ts"), `\n// change ${i}`);
      git(root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", `change ${i}`);
    }
    const serviceOf = async (enabled: boolean) => {
      const config = configSchema.parse({ signals: { changes: { enabled }, names: { enabled: false } }, clustering: { minServiceSize: 1 } });
      const result = await analyze({ root, config });
      const owner = (module: string) => result.boundaries.services.find((service) => service.modules.includes(parseModuleId(module)))?.name;
      return { a: owner("src/a.ts"), b: owner("src/b.ts"), signals: result.signals.map((signal) => signal.name) };
    };
    const without = await serviceOf(false);
    expect(without.signals).not.toContain("changes");
    expect(without.a).not.toBe(without.b);
    const withHistory = await serviceOf(true);
    expect(withHistory.signals).toContain("changes");
    expect(withHistory.a).toBeDefined();
    expect(withHistory.a).toBe(withHistory.b);
  });
});
