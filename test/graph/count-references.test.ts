import { describe, expect, it } from "vitest";
import { parseModule } from "../../src/graph/parse-module.js";

describe("reference counts", () => {
  it("counts uses of imported bindings, not the import itself, comments or same-named members", () => {
    const parsed = parseModule(
      "a.ts",
      [
        `import { order, refund } from "./orders.js";`,
        `// order(order) in a comment does not count`,
        `/* neither does order here */`,
        `export const run = () => order(order) + other.order + refund;`,
      ].join("\n"),
    );
    expect(parsed.usages).toEqual({ order: 2, refund: 1 });
  });

  it("counts namespace members one by one, whatever the spacing", () => {
    const parsed = parseModule("a.ts", `import * as money from "./money.js";\nexport const x = money.add(money . add(1, 2), money.ZERO);`);
    expect(parsed.usages).toEqual({ "money.add": 2, "money.ZERO": 1 });
  });

  it("finds require() calls only outside comments and strings", () => {
    const parsed = parseModule("a.js", `// require("./no")\nconst s = "require('./no2')";\nconst yes = require("./yes");`);
    expect(parsed.imports.map((site) => `${site.kind} ${site.specifier} @${site.line}`)).toEqual(["require ./yes @3"]);
  });
});
