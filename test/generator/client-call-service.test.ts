import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callOperation, ServiceCallError, type ClientOptions, type OperationCall } from "../../templates/client/call-service.js";

// The HTTP runtime every generated client copies verbatim, against a server that fails on purpose.
let server: http.Server;
let options: ClientOptions;
const seen: string[] = [];
let failuresLeft = 0;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      if (request.url?.startsWith("/slow")) return void setTimeout(() => response.end("1"), 2_000);
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        return void response.writeHead(503).end();
      }
      if (request.url?.startsWith("/missing")) {
        return void response.writeHead(404, { "content-type": "application/problem+json" }).end(JSON.stringify({ type: "urn:problem-type:NotFoundError", title: "NotFoundError", status: 404, detail: "Order o1 not found" }));
      }
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ url: request.url, body: body === "" ? null : JSON.parse(body) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  options = { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, timeoutMs: 1_000, retries: 2, backoffMs: 1 };
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const call = (overrides: Partial<OperationCall>): OperationCall => ({
  service: "order",
  operationId: "getOrder",
  method: "GET",
  path: "/order/orders/{orderId}",
  idempotent: true,
  pathParams: { orderId: "o 1/2" },
  query: { expand: ["lines", "payments"], skip: undefined },
  body: undefined,
  ...overrides,
});

describe("callOperation", () => {
  it("fills the path and query, and retries an idempotent call through 503s with backoff", async () => {
    seen.length = 0;
    failuresLeft = 2;
    const result = await callOperation<{ url: string }>(options, call({}));
    expect(result.url).toBe("/order/orders/o%201%2F2?expand=lines&expand=payments");
    expect(seen).toHaveLength(3);
  });

  it("does not retry a call that is not idempotent once the service received it", async () => {
    seen.length = 0;
    failuresLeft = 1;
    const sent = callOperation(options, call({ method: "POST", path: "/payment/charge-order", idempotent: false, pathParams: {}, query: {}, body: { order: { id: "o1" } } }));
    await expect(sent).rejects.toMatchObject({ status: 503 });
    expect(seen).toEqual(["POST /payment/charge-order"]);
    failuresLeft = 0;
  });

  it("sends the body as JSON and turns problem details into a ServiceCallError named after the domain error", async () => {
    const echoed = await callOperation<{ body: unknown }>(options, call({ method: "POST", path: "/echo", idempotent: false, pathParams: {}, query: {}, body: { a: 1, gone: undefined } }));
    expect(echoed.body).toEqual({ a: 1 });
    const missing = callOperation(options, call({ path: "/missing/{orderId}" }));
    await expect(missing).rejects.toBeInstanceOf(ServiceCallError);
    await expect(missing).rejects.toMatchObject({ name: "NotFoundError", status: 404, problem: { detail: "Order o1 not found" } });
  });

  it("gives up after the per-attempt timeout, retrying only what is idempotent", async () => {
    seen.length = 0;
    const fast = { ...options, timeoutMs: 50, retries: 1 };
    await expect(callOperation(fast, call({ path: "/slow" }))).rejects.toThrow(/timeout|aborted/i);
    expect(seen).toEqual(["GET /slow?expand=lines&expand=payments", "GET /slow?expand=lines&expand=payments"]);
    seen.length = 0;
    await expect(callOperation(fast, call({ path: "/slow", idempotent: false }))).rejects.toThrow(/timeout|aborted/i);
    expect(seen).toHaveLength(1);
  });

  it("says which variable to set when no URL is configured", async () => {
    await expect(callOperation({ ...options, baseUrl: undefined }, call({ service: "order-fulfilment" }))).rejects.toThrow("ORDER_FULFILMENT_SERVICE_URL");
  });
});
