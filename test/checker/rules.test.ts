import { describe, expect, it } from "vitest";
import { servicesNamed } from "../support/branded.js";
import { keyOf } from "../../src/checker/baseline.js";
import { buildRuleContext } from "../../src/checker/build-rule-context.js";
import { RULES } from "../../src/checker/rules/index.js";
import type { ViolationKey } from "../../src/checker/types.js";
import { defineBoundaries, useProjectGraphs } from "../support/create-project.js";

const graphOfProject = useProjectGraphs();

const ORDERS = ["src/orders/place-order.ts", "src/orders/index.ts"];
const PAYMENTS = ["src/payments/charge-card.ts", "src/payments/card-token.ts", "src/payments/index.ts"];

/** A small shop: orders and payments, each with a barrel, and a shared logger. */
const SHOP: Record<string, string> = {
  "src/payments/charge-card.ts": 'import { log } from "../shared/log.js";\nexport function chargeCard(amount: number): number { log("charge"); return amount; }\nexport function refundCard(): void {}\n',
  "src/payments/card-token.ts": "export interface CardToken { id: string }\nexport const TOKEN_PREFIX = 'tok_';\n",
  "src/payments/index.ts": 'export * from "./charge-card.js";\nexport * from "./card-token.js";\n',
  "src/orders/index.ts": 'export { placeOrder } from "./place-order.js";\n',
  "src/shared/log.ts": "export function log(message: string): void { void message; }\n",
};

interface Case {
  name: string;
  rule: string;
  files: Record<string, string>;
  services?: Record<string, { modules: string[]; api?: string[] }>;
  shared?: string[];
  expected: ViolationKey[];
}

const services = (paymentsApi: string[] = []) => ({ orders: { modules: ORDERS }, payments: { modules: PAYMENTS, api: paymentsApi } });

const CASES: Case[] = [
  {
    name: "a value import of a symbol outside the API is a crossing",
    rule: "no-cross-service-import",
    files: { ...SHOP, "src/orders/place-order.ts": 'import { refundCard } from "../payments/charge-card.js";\nexport function placeOrder(): void { refundCard(); }\n' },
    services: services(["src/payments/charge-card.ts#chargeCard"]),
    expected: [{ rule: "no-cross-service-import", from: "src/orders/place-order.ts", to: "src/payments/charge-card.ts", symbol: "refundCard" }],
  },
  {
    name: "an import of an API symbol is fine",
    rule: "no-cross-service-import",
    files: { ...SHOP, "src/orders/place-order.ts": 'import { chargeCard } from "../payments/charge-card.js";\nexport function placeOrder(): number { return chargeCard(1); }\n' },
    services: services(["src/payments/charge-card.ts#chargeCard"]),
    expected: [],
  },
  {
    name: "a barrel cannot hide a crossing: judged by the declaring module",
    rule: "no-cross-service-import",
    files: { ...SHOP, "src/orders/place-order.ts": 'import { refundCard } from "../payments/index.js";\nexport function placeOrder(): void { refundCard(); }\n' },
    services: services(["src/payments/charge-card.ts#chargeCard"]),
    expected: [{ rule: "no-cross-service-import", from: "src/orders/place-order.ts", to: "src/payments/charge-card.ts", symbol: "refundCard" }],
  },
  {
    name: "a barrel of one service re-exporting another service's module is a crossing",
    rule: "no-cross-service-import",
    files: { ...SHOP, "src/orders/index.ts": 'export { placeOrder } from "./place-order.js";\nexport { refundCard } from "../payments/charge-card.js";\n', "src/orders/place-order.ts": "export function placeOrder(): void {}\n" },
    services: services(),
    expected: [{ rule: "no-cross-service-import", from: "src/orders/index.ts", to: "src/payments/charge-card.ts", symbol: "refundCard" }],
  },
  {
    name: "dynamic import() and side-effect imports use the whole module",
    rule: "no-cross-service-import",
    files: { ...SHOP, "src/orders/place-order.ts": 'import "../payments/card-token.js";\nexport async function placeOrder(): Promise<unknown> { return import("../payments/charge-card.js"); }\n' },
    services: services(["src/payments/card-token.ts#*"]),
    expected: [{ rule: "no-cross-service-import", from: "src/orders/place-order.ts", to: "src/payments/charge-card.ts", symbol: "*" }],
  },
  {
    name: "type-only imports are not value crossings",
    rule: "no-cross-service-import",
    files: { ...SHOP, "src/orders/place-order.ts": 'import type { CardToken } from "../payments/card-token.js";\nexport function placeOrder(token: CardToken): string { return token.id; }\n' },
    services: services(),
    expected: [],
  },
  {
    name: "type-only imports outside the API are type crossings",
    rule: "no-cross-service-type-import",
    files: { ...SHOP, "src/orders/place-order.ts": 'import type { CardToken } from "../payments/index.js";\nexport function placeOrder(token: CardToken): string { return token.id; }\n' },
    services: services(),
    expected: [{ rule: "no-cross-service-type-import", from: "src/orders/place-order.ts", to: "src/payments/card-token.ts", symbol: "CardToken" }],
  },
  {
    name: "services importing each other through their APIs form a cycle",
    rule: "no-service-cycle",
    files: {
      ...SHOP,
      "src/orders/place-order.ts": 'import { chargeCard } from "../payments/charge-card.js";\nexport function placeOrder(): number { return chargeCard(1); }\n',
      "src/payments/card-token.ts": 'import { placeOrder } from "../orders/place-order.js";\nexport const again = placeOrder;\n',
    },
    services: { orders: { modules: ORDERS, api: ["src/orders/place-order.ts#placeOrder"] }, payments: { modules: PAYMENTS, api: ["src/payments/charge-card.ts#chargeCard"] } },
    expected: [{ rule: "no-service-cycle", services: servicesNamed("orders", "payments") }],
  },
  {
    name: "a type-only import back does not make a runtime cycle",
    rule: "no-service-cycle",
    files: {
      ...SHOP,
      "src/orders/place-order.ts": 'import { chargeCard } from "../payments/charge-card.js";\nexport type Order = { id: string };\nexport function placeOrder(): number { return chargeCard(1); }\n',
      "src/payments/card-token.ts": 'import type { Order } from "../orders/place-order.js";\nexport type Paid = Order;\n',
    },
    services: services(),
    expected: [],
  },
  {
    name: "a module in no service and not shared is unassigned",
    rule: "no-unassigned-module",
    files: { ...SHOP, "src/orders/place-order.ts": "export function placeOrder(): void {}\n", "src/payments/new-refunds.ts": 'import { refundCard } from "./charge-card.js";\nexport const refundAll = refundCard;\n' },
    services: services(),
    expected: [{ rule: "no-unassigned-module", module: "src/payments/new-refunds.ts" }],
  },
  {
    name: "shared importing a service's module",
    rule: "no-shared-to-service",
    files: { ...SHOP, "src/orders/place-order.ts": "export function placeOrder(): void {}\n", "src/shared/log.ts": 'import { TOKEN_PREFIX } from "../payments/index.js";\nexport function log(message: string): void { void (TOKEN_PREFIX + message); }\n' },
    services: services(["src/payments/card-token.ts#TOKEN_PREFIX"]),
    expected: [{ rule: "no-shared-to-service", from: "src/shared/log.ts", to: "src/payments/card-token.ts", symbol: "TOKEN_PREFIX" }],
  },
  {
    name: "services may import shared",
    rule: "no-shared-to-service",
    files: { ...SHOP, "src/orders/place-order.ts": 'import { log } from "../shared/log.js";\nexport function placeOrder(): void { log("x"); }\n' },
    services: services(),
    expected: [],
  },
];

