import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { EXIT, run } from "../../src/cli/main.js";
import { useTemporaryProjects } from "../support/create-project.js";

const project = useTemporaryProjects();

/** The rows of the README's "Exit codes and errors" table: code -> meaning. */
function readmeExitCodes(): Map<string, string> {
  const readme = fs.readFileSync("README.md", "utf8");
  const section = readme.split("\n## Exit codes and errors\n")[1]?.split("\n## ")[0] ?? "";
  const rows = section.split("\n").filter((line) => /^\| \d+ \|/.test(line));
  return new Map(rows.map((line) => {
    const [, code = "", meaning = ""] = line.split(/\s*\|\s*/);
    return [code, meaning];
  }));
}

/**
 * What each row promises, and the tests that hold the promise (file, and the test's title or the
 * case name it is built from). A claim whose words leave the README, or a test renamed or removed,
 * fails here, so the table and the tests cannot drift apart.
 */
const CLAIMS: { code: string; words: RegExp; tests: [file: string, title: string][] }[] = [
  { code: "0", words: /^done \(warnings allowed/, tests: [
    ["test/cli/analyze-command.test.ts", "exits 0 with warnings for syntax errors, cycles and unresolved imports"],
    ["test/checker/legacy-shop-check.test.ts", "passes right after analyze"],
  ] },
  { code: "1", words: /`check` found a new error-level violation/, tests: [["test/reliability/gate-and-writes.test.ts", "the intact project fails (exit 1)"]] },
  { code: "1", words: /`generate --check` found generated files out of date/, tests: [["test/generator/regenerate.test.ts", "--check exits 1 after a boundaries change"]] },
  { code: "2", words: /bad usage/, tests: [["test/reliability/io-errors.test.ts", "an option value that looks like a flag is refused"]] },
  { code: "2", words: /bad input/, tests: [
    ["test/reliability/gate-and-writes.test.ts", "boundaries file truncated mid-JSON"],
    ["test/reliability/validate-meaning.test.ts", "boundaries files that contradict themselves are refused (DCP005"],
  ] },
  { code: "2", words: /an internal error/, tests: [["test/reliability/exit-code-table.test.ts", "an internal error exits 2"]] },
  { code: "2", words: /degraded module graph \(DCP011: a tsconfig that cannot be read, or more relative and alias imports unresolved than `graph\.maxUnresolvedShare`\): `check` exits 2 rather than pass on it/, tests: [
    ["test/reliability/gate-and-writes.test.ts", "a tsconfig whose extends loops"],
    ["test/reliability/gate-and-writes.test.ts", "a tsconfig that extends a missing file"],
    ["test/reliability/gate-and-writes.test.ts", "a tsconfig that is not JSON"],
    ["test/graph/resolve-with-governing-tsconfig.test.ts", "too many unresolved imports: check exits 2 unless the limit is raised in the config"],
    ["test/reliability/robustness-sweep.test.ts", "never pass a degraded graph"],
  ] },
  { code: "2", words: /`analyze` writes no proposal from it without `--force`/, tests: [["test/graph/resolve-with-governing-tsconfig.test.ts", "circular extends: analyze refuses to replace the boundaries file unless --force"]] },
  { code: "2", words: /a source file or folder that cannot be read \(DCP013, unless `graph\.unreadableFiles` is `"warn"`\): `analyze` and `check` stop/, tests: [
    ["test/reliability/io-errors.test.ts", "an unreadable source file makes check fail closed"],
    ["test/reliability/io-errors.test.ts", "an unreadable folder makes check and analyze fail closed"],
    ["test/reliability/gate-and-writes.test.ts", "the violating module's folder made unreadable"],
  ] },
];

describe("the README's exit-code table", () => {
  it("lists exactly the codes the CLI returns: 0, 1 and 2", () => {
    expect([...readmeExitCodes().keys()]).toEqual(["0", "1", "2"]);
    expect(Object.values(EXIT).sort()).toEqual([0, 1, 2]);
  });

  for (const { code, words, tests } of CLAIMS) {
    it(`row ${code} says ${words.source.slice(0, 60)}… and the tests holding it exist`, () => {
      expect(readmeExitCodes().get(code)).toMatch(words);
      for (const [file, title] of tests) expect(fs.readFileSync(file, "utf8"), `${file} has no test "${title}"`).toContain(title);
    });
  }

  it("an internal error exits 2 with a line asking for a report, and no stack trace without --debug", async () => {
    const root = project({ "src/a.ts": "export const a = 1;" });
    let stderr = "";
    // A failure decouple did not foresee: its output stream breaking mid-run.
    const code = await run(["analyze", root, "--no-cache", "--out", "/dev/null"], {
      out: () => {
        throw new Error("stream broke");
      },
      err: (text) => {
        stderr += text;
      },
      color: false,
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^decouple: internal error: stream broke\nThis is a bug in decouple/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
