import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliRun } from "../support/run-cli.js";
import { copyLegacyShop, NODE_BIN, runNode, SHOP_CONTRACTS } from "./support/legacy-shop-copy.js";
import { writeShopExamples } from "./support/shop-examples.js";
import { startService } from "./support/start-service.js";

const SERVICES = ["cart", "coupon", "customer", "notification", "order", "payment", "product", "report", "shipping", "stock"];
let shop: ReturnType<typeof copyLegacyShop>;
let generated: CliRun;

beforeAll(async () => {
  shop = copyLegacyShop();
  generated = await runCli("generate", path.join(shop.root, "decouple.boundaries.json"), "--contracts", SHOP_CONTRACTS);
  writeShopExamples(shop.root);
});
afterAll(() => shop?.remove());

describe("decouple generate on legacy-shop", () => {
  it("writes a service, a client and a facade per service and lists the functions that turn async and those left out", () => {
    expect(generated.code, generated.stderr).toBe(0);
    for (const service of SERVICES) {
      for (const file of ["package.json", "tsconfig.json", "src/main.ts", "src/server.ts", "src/config.ts", "src/telemetry.ts", "test/contract.test.ts"]) {
        expect(fs.existsSync(path.join(shop.root, "services", service, file)), `${service}/${file}`).toBe(true);
      }
      expect(fs.existsSync(path.join(shop.root, "services/clients", service, "index.ts"))).toBe(true);
      expect(fs.existsSync(path.join(shop.root, "src/decouple/facade", `${service}.ts`))).toBe(true);
    }
    const routes = fs.readdirSync(path.join(shop.root, "services/stock/src/routes")).sort();
    expect(routes).toEqual(["commit-reservations.ts", "index.ts", "register-stock-item.ts", "release-reservations.ts", "reserve-for-order.ts", "restock-order.ts"]);
    expect(generated.stdout).toContain("payment.chargeOrder (src/services/payment-service.ts) used by order: import it from src/decouple/facade/payment.ts");
    // Express middleware and a Map cannot cross HTTP: left out, with where and why.
    expect(generated.stdout).toContain("customer.requireCustomer: Request at src/middleware/auth-middleware.ts:14:33: Request from a library");
    expect(generated.stdout).toContain("product.getProductsByIds: Map<string, Product> at src/services/catalog-service.ts:61:59");
    expect(fs.existsSync(path.join(shop.root, "services/customer/src/routes/require-customer.ts"))).toBe(false);
    // legacy-shop's package.json does not list the OpenTelemetry API the facades import.
    expect(generated.stdout).toContain("add @opentelemetry/api@1.9.1 to its dependencies");
    const manifest = JSON.parse(fs.readFileSync(path.join(shop.root, "services/.decouple-manifest.json"), "utf8")) as { files: Record<string, string> };
    expect(Object.keys(manifest.files)).toContain("services/payment/src/server.ts");
    expect(Object.keys(manifest.files)).not.toContain("services/stock/test/examples.ts");
    const pkg = JSON.parse(fs.readFileSync(path.join(shop.root, "services/payment/package.json"), "utf8")) as { dependencies: Record<string, string> };
    for (const version of Object.values(pkg.dependencies)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("produces services, clients and facades that type-check with the monolith's code", async () => {
    // One program for the three services and the monolith with its facades, under the options of a generated tsconfig (one tsc start instead of four).
    fs.writeFileSync(
      path.join(shop.root, "tsconfig.generated.json"),
      JSON.stringify({ extends: "./services/order/tsconfig.json", compilerOptions: { rootDir: "." }, include: ["src", ...SERVICES.flatMap((service) => [`services/${service}/src`, `services/${service}/test`])] }),
    );
    const result = await runNode(NODE_BIN.tsc, ["-p", "tsconfig.generated.json"], shop.root);
    expect(result.code, result.output).toBe(0);
  }, 180_000);

  it("produces services that pass their own contract tests against the shop's seeded database", async () => {
    // Each service's own vitest.config.ts, run as projects of one vitest process.
    fs.writeFileSync(path.join(shop.root, "services/vitest.config.ts"), `export default { test: { projects: ${JSON.stringify(SERVICES)} } };\n`);
    const result = await runNode(NODE_BIN.vitest, ["run"], path.join(shop.root, "services"));
    expect(result.code, result.output).toBe(0);
    for (const service of SERVICES) expect(result.output).toContain(`|${service}-service| test/contract.test.ts`);
  }, 180_000);

  it("starts a service that answers /health, serves the shop's data, refuses bad bodies and shuts down on SIGTERM", async () => {
    const service = await startService(path.join(shop.root, "services/stock"), {
      SHOP_DB_FILE: path.join(shop.root, "shop.sqlite"),
      SHOP_JOBS_ENABLED: "false",
      LOG_LEVEL: "info",
    });
    try {
      const health = await fetch(`${service.url}/health`);
      expect(await health.json()).toEqual({ status: "ok", service: "stock" });
      const post = (route: string, body: unknown) =>
        fetch(`${service.url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      // prd_001 is seeded with stock: the monolith's own code answers with its ConflictError.
      const duplicate = await post("/stock/register-stock-item", { productId: "prd_001", initialOnHand: 1 });
      expect(duplicate.status).toBe(409);
      expect(duplicate.headers.get("content-type")).toContain("application/problem+json");
      expect(await duplicate.json()).toMatchObject({ title: "ConflictError", status: 409, detail: "Stock item for prd_001 already exists" });
      const released = await post("/stock/release-reservations", { orderId: "ord_none" });
      expect(released.status).toBe(200);
      expect(await released.json()).toBe(0);
      // No coercion and nothing dropped: a string for a number and an extra field are both refused.
      expect((await post("/stock/register-stock-item", { productId: "prd_001", initialOnHand: "1" })).status).toBe(400);
      expect((await post("/stock/release-reservations", { orderId: "ord_none", extra: true })).status).toBe(400);
    } finally {
      expect(await service.stop()).toBe(0);
    }
    const lines = service.logs().split("\n").filter((line) => line.startsWith("{"));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.map((line) => JSON.parse(line) as { service?: string }).every((entry) => entry.service === "stock")).toBe(true);
  });
});
