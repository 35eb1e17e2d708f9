import { DEFAULT_SERVICE_DEPLOY_CONFIG } from "./deploy-defaults.js";

/** What each setting does, shown by editors that read the schema; keys are paths in a service's section. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  fargate: "ECS Fargate (--runtime fargate).",
  "fargate.cpu": "Task CPU units (256 = 0.25 vCPU); with memoryMiB a pair Fargate supports.",
  "fargate.memoryMiB": "Task memory in MiB.",
  "fargate.minTasks": "Fewest tasks running.",
  "fargate.maxTasks": "Most tasks running.",
  "fargate.cpuTargetPercent": "Target tracking keeps the service's average CPU near this.",
  "fargate.queueDepthSteps": "Step scaling: add `addTasks` tasks when `messages` or more wait in the service's queues.",
  "fargate.image": "A pre-built image URI; empty builds the service's Dockerfile.",
  lambda: "AWS Lambda (--runtime lambda).",
  "lambda.memoryMiB": "Memory of each function in MiB.",
  "lambda.timeoutSeconds": "Timeout of each function.",
  "lambda.reservedConcurrency": "Concurrency reserved for the HTTP function, also its ceiling.",
  "lambda.provisionedConcurrency": "Provisioned concurrency of the HTTP function, scaled on its utilisation; max 0 turns it off.",
  "lambda.consumerReservedConcurrency": "Concurrency reserved for the queue consumer function.",
  "lambda.batchSize": "Messages per invocation of the consumer.",
  "lambda.maxBatchingWindowSeconds": "How long to gather a batch.",
  "lambda.maxConcurrency": "Most concurrent batches per queue (at least 2).",
  "lambda.nodeModules": "Packages esbuild leaves out of the bundle and installs beside it (native addons).",
  queues: "The service's SQS queues.",
  "queues.maxReceiveCount": "Deliveries before a message moves to the dead-letter queue.",
  "queues.visibilityTimeoutSeconds": "Visibility timeout on Fargate; Lambda uses six times its timeout.",
  alarms: "CloudWatch alarms, sent to the shared alarm topic.",
  "alarms.serverErrorRatePercent": "5xx responses, percent of requests.",
  "alarms.latencyP99Ms": "p99 latency of the HTTP API in ms.",
  "alarms.dlqMessages": "Messages in a dead-letter queue that raise its alarm.",
  environment: "Extra environment variables of the service (DATABASE_URL, ...).",
};

/**
 * The JSON Schema of deploy.config.json, built from the defaults so the two never disagree: the
 * editor completes and checks what the CDK app's parser accepts (unknown keys are errors in both).
 */
export function buildDeployConfigSchema(services: readonly string[]): Record<string, unknown> {
  const section = describe(DEFAULT_SERVICE_DEPLOY_CONFIG, "");
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "decouple deploy.config.json",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      namePrefix: { type: "string", default: "", description: "Prepended to stack, queue, topic and API names, e.g. \"staging-\"." },
      alarmEmail: { type: "string", default: "", description: "E-mail address subscribed to the alarm topic; empty for none." },
      natGateways: { type: "integer", minimum: 0, default: 1, description: "NAT gateways of the shared VPC (Fargate)." },
      services: {
        type: "object",
        additionalProperties: false,
        properties: Object.fromEntries(services.map((name) => [name, section])),
      },
    },
  };
}

function describe(value: unknown, path: string): Record<string, unknown> {
  const description = DESCRIPTIONS[path] === undefined ? {} : { description: DESCRIPTIONS[path] };
  if (typeof value === "number") return { type: "number", default: value, ...description };
  if (typeof value === "string") return { type: "string", default: value, ...description };
  if (Array.isArray(value)) {
    const item: unknown = value[0];
    return { type: "array", items: item === undefined ? { type: "string" } : describe(item, `${path}[]`), default: value, ...description };
  }
  const entries = Object.entries(value ?? {});
  if (entries.length === 0) return { type: "object", additionalProperties: { type: "string" }, ...description };
  return {
    type: "object",
    additionalProperties: false,
    properties: Object.fromEntries(entries.map(([key, child]) => [key, describe(child, path === "" ? key : `${path}.${key}`)])),
    ...description,
  };
}
