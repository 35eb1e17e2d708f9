import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The installed entry point, as `npx decouple` runs it (npm test builds dist/ first).
const BIN = path.resolve("bin/decouple.js");

function decouple(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
}

describe("bin/decouple.js", () => {
  it("prints help listing every command and exits 0", () => {
    const result = decouple("--help");
    expect(result.status).toBe(0);
    for (const command of ["analyze", "check", "score", "init"]) expect(result.stdout).toContain(command);
  });

  it("exits 2 with one line for an unknown command, without a stack trace", () => {
    const result = decouple("analyse");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown command 'analyse'/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
