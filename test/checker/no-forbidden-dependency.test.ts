import { describe, expect, it } from "vitest";
import { keyOf } from "../../src/checker/baseline.js";
import { buildRuleContext } from "../../src/checker/build-rule-context.js";
import { noForbiddenDependency } from "../../src/checker/rules/no-forbidden-dependency.js";
import type { UserConfig } from "../../src/model/config.js";
import { defineBoundaries, useProjectGraphs } from "../support/create-project.js";

const graphOfProject = useProjectGraphs();

/** Layers: http over domain over db, and a shared barrel that re-exports a db module. */
const LAYERS: Record<string, string> = {
  "src/http/routes.ts": 'import { placeOrder } from "../domain/orders.js";\nexport const routes = [placeOrder];\n',
  "src/domain/orders.ts": "export function placeOrder(): void {}\n",
  "src/db/query.ts": "export function query(sql: string): string { return sql; }\n",
  "src/shared/index.ts": 'export { query } from "../db/query.js";\n',
};
const BOUNDARIES = defineBoundaries({ web: { modules: ["src/http/routes.ts"] }, core: { modules: ["src/domain/orders.ts"] }, storage: { modules: ["src/db/query.ts"] } }, ["src/shared/index.ts"]);

async function findingsOf(files: Record<string, string>, forbidden: NonNullable<UserConfig["check"]>["forbidden"]) {
  const { graph, config } = await graphOfProject({ ...LAYERS, ...files }, { check: { forbidden } });
  return noForbiddenDependency.check(buildRuleContext(graph, BOUNDARIES, config));
}

const DOMAIN_TO_DB = { from: "src/domain/**", to: "src/{db,http}/**", reason: "the domain knows no storage or transport" };

describe("no-forbidden-dependency", () => {
  it("flags an import from a glob into a forbidden glob, with the pair and its reason in the message", async () => {
    const findings = await findingsOf({ "src/domain/orders.ts": 'import { query } from "../db/query.js";\nexport function placeOrder(): string { return query("x"); }\n' }, [DOMAIN_TO_DB]);
    expect(findings.map((finding) => keyOf(finding.key))).toEqual([keyOf({ rule: "no-forbidden-dependency", from: "src/domain/orders.ts", to: "src/db/query.ts", symbol: "*" })]);
    expect(findings[0]).toMatchObject({ file: "src/domain/orders.ts", line: 1 });
    expect(findings[0]?.message).toBe(
      "src/domain/orders.ts imports src/db/query.ts, and check.forbidden says src/domain/** may not depend on src/{db,http}/**: the domain knows no storage or transport",
    );
  });

  it("sees through a barrel: the declaring module counts, and the message names the barrel", async () => {
    const findings = await findingsOf({ "src/domain/orders.ts": 'import { query } from "../shared/index.js";\nexport function placeOrder(): string { return query("x"); }\n' }, [DOMAIN_TO_DB]);
    expect(findings.map((finding) => finding.key)).toEqual([{ rule: "no-forbidden-dependency", from: "src/domain/orders.ts", to: "src/db/query.ts", symbol: "*" }]);
    expect(findings[0]?.message).toContain("(through src/shared/index.ts)");
  });

  it("counts type-only imports: a layering is about what a module knows", async () => {
    const findings = await findingsOf({ "src/domain/orders.ts": 'import type { routes } from "../http/routes.js";\nexport type R = typeof routes;\nexport function placeOrder(): void {}\n' }, [DOMAIN_TO_DB]);
    expect(findings.map((finding) => finding.key)).toEqual([{ rule: "no-forbidden-dependency", from: "src/domain/orders.ts", to: "src/http/routes.ts", symbol: "*" }]);
  });

  it("takes service names (and shared) on either side", async () => {
    const files = { "src/domain/orders.ts": 'import { query } from "../db/query.js";\nexport function placeOrder(): string { return query("x"); }\n' };
    expect(await findingsOf(files, [{ from: "core", to: "storage", reason: "core is pure" }])).toHaveLength(1);
    expect(await findingsOf(files, [{ from: "storage", to: "core", reason: "wrong way round" }])).toHaveLength(0);
    expect(await findingsOf({}, [{ from: "shared", to: "storage", reason: "shared stays a library" }])).toHaveLength(1);
  });

  it("allows what no pair forbids", async () => {
    expect(await findingsOf({}, [DOMAIN_TO_DB])).toEqual([]);
    expect(await findingsOf({}, [])).toEqual([]);
  });

  it("rejects a service name the boundaries file does not have (DCP004), instead of matching nothing", async () => {
    await expect(findingsOf({}, [{ from: "ordering", to: "storage", reason: "typo" }])).rejects.toMatchObject({ code: "DCP004", message: expect.stringContaining('check.forbidden[0].from names service "ordering"') });
  });
});
