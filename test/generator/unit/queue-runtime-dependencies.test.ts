import { describe, expect, it } from "vitest";
import { toServiceName } from "../../../src/model/service-name.js";
import { buildServiceView } from "../../../src/generator/build-service-view.js";
import { QUEUE_VERSIONS_TEMPLATE, queueRuntimeDependencies } from "../../../src/generator/runtime-versions.js";

/** The shape the queue runtime's versions.json has (templates/runtime/queue/versions.json). */
const VERSIONS = JSON.stringify({
  $comment: "exact versions",
  dependencies: { ioredis: "6.1.0", amqplib: "2.3.1", "@aws-sdk/client-sqs": "3.1178.0", pg: "8.23.1" },
  devDependencies: { "@types/pg": "8.23.1" },
  byDriver: { redis: ["ioredis"] },
});

describe("the queue runtime's dependencies", () => {
  it("are none without a queue runtime in the templates", () => {
    expect(queueRuntimeDependencies(new Map())).toEqual({ dependencies: {}, devDependencies: {} });
  });

  it("are pinned from its versions.json into each service's package.json", () => {
    const queue = queueRuntimeDependencies(new Map([[QUEUE_VERSIONS_TEMPLATE, VERSIONS]]));
    expect(queue.dependencies).toEqual({ ioredis: "6.1.0", amqplib: "2.3.1", "@aws-sdk/client-sqs": "3.1178.0", pg: "8.23.1" });
    const view = buildServiceView(
      { service: toServiceName("stock"), operations: [], events: [], schemas: {}, unexpressible: [] },
      { root: "/shop", out: "services", facadeDir: "src/decouple/facade", extraDependencies: queue.dependencies, extraDevDependencies: queue.devDependencies },
      { testEnv: {} },
    );
    const dependencies = JSON.parse(view.dependenciesJson) as Record<string, string>;
    expect(dependencies).toMatchObject({ ioredis: "6.1.0", "@aws-sdk/client-sqs": "3.1178.0", fastify: "5.12.8" });
    expect(Object.keys(dependencies)).toEqual(Object.keys(dependencies).sort());
    expect(JSON.parse(view.devDependenciesJson)).toMatchObject({ "@types/pg": "8.23.1", typescript: "5.9.3" });
  });

  it("refuse a range: a generated package.json pins exact versions", () => {
    const ranged = JSON.stringify({ dependencies: { ioredis: "^6.1.0" } });
    expect(() => queueRuntimeDependencies(new Map([[QUEUE_VERSIONS_TEMPLATE, ranged]]))).toThrow(/dependencies.ioredis must be an exact version, not \^6.1.0/);
  });
});