describe("check rules", () => {
  it.each(CASES)("$rule: $name", async ({ rule: id, files, services: described, shared, expected }) => {
    const { graph, config } = await graphOfProject(files);
    const boundaries = defineBoundaries(described ?? services(), shared ?? ["src/shared/log.ts"]);
    const rule = RULES.find((candidate) => candidate.id === id);
    if (rule === undefined) throw new Error(`no rule ${id}`);
    const findings = rule.check(buildRuleContext(graph, boundaries, config));
    expect(findings.map((finding) => keyOf(finding.key)).sort()).toEqual(expected.map(keyOf).sort());
    for (const finding of findings) {
      expect(finding.line).toBeGreaterThan(0);
      expect(finding.message.length).toBeGreaterThan(20);
      expect(finding.fix.length).toBeGreaterThan(20);
    }
  });

  it("suggests the service an unassigned module is most coupled to", async () => {
    const { graph, config } = await graphOfProject({ ...SHOP, "src/orders/place-order.ts": "export function placeOrder(): void {}\n", "src/payments/new-refunds.ts": 'import { refundCard, chargeCard } from "./charge-card.js";\nexport const both = [refundCard, chargeCard];\n' });
    const rule = RULES.find((candidate) => candidate.id === "no-unassigned-module");
    const [finding] = rule?.check(buildRuleContext(graph, defineBoundaries(services(), ["src/shared/log.ts"]), config)) ?? [];
    expect(finding?.fix).toMatch(/most coupled to service payments/);
  });

  it("names both modules and the symbol in a crossing's message", async () => {
    const { graph, config } = await graphOfProject({ ...SHOP, "src/orders/place-order.ts": 'import { refundCard } from "../payments/index.js";\nexport function placeOrder(): void { refundCard(); }\n' });
    const rule = RULES.find((candidate) => candidate.id === "no-cross-service-import");
    const [finding] = rule?.check(buildRuleContext(graph, defineBoundaries(services(), ["src/shared/log.ts"]), config)) ?? [];
    expect(finding?.message).toContain("src/orders/place-order.ts");
    expect(finding?.message).toContain("src/payments/charge-card.ts");
    expect(finding?.message).toContain("`refundCard`");
    expect(finding?.message).toContain("through src/payments/index.ts");
    expect(finding).toMatchObject({ file: "src/orders/place-order.ts", line: 1 });
  });
});
