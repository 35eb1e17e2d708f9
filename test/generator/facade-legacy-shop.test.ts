import fs from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { NodeTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addToCart, call, checkout, registerCustomer } from "../../examples/legacy-shop/test/support/api.js";
import type { ShopHandle } from "../../examples/legacy-shop/test/support/shop.js";
import { runCli } from "../support/run-cli.js";
import { copyLegacyShop, SHOP_CONTRACTS } from "./support/legacy-shop-copy.js";
import { startOtlpReceiver, type ReceivedSpan } from "./support/otlp-receiver.js";
import { startService, type RunningService } from "./support/start-service.js";

interface ShopApp {
  listen(port: number, host: string, callback: () => void): Server;
}

let shop: ReturnType<typeof copyLegacyShop>;
let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let provider: NodeTracerProvider;
let server: Server;
let stopShop: () => void;
let orderService: RunningService;
let handle: ShopHandle;

/** The change `generate` asks of the callers of a function that turns async: payment's call into order goes through the facade. */
function routePaymentsThroughTheFacade(root: string): void {
  const service = path.join(root, "src/services/payment-service.ts");
  let code = fs.readFileSync(service, "utf8");
  code = code.replace('import { getOrderForCustomer } from "./order-service.js";', 'import { getOrderForCustomer } from "../decouple/facade/order.js";');
  code = code.replace(
    "export function listPaymentsForCustomerOrder(customerId: string, orderId: string): Payment[] {\n  const order = getOrderForCustomer(customerId, orderId);",
    "export async function listPaymentsForCustomerOrder(customerId: string, orderId: string): Promise<Payment[]> {\n  const order = await getOrderForCustomer(customerId, orderId);",
  );
  fs.writeFileSync(service, code);
  const controller = path.join(root, "src/controllers/payment-controller.ts");
  fs.writeFileSync(
    controller,
    fs
      .readFileSync(controller, "utf8")
      .replace(
        'router.get("/orders/:id/payments", requireCustomer, (req, res) => {\n    res.json({ items: listPaymentsForCustomerOrder(currentCustomerId(res), pathParam(req.params, "id")) });',
        'router.get("/orders/:id/payments", requireCustomer, (req, res, next) => {\n    listPaymentsForCustomerOrder(currentCustomerId(res), pathParam(req.params, "id")).then((items) => res.json({ items }), next);',
      ),
  );
  // And the remote errors its error handler relies on, mapped back in the file generate leaves to the user.
  fs.writeFileSync(
    path.join(root, "src/decouple/facade/remote-errors.ts"),
    [
      'import { NotFoundError } from "../../utils/http-errors.js";',
      "export function toLocalError(_service: string, _operation: string, error: unknown): unknown {",
      '  if (error instanceof Error && "status" in error && error.status === 404 && "problem" in error && typeof error.problem === "object" && error.problem !== null && "detail" in error.problem) {',
      "    return new NotFoundError(String(error.problem.detail));",
      "  }",
      "  return error;",
      "}",
      "",
    ].join("\n"),
  );
  expect(fs.readFileSync(service, "utf8")).toContain("await getOrderForCustomer");
  expect(fs.readFileSync(controller, "utf8")).toContain(".then((items)");
}

function route(order: "on" | "off"): void {
  const routing = { services: { order, payment: "off", stock: "off" }, urls: { order: orderService.url } };
  fs.writeFileSync(path.join(shop.root, "decouple.routing.json"), `${JSON.stringify(routing, null, 2)}\n`);
}

/** Requests the order service itself received, from its JSON request log. */
function ordersServed(): number {
  return orderService
    .logs()
    .split("\n")
    .filter((line) => line.includes('"msg":"incoming request"') && line.includes("/order/get-order-for-customer?")).length;
}

