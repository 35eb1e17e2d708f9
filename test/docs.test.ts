import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { jsonSchemas } from "../src/model/json-schemas.js";
import { USER_ERROR_CODES } from "../src/model/errors.js";

describe("documentation and published schemas", () => {
  it("documents every error code in docs/errors.md", () => {
    const docs = fs.readFileSync("docs/errors.md", "utf8");
    for (const [code, title] of Object.entries(USER_ERROR_CODES)) expect(docs).toContain(`## ${code}: ${title}`);
  });

  it("keeps the committed JSON Schemas in sync with the zod schemas (run scripts/generate-schemas.ts)", () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      const committed: unknown = JSON.parse(fs.readFileSync(`schemas/${name}`, "utf8"));
      expect(committed, name).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });
});
