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

  it("dispatches queue messages: a command through the service's route, refusing bad payloads, events it has no handler for and messages for a service that consumes nothing", async () => {
    const message = (service: string, event: string, body: string) => ({ service, message: { queue: `${service}.order.events`, id: `m-${event}`, body, headers: { event } } });
    const messages = [
      message("stock", "releaseReservations", JSON.stringify({ orderId: "ord_none" })),
      message("stock", "reserveForOrder", JSON.stringify({ orderId: 1, requests: [] })),
      message("stock", "releaseReservations", JSON.stringify({ orderId: "ord_none", extra: true })),
      message("stock", "releaseReservations", "{not json"),
      message("stock", "order.placed", "{}"),
      message("notification", "order.placed", JSON.stringify({ orderId: "ord_1" })),
      message("product", "order.placed", "{}"),
    ];
    // Each service's consumer, after the monolith's setup, as the Lambda entry runs it.
    fs.writeFileSync(
      path.join(shop.root, "consume.ts"),
      [
        ...SERVICES.map((service) => `import * as ${service} from "./services/${service}/src/consumers.js";`),
        'import { loadConfig } from "./services/stock/src/config.js";',
        'import { setupMonolith, teardownMonolith } from "./services/stock/src/monolith.js";',
        `const consumers = { ${SERVICES.join(", ")} };`,
        "await setupMonolith();",
        "const results: string[] = [];",
        `for (const { service, message } of ${JSON.stringify(messages)} as const) {`,
        '  try { await consumers[service].handleMessage(loadConfig({ LOG_LEVEL: "silent", SERVICE_NAME: service }), message); results.push("handled"); }',
        "  catch (error) { results.push(`rejected: ${(error as Error).message}`); }",
        "}",
        "await teardownMonolith();",
        "console.log(JSON.stringify(results));",
        "process.exit(0);",
      ].join("\n"),
    );
    const run = await runNode(NODE_BIN.tsx, ["consume.ts"], shop.root, { SHOP_DB_FILE: ":memory:", SHOP_JOBS_ENABLED: "false", SHOP_LOG_LEVEL: "silent" });
    expect(run.code, run.output).toBe(0);
    const results = JSON.parse(run.output.trim().split("\n").at(-1) ?? "[]") as string[];
    expect(results[0]).toBe("handled");
    expect(results[1]).toMatch(/^rejected: reserveForOrder \(message m-reserveForOrder\) failed with 400/);
    expect(results[2]).toMatch(/^rejected: releaseReservations: message m-releaseReservations has fields the command does not take: extra/);
    expect(results[3]).toMatch(/^rejected: .*the body is not JSON/);
    expect(results[4]).toMatch(/^rejected: the stock service does not handle order\.placed .*it handles commitReservations, releaseReservations, reserveForOrder, restockOrder/);
    expect(results[5]).toMatch(/^rejected: order\.placed: no handler wired yet in src\/event-handlers\.ts \(the monolith emits and handles it at src\/services\/notification-service\.ts:49/);
    expect(results[6]).toMatch(/^rejected: product consumes no events or commands, yet message m-order\.placed/);
    expect(results).toHaveLength(7);
  }, 120_000);
});