beforeAll(async () => {
  shop = copyLegacyShop();
  const generated = await runCli("generate", path.join(shop.root, "decouple.boundaries.json"), "--contracts", SHOP_CONTRACTS, "--service", "order", "payment", "stock");
  expect(generated.code, generated.stderr).toBe(0);
  routePaymentsThroughTheFacade(shop.root);

  receiver = await startOtlpReceiver();
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": "legacy-shop" }),
    spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: `${receiver.url}/v1/traces` }))],
  });
  provider.register();

  const database = path.join(shop.root, "shop.sqlite");
  const { createApp, shutdownApp } = (await import(path.join(shop.root, "src/app.ts"))) as {
    createApp(options: { dbFile: string; enableJobs: boolean }): ShopApp;
    shutdownApp(app: ShopApp): void;
  };
  const app = createApp({ dbFile: database, enableJobs: false });
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  stopShop = () => shutdownApp(app);
  handle = { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, stop: async () => {} };
  // The order service runs the same order code on the same database, in its own process.
  orderService = await startService(path.join(shop.root, "services/order"), {
    SHOP_DB_FILE: database,
    SHOP_JOBS_ENABLED: "false",
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
  });
}, 120_000);

afterAll(async () => {
  await orderService?.stop();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  stopShop?.();
  await provider?.shutdown();
  await receiver?.close();
  shop?.remove();
});

describe("the strangler-fig facade on legacy-shop", () => {
  it("moves payment's call into order to the order service and back, with the shop's responses unchanged, in one trace", async () => {
    const customer = await registerCustomer(handle);
    await addToCart(handle, customer.token, "prd_008", 1);
    const placed = await checkout(handle, customer.token);
    expect(placed.status).toBe(201);
    const orderId = (placed.body as { order: { id: string } }).order.id;
    const payments = () => call<{ items: { id: string; status: string }[] }>(handle, "GET", `/api/orders/${orderId}/payments`, { token: customer.token });

    // Another customer's order: the shop answers 404 in process; it must answer the same when the call goes remote.
    const stranger = await registerCustomer(handle);
    const hidden = () => call(handle, "GET", `/api/orders/${orderId}/payments`, { token: stranger.token });

    route("off");
    const inProcess = await payments();
    const hiddenInProcess = await hidden();
    expect(hiddenInProcess.status).toBe(404);
    expect(inProcess.status).toBe(200);
    expect(inProcess.body.items).toEqual([expect.objectContaining({ status: "captured" })]);
    expect(ordersServed()).toBe(0);

    route("on");
    const remote = await payments();
    expect(remote).toEqual(inProcess);
    expect(await hidden()).toEqual(hiddenInProcess);
    // The service writes its request log asynchronously: the line may land just after the response.
    await expect.poll(ordersServed, { timeout: 10_000, interval: 50 }).toBe(2);

    route("off");
    const back = await payments();
    expect(back).toEqual(inProcess);
    expect(ordersServed()).toBe(2);

    // The service flushes its spans on a graceful stop; the shop's go out as they end.
    expect(await orderService.stop()).toBe(0);
    await provider.forceFlush();
    const spans: ReceivedSpan[] = receiver.spans;
    const facade = spans.filter((span) => span.name === "facade order.getOrderForCustomer");
    expect(facade.map((span) => span.attributes["decouple.route"]).sort()).toEqual(["local", "local", "local", "remote", "remote"]);
    const served = spans.find((span) => span.service === "order" && span.name.includes("get-order-for-customer") && span.attributes["http.response.status_code"] === 200);
    expect(served).toMatchObject({ name: "GET /order/get-order-for-customer" });
    const client = spans.find((span) => span.spanId === served?.parentSpanId);
    expect(client).toMatchObject({ service: "legacy-shop", name: "GET /order/get-order-for-customer", traceId: served?.traceId });
    const remoteFacade = spans.find((span) => span.spanId === client?.parentSpanId);
    expect(remoteFacade).toMatchObject({ service: "legacy-shop", name: "facade order.getOrderForCustomer", traceId: served?.traceId });
    expect(remoteFacade?.attributes["decouple.route"]).toBe("remote");
    // Its request-duration metrics went out over OTLP too (flushed on the same graceful stop).
    expect(receiver.metricExports()).toBeGreaterThan(0);
  });
});
