import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/checker/rules/index.js";

const DOCS = path.resolve(import.meta.dirname, "../../docs/rules");

describe("rule documentation", () => {
  it.each(RULES.map((rule) => rule.id))("%s has a doc page that names it", (id) => {
    const page = path.join(DOCS, `${id}.md`);
    expect(fs.existsSync(page), `docs/rules/${id}.md is missing`).toBe(true);
    expect(fs.readFileSync(page, "utf8")).toMatch(new RegExp(`^# ${id}\\n`));
  });

  it("has no page for a rule that does not exist", () => {
    const ids = new Set(RULES.map((rule) => rule.id));
    for (const file of fs.readdirSync(DOCS)) expect(ids.has(file.replace(/\.md$/, "")), file).toBe(true);
  });
});
