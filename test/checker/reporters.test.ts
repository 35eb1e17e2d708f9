import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { evaluateCheck, type CheckResult } from "../../src/checker/check-boundaries.js";
import { RENDERERS, type RenderOptions } from "../../src/reporters/renderers.js";
import { defineBoundaries, useProjectGraphs } from "../support/create-project.js";

const graphOfProject = useProjectGraphs();

const OPTIONS: RenderOptions = { pathPrefix: "app", baselineFile: "decouple.baseline.json", toolVersion: "0.0.0-test", color: false };

/** A result with a new error, a new warning, a known violation and a stale baseline entry. */
async function sampleResult(): Promise<CheckResult> {
  const { graph, config } = await graphOfProject({
    "src/payments/charge-card.ts": "export function chargeCard(): void {}\nexport function refundCard(): void {}\nexport type Card = { id: string };\n",
    "src/orders/place-order.ts": 'import { refundCard, chargeCard } from "../payments/charge-card.js";\nimport type { Card } from "../payments/charge-card.js";\nexport function placeOrder(card: Card): void { refundCard(); chargeCard(); void card; }\n',
  });
  const boundaries = defineBoundaries({ orders: { modules: ["src/orders/place-order.ts"] }, payments: { modules: ["src/payments/charge-card.ts"] } });
  return evaluateCheck(graph, boundaries, config, {
    version: 1,
    violations: [
      { rule: "no-cross-service-import", from: "src/orders/place-order.ts", to: "src/payments/charge-card.ts", symbol: "chargeCard" },
      { rule: "no-cross-service-import", from: "src/orders/gone.ts", to: "src/payments/charge-card.ts", symbol: "refundCard" },
    ],
  }, { mode: "full", modules: graph.modules.length });
}

function render(format: "text" | "json" | "sarif" | "github" | "markdown", result: CheckResult): string {
  return RENDERERS.check[format](result, OPTIONS);
}

describe("check reporters", () => {
  it("counts new errors, new warnings, known and stale entries", async () => {
    expect((await sampleResult()).summary).toEqual({ errors: 1, warnings: 1, known: 1, stale: 1 });
  });

  it.each(["text", "github", "markdown", "sarif", "json"] as const)("%s matches its expected output file", async (format) => {
    const extension = { text: "text.txt", github: "github.txt", markdown: "md", sarif: "sarif.json", json: "json" }[format];
    await expect(render(format, await sampleResult())).toMatchFileSnapshot(`../fixtures/check/reporters/expected.${extension}`);
  });

  it("SARIF validates against the SARIF 2.1.0 JSON Schema", async () => {
    // @microsoft/jest-sarif ships the OASIS schema (2.1.0-rtm.5, draft-04): map its draft-04 `id` to `$id` for Ajv 8.
    const packageDir = path.dirname(createRequire(import.meta.url).resolve("@microsoft/jest-sarif"));
    const schema = JSON.parse(fs.readFileSync(path.join(packageDir, "schemas/sarif-2.1.0-rtm.5.json"), "utf8")) as Record<string, unknown>;
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    ajv.addFormat("uri", (value: string) => URL.canParse(value));
    ajv.addFormat("uri-reference", (value: string) => URL.canParse(value, "file:///"));
    ajv.addFormat("date-time", (value: string) => !Number.isNaN(Date.parse(value)));
    const validate = ajv.compile(schema);
    expect(validate({ version: "2.1.0", runs: [{ results: [] }] })).toBe(false); // the schema bites: no tool
    const log = JSON.parse(render("sarif", await sampleResult())) as { runs: { results: { baselineState: string }[] }[] };
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.runs[0]?.results.map((result) => result.baselineState).sort()).toEqual(["new", "new", "unchanged"]);
    // GitHub code scanning needs these (docs: "SARIF support for code scanning").
    expect(log).toMatchObject({ version: "2.1.0", runs: [{ tool: { driver: { name: "decouple" } } }] });
  });

  it("GitHub annotations escape what would end the command early", async () => {
    const result = await sampleResult();
    const first = result.violations[0];
    if (first === undefined) throw new Error("no violation");
    const tricky: CheckResult = { ...result, violations: [{ ...first, status: "new", file: "src/a,b:c.ts", message: "50% done\nnext line" }] };
    const line = render("github", tricky).split("\n")[0] ?? "";
    expect(line).toMatch(/^::(error|warning) file=app\/src\/a%2Cb%3Ac\.ts,line=\d+,title=decouple no-cross-service-[a-z-]+::50%25 done%0Anext line/);
  });
});
