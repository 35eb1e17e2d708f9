import type { ServiceContract } from "../service-contract.js";
import { compareStrings } from "../../model/compare-strings.js";
import type { ServiceName } from "../../model/service-name.js";

/**
 * What the deploy files need from the contracts: per service its HTTP routes, the topic it
 * publishes to, the queues it consumes and the services it calls. Names follow the agreement in
 * generate-design: topic `<service>.events`, queue `<consumer>.<producer>.events`, DLQ `<queue>.dlq`.
 * AWS names allow no dots, so each carries an `awsName` with dots turned into dashes.
 */
export interface DeployTopology {
  readonly services: readonly DeployService[];
}

export interface DeployService {
  readonly name: ServiceName;
  /** Prefix of its environment variables, e.g. `PAYMENT` in `PAYMENT_SERVICE_URL`. */
  readonly envName: string;
  /** A CloudFormation-safe identifier (letters, digits, dashes), e.g. `Payment` for stack ids. */
  readonly id: string;
  readonly routes: readonly DeployRoute[];
  /** Null when the service publishes nothing. */
  readonly topic: DeployTopic | null;
  readonly queues: readonly DeployQueue[];
  /** Generated services it calls over HTTP (it appears in their operations' `usedBy`), sorted. */
  readonly calls: readonly ServiceName[];
}

export interface DeployRoute {
  readonly operationId: string;
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** API Gateway form: `{param}` (a contract's `:param` is converted). */
  readonly path: string;
}

export interface DeployTopic {
  readonly name: string;
  readonly awsName: string;
  /** Events and commands published to it, sorted. */
  readonly events: readonly string[];
}

export interface DeployQueue {
  readonly name: string;
  readonly awsName: string;
  readonly dlqName: string;
  readonly dlqAwsName: string;
  /** The service whose topic feeds it. */
  readonly producer: ServiceName;
  readonly producerEnvName: string;
  /** The messages it carries that this service handles, sorted. */
  readonly events: readonly string[];
}

export function deriveDeployTopology(contracts: readonly ServiceContract[]): DeployTopology {
  const names = new Set<ServiceName>(contracts.map((contract) => contract.service));
  // The same event appears in the contract of each service that emits or handles it: merge them.
  const flows: { consumer: ServiceName; producer: ServiceName; events: Set<string> }[] = [];
  for (const contract of contracts) {
    for (const event of contract.events) {
      for (const producer of event.producers) {
        for (const consumer of event.consumers) {
          // A service outside this generation has no queue or topic here.
          if (!names.has(producer) || !names.has(consumer)) continue;
          let flow = flows.find((candidate) => candidate.consumer === consumer && candidate.producer === producer);
          if (flow === undefined) {
            flow = { consumer, producer, events: new Set() };
            flows.push(flow);
          }
          flow.events.add(event.name);
        }
      }
    }
  }
  flows.sort((a, b) => compareStrings(a.consumer, b.consumer) || compareStrings(a.producer, b.producer));
  const services = [...names].sort().map((name): DeployService => {
    const contract = contracts.find((candidate) => candidate.service === name);
    const published = new Set<string>();
    const queues: DeployQueue[] = [];
    for (const { consumer, producer, events } of flows) {
      if (producer === name) for (const event of events) published.add(event);
      if (consumer !== name) continue;
      const queueName = `${consumer}.${producer}.events`;
      queues.push({
        name: queueName,
        awsName: toAwsName(queueName),
        dlqName: `${queueName}.dlq`,
        dlqAwsName: toAwsName(`${queueName}.dlq`),
        producer,
        producerEnvName: toEnvName(producer),
        events: [...events].sort(),
      });
    }
    const topicName = `${name}.events`;
    return {
      name,
      envName: toEnvName(name),
      id: toStackId(name),
      routes: (contract?.operations ?? [])
        .map((operation) => ({
          operationId: operation.operationId,
          method: operation.http.method,
          path: toApiGatewayPath(operation.http.path),
        }))
        .sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.method, b.method)),
      topic: published.size > 0 ? { name: topicName, awsName: toAwsName(topicName), events: [...published].sort() } : null,
      queues,
      calls: contracts
        .filter((other) => other.service !== name && other.operations.some((operation) => operation.usedBy.includes(name)))
        .map((other) => other.service)
        .sort(),
    };
  });
  return { services };
}

/** `/payment/:id` → `/payment/{id}`; API Gateway, OpenAPI and Fastify's `{}`-less form agree on the rest. */
export function toApiGatewayPath(path: string): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, "{$1}");
}

/** SQS and SNS names allow letters, digits, `-` and `_` only. */
export function toAwsName(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, "-");
}

export function toEnvName(service: string): string {
  return service.replace(/[^A-Za-z0-9]+/g, "_").toUpperCase();
}

/** `order-history` → `OrderHistory`: a construct id and stack name part CloudFormation accepts. */
export function toStackId(service: string): string {
  const words = service.split(/[^A-Za-z0-9]+/).filter((word) => word.length > 0);
  const id = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
  const safe = /^[A-Za-z]/.test(id) ? id : `S${id}`;
  // The shared stack is called Shared.
  return safe === "Shared" ? "SharedService" : safe;
}

