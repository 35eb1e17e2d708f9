import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTemporaryProjects } from "../support/create-project.js";
import { runCli } from "../support/run-cli.js";

const project = useTemporaryProjects();

/** orders reaches into payments' internals: one real violation for `check`. */
const violating = {
  "src/orders/place-order.ts": 'import { charge } from "../payments/charge-card.js";\nexport const place = () => charge();',
  "src/payments/charge-card.ts": "export const charge = () => 1;",
  "src/payments/index.ts": 'export { charge } from "./charge-card.js";',
};

function boundaries(services: object[], shared: string[] = []): object {
  return { version: 1, services, shared: { modules: shared } };
}

const orders = { name: "orders", modules: ["src/orders/place-order.ts"] };
const payments = { name: "payments", modules: ["src/payments/charge-card.ts", "src/payments/index.ts"], api: [{ module: "src/payments/index.ts", symbol: "charge", usedBy: [] }] };

async function checkWith(file: object): Promise<{ code: number; stderr: string }> {
  const root = project({ ...violating, "decouple.boundaries.json": file });
  return runCli("check", root);
}

describe("boundaries files that contradict themselves are refused (DCP005, with the JSON path)", () => {
  it("the well-formed file finds the violation (exit 1)", async () => {
    expect((await checkWith(boundaries([orders, payments]))).code).toBe(1);
  });

  it("two services with one name: refused, where it used to hide the violation (exit 0)", async () => {
    const result = await checkWith(boundaries([orders, { ...payments, name: "orders" }]));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/services\.1\.name.*"orders".*services\.0.*\[DCP005\]/);
  });

  it("one module in two services", async () => {
    const result = await checkWith(boundaries([{ ...orders, modules: [...orders.modules, "src/payments/charge-card.ts"] }, payments]));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/services\.1\.modules\.0.*src\/payments\/charge-card\.ts.*orders.*\[DCP005\]/);
  });

  it("one module in a service and in shared", async () => {
    const result = await checkWith(boundaries([orders, payments], ["src/orders/place-order.ts"]));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/shared\.modules\.0.*place-order.*\[DCP005\]/);
  });

  it("an api entry naming a module outside its service", async () => {
    const bad = { ...payments, api: [{ module: "src/payments/refund.ts", symbol: "refund", usedBy: [] }] };
    const result = await checkWith(boundaries([orders, bad]));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/services\.1\.api\.0\.module.*refund\.ts.*\[DCP005\]/);
  });

  it("a service named shared", async () => {
    const result = await checkWith(boundaries([orders, { ...payments, name: "shared" }]));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/services\.1\.name.*reserved.*\[DCP005\]/);
  });
});

describe("configs that contradict themselves are refused (DCP004, with the JSON path)", () => {
  it("constraints.minServiceSize above constraints.maxServiceSize", async () => {
    const root = project({ ...violating, "decouple.config.json": { constraints: { minServiceSize: 5, maxServiceSize: 2 } } });
    const result = await runCli("analyze", root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/constraints\.minServiceSize.*maxServiceSize.*\[DCP004\]/);
    expect(fs.existsSync(path.join(root, "decouple.boundaries.json"))).toBe(false);
  });
});
