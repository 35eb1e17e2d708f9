import { describe, expect, it } from "vitest";
import { deriveDeployTopology, toApiGatewayPath, toStackId } from "../../../src/generator/deploy/derive-deploy-topology.js";
import { LEGACY_SHOP_CONTRACTS, readContracts } from "./support/write-deploy-project.js";

const contracts = readContracts(LEGACY_SHOP_CONTRACTS);

describe("deriveDeployTopology", () => {
  const { services } = deriveDeployTopology(contracts);
  const byName = new Map<string, (typeof services)[number]>(services.map((service) => [service.name, service]));

  it("gives a topic to each service that publishes, carrying its events and commands", () => {
    expect(services.map((service) => [service.name, service.topic])).toEqual([
      ["order", { name: "order.events", awsName: "order-events", events: ["chargeOrder", "order.placed"] }],
      ["payment", { name: "payment.events", awsName: "payment-events", events: ["payment.captured"] }],
      ["stock", null],
    ]);
  });

  it("gives each consumer a queue per producer, with a dead-letter queue", () => {
    expect(byName.get("stock")?.queues).toEqual([
      {
        name: "stock.order.events",
        awsName: "stock-order-events",
        dlqName: "stock.order.events.dlq",
        dlqAwsName: "stock-order-events-dlq",
        producer: "order",
        producerEnvName: "ORDER",
        events: ["order.placed"],
      },
    ]);
    expect(byName.get("payment")?.queues.map((queue) => [queue.name, queue.events])).toEqual([["payment.order.events", ["chargeOrder"]]]);
    expect(byName.get("order")?.queues.map((queue) => [queue.name, queue.events])).toEqual([["order.payment.events", ["payment.captured"]]]);
  });

  it("leaves out consumers that are not generated (notification handles order.placed)", () => {
    expect(services.flatMap((service) => service.queues.map((queue) => queue.name))).not.toContain("notification.order.events");
    const onlyStock = deriveDeployTopology(contracts.filter((contract) => contract.service === "stock"));
    expect(onlyStock.services).toEqual([expect.objectContaining({ name: "stock", queues: [], topic: null, calls: [] })]);
  });

  it("routes each operation, in API Gateway's path syntax", () => {
    expect(byName.get("payment")?.routes).toEqual([
      { operationId: "chargeOrder", method: "POST", path: "/payment/charge-order" },
      { operationId: "getPayment", method: "GET", path: "/payment/payments/{paymentId}" },
    ]);
  });

  it("lists the generated services each one calls", () => {
    expect(services.map((service) => [service.name, service.calls])).toEqual([
      ["order", ["payment", "stock"]],
      ["payment", ["order"]],
      ["stock", []],
    ]);
  });

  it("does not depend on the order of the contracts", () => {
    expect(deriveDeployTopology([...contracts].reverse())).toEqual(deriveDeployTopology(contracts));
  });
});

describe("names", () => {
  it.each([
    ["/orders/:orderId/lines/:lineId", "/orders/{orderId}/lines/{lineId}"],
    ["/orders/{orderId}", "/orders/{orderId}"],
  ])("%s → %s", (path, expected) => expect(toApiGatewayPath(path)).toBe(expected));

  it.each([
    ["payment", "Payment"],
    ["order-history", "OrderHistory"],
    ["3d-viewer", "S3dViewer"],
    ["shared", "SharedService"],
  ])("stack id of %s is %s", (service, id) => expect(toStackId(service)).toBe(id));
});
