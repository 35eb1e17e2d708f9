import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliRun } from "../support/run-cli.js";
import { copyLegacyShop, NODE_BIN, runNode, SHOP_CONTRACTS } from "./support/legacy-shop-copy.js";

// stock consumes commands (served through its routes), notification consumes events (handlers the user wires), product consumes nothing.
const SERVICES = ["notification", "product", "stock"];
let shop: ReturnType<typeof copyLegacyShop>;
let generated: CliRun;
const read = (file: string) => fs.readFileSync(path.join(shop.root, "services", file), "utf8");

beforeAll(async () => {
  shop = copyLegacyShop();
  generated = await runCli("generate", path.join(shop.root, "decouple.boundaries.json"), "--contracts", SHOP_CONTRACTS, "--runtime", "lambda", "--service", ...SERVICES);
});
afterAll(() => shop?.remove());

describe("decouple generate --runtime lambda", () => {
  it("writes each service's Lambda entry, its queue consumer and the Lambda adapter in its dependencies", () => {
    expect(generated.code, generated.stderr).toBe(0);
    for (const service of SERVICES) {
      expect(read(`${service}/src/lambda.ts`)).toContain('import { handleMessage } from "./consumers.js";');
      const pkg = JSON.parse(read(`${service}/package.json`)) as { dependencies: Record<string, string> };
      expect(pkg.dependencies["@fastify/aws-lambda"]).toBe("6.4.1");
    }
    expect(read("stock/src/consumers.ts")).toContain('reserveForOrder: { method: "POST", url: "/stock/reserve-for-order"');
    expect(read("notification/src/event-handlers.ts")).toContain('"order.placed": async () => {');
    expect(read("product/src/consumers.ts")).toContain("consumes no events or commands");
    // The event handlers are the user's: written once, not in the manifest's owned files.
    const manifest = JSON.parse(read(".decouple-manifest.json")) as { files: Record<string, string>; created: string[] };
    expect(Object.keys(manifest.files)).toContain("services/stock/src/consumers.ts");
    expect(manifest.created).toContain("services/notification/src/event-handlers.ts");
  });

  it("type-checks with the monolith's code (lambda.ts, consumers.ts and event-handlers.ts included)", async () => {
    fs.writeFileSync(
      path.join(shop.root, "tsconfig.lambda.json"),
      JSON.stringify({ extends: "./services/stock/tsconfig.json", compilerOptions: { rootDir: "." }, include: SERVICES.map((service) => `services/${service}/src`) }),
    );
    const result = await runNode(NODE_BIN.tsc, ["-p", "tsconfig.lambda.json"], shop.root);
    expect(result.code, result.output).toBe(0);
  }, 180_000);
});
