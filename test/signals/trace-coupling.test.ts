import fs from "node:fs";
import path from "node:path";
import { ROOT_CONTEXT, SpanKind, trace, type Context, type Tracer } from "@opentelemetry/api";
import { JsonTraceSerializer } from "@opentelemetry/otlp-transformer";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { useTemporaryProjects } from "../support/create-project.js";
import { runCli } from "../support/run-cli.js";

const project = useTemporaryProjects();

/**
 * Three domains that never import each other, and a module no import leads to (it runs on an
 * event, wired at start-up): structure alone cannot place it, the traces can.
 */
function shop(): string {
  const files: Record<string, string | object> = {
    "tsconfig.json": { compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", strict: true } },
  };
  const domains: Record<string, [string, string, string]> = {
    orders: ["place-order", "order-repository", "order"],
    payments: ["charge-card", "payment-gateway", "payment"],
    catalog: ["search-products", "product-repository", "product"],
  };
  for (const [domain, [entry, repository, model]] of Object.entries(domains)) {
    files[`src/${domain}/${model}.ts`] = `export interface Record { id: string }\nexport const create = (id: string): Record => ({ id });`;
    files[`src/${domain}/${repository}.ts`] = `import { create, type Record } from "./${model}.js";\nexport class Repository { find(id: string): Record { return create(id); } }`;
    files[`src/${domain}/${entry}.ts`] = `import { Repository } from "./${repository}.js";\nexport const run = (id: string) => new Repository().find(id);`;
  }
  // The payment gateway is a class whose spans carry only the method's name.
  files["src/payments/payment-gateway.ts"] = `import { create, type Record } from "./payment.js";\nexport class PaymentGateway { authorize(id: string): Record { return create(id); } }`;
  files["src/payments/charge-card.ts"] = `import { PaymentGateway } from "./payment-gateway.js";\nexport const chargeCard = (id: string) => new PaymentGateway().authorize(id);`;
  // Receipts go out on an event the orders flow publishes through a bus wired at start-up: no
  // import leads to notifications, only the traces show it runs with orders.
  files["src/notifications/send-receipt.ts"] = `export const sendReceipt = (id: string) => \`sent \${id}\`;`;
  const root = project(files);
  return root;
}

/** A child span of `parent`, as application code instrumented by hand records it. */
function record(tracer: Tracer, parent: Context, name: string, attributes: Record<string, string | number>): Context {
  const span = tracer.startSpan(name, { attributes }, parent);
  span.end();
  return trace.setSpan(parent, span);
}

/**
 * Traces from the real OpenTelemetry SDK, serialized by its OTLP JSON serializer: the orders
 * requests as one document, the catalog requests as JSON Lines (one request per line, as the
 * Collector's file exporter writes).
 */
async function exportTraces(root: string, folder: string): Promise<void> {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const app = provider.getTracer("shop", "1.0.0");
  const http = provider.getTracer("@opentelemetry/instrumentation-http", "0.203.0");
  const request = (route: string, work: (context: Context) => void): ReadableSpan[] => {
    exporter.reset();
    const server = http.startSpan(route, { kind: SpanKind.SERVER, attributes: { "http.request.method": route.split(" ")[0] ?? "GET" } });
    work(trace.setSpan(ROOT_CONTEXT, server));
    server.end();
    return exporter.getFinishedSpans();
  };
  // Current semconv (code.file.path: absolute, relative), older (code.filepath: compiled output),
  // function names only; `create` is exported by every model, so that span stays unmapped.
  const orders = [0, 1, 2].flatMap(() =>
    request("POST /orders", (context) => {
      const placed = record(app, context, "placeOrder", { "code.file.path": path.join(root, "src/orders/place-order.ts"), "code.line.number": 3 });
      const found = record(app, placed, "Repository.find", { "code.filepath": "/srv/shop/dist/orders/order-repository.js" });
      record(app, found, "create", { "code.file.path": "src/orders/order.ts" });
      const charged = record(app, placed, "chargeCard", { "code.function.name": "chargeCard" });
      const authorized = record(app, charged, "authorize", { "code.function.name": "PaymentGateway.authorize" });
      record(app, authorized, "create", { "code.function.name": "create" });
      record(app, placed, "sendReceipt", { "code.function.name": "sendReceipt" });
    }),
  );
  const resend = request("POST /orders/:id/receipt", (context) => {
    const found = record(app, context, "Repository.find", { "code.filepath": "/srv/shop/dist/orders/order-repository.js" });
    record(app, found, "sendReceipt", { "code.function.name": "sendReceipt" });
  });
  const catalog = [0, 1, 2].map(() =>
    request("GET /products", (context) => {
      const searched = record(app, context, "search", { "code.file.path": "src/catalog/search-products.ts" });
      const found = record(app, searched, "find", { "code.file.path": "dist/catalog/product-repository.js" });
      record(app, found, "create", { "code.file.path": "/srv/shop/src/catalog/product.ts" });
    }),
  );
  await provider.shutdown();
  const json = (spans: ReadableSpan[]): string => new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans));
  fs.mkdirSync(path.join(root, folder), { recursive: true });
  fs.writeFileSync(path.join(root, folder, "orders.json"), json([...orders, ...resend]));
  fs.writeFileSync(path.join(root, folder, "catalog.jsonl"), catalog.map((spans) => `${json(spans)}\n`).join(""));
}

const PLACE_ORDER = "src/orders/place-order.ts";
const SEND_RECEIPT = "src/notifications/send-receipt.ts";

interface Result {
  boundaries: { services: { name: string; modules: string[] }[]; shared: { modules: string[] } };
  evidence: { service: string; signals: Record<string, number> }[];
  signals: { name: string; pairs: number; note?: string }[];
  couplings: { from: string; to: string }[];
}

function serviceOf(result: Result, module: string): string | undefined {
  return result.boundaries.services.find((service) => service.modules.includes(module))?.name;
}

describe("runtime coupling from OpenTelemetry traces (OTLP JSON from the real SDK)", () => {
  it("puts a module wired only at runtime into the service whose traces it shares with --traces, and not without", async () => {
    const root = shop();
    await exportTraces(root, "traces");
    const without = JSON.parse((await runCli("analyze", root, "--format", "json")).stdout) as Result;
    const run = await runCli("analyze", root, "--format", "json", "--traces", path.join(root, "traces"));
    expect(run.code).toBe(0);
    const withTraces = JSON.parse(run.stdout) as Result;

    expect(withTraces.couplings.filter((coupling) => [coupling.from, coupling.to].includes(SEND_RECEIPT))).toEqual([]);
    expect(without.signals.map((signal) => signal.name)).not.toContain("traces");
    expect(without.boundaries.shared.modules).toContain(SEND_RECEIPT);
    expect(serviceOf(without, SEND_RECEIPT)).toBeUndefined();

    expect(serviceOf(withTraces, SEND_RECEIPT)).toBe(serviceOf(withTraces, PLACE_ORDER));
    expect(withTraces.evidence.find((entry) => entry.service === serviceOf(withTraces, PLACE_ORDER))?.signals.traces).toBeGreaterThan(0);
    // Traces do not blur what they do not show together: the catalog stays apart.
    expect(serviceOf(withTraces, "src/catalog/search-products.ts")).not.toBe(serviceOf(withTraces, PLACE_ORDER));
    // 15 pairs among the 6 modules of POST /orders (the resend's pair among them), 3 in the catalog.
    // Unmapped: the 7 HTTP server spans and the 3 `create` spans of the payment model (every model exports create).
    expect(withTraces.signals.find((signal) => signal.name === "traces")).toEqual({
      name: "traces",
      weight: 1,
      pairs: 18,
      note: "29 of 39 spans mapped to modules (10 unmapped), 7 traces, 3 distinct module sets",
    });
  });

  it("reports the spans it mapped in the terminal summary", async () => {
    const root = shop();
    await exportTraces(root, "exports");
    const run = await runCli("analyze", root, "--traces", path.join(root, "exports", "orders.json"));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("traces: 20 of 27 spans mapped to modules (7 unmapped), 4 traces, 2 distinct module sets, 15 module pairs coupled\n");
  });

  it("turns on with signals.traces in the config, its files relative to the root", async () => {
    const root = shop();
    await exportTraces(root, "traces");
    fs.writeFileSync(path.join(root, "decouple.config.json"), JSON.stringify({ signals: { traces: { enabled: true, files: ["traces/orders.json"] } } }));
    const result = JSON.parse((await runCli("analyze", root, "--format", "json")).stdout) as Result;
    expect(result.signals.find((signal) => signal.name === "traces")?.note).toMatch(/^20 of 27 spans mapped/);
    expect(serviceOf(result, SEND_RECEIPT)).toBe(serviceOf(result, PLACE_ORDER));
  });

  it("warns when most spans name no module, as auto-instrumentation's do", async () => {
    const root = shop();
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const http = provider.getTracer("@opentelemetry/instrumentation-http", "0.203.0");
    for (const route of ["GET /products", "POST /orders"]) http.startSpan(route, { kind: SpanKind.SERVER }).end();
    const spans = exporter.getFinishedSpans();
    await provider.shutdown();
    fs.writeFileSync(path.join(root, "auto.json"), new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)));
    const run = await runCli("analyze", root, "--traces", path.join(root, "auto.json"));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("traces: only 0 of 2 spans name a module of the codebase: give your spans code.file.path or code.function.name attributes, or use --coverage");
  });

  it("gives score a cut weight for the traces, not a note that they are off", async () => {
    const root = shop();
    await exportTraces(root, "traces");
    expect((await runCli("analyze", root, "--traces", path.join(root, "traces"))).code).toBe(0);
    const run = await runCli("score", root, "--format", "json", "--traces", path.join(root, "traces"));
    expect(run.code).toBe(0);
    const overall = (JSON.parse(run.stdout) as { overall: { cutWeight: Record<string, { total: number }>; signalsOff: { name: string }[] } }).overall;
    expect(overall.cutWeight.traces?.total).toBeGreaterThan(0);
    expect(overall.signalsOff.map((signal) => signal.name)).not.toContain("traces");
  });

  it.each([
    ["a missing export", () => "no-such-traces.json", /trace export .*no-such-traces\.json not found: pass an OTLP JSON file or a folder of them\. \[DCP010\]/],
    ["a file that is not OTLP JSON", (root: string) => path.join(root, "tsconfig.json"), /tsconfig\.json is not an OTLP trace export \(no resourceSpans\): .*\[DCP010\]/],
  ])("exits 2 with one line for %s", async (_, file, message) => {
    const root = shop();
    const run = await runCli("analyze", root, "--traces", file(root));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });
});
