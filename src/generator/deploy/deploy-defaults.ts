/**
 * Defaults of the deploy files: pinned versions and images, and the per-service settings the
 * generated deploy.config.json starts from (the CDK app falls back to the same values for a
 * service that has no section yet).
 */

/** Versions pinned in the generated deploy/package.json; a test keeps the first two equal to ours. */
export const DEPLOY_VERSIONS = {
  awsCdkLib: "2.276.0",
  constructs: "10.8.1",
  awsCdk: "2.1149.0",
  esbuild: "0.28.2",
  tsx: "4.23.15",
  typescript: "5.9.3",
  typesNode: "20.19.43",
} as const;

/** Added to each generated service's dependencies when it runs on Lambda. */
export const LAMBDA_SERVICE_DEPENDENCIES: Readonly<Record<string, string>> = { "@fastify/aws-lambda": "6.4.1" };

/** Exact tags, no digests: readable and reproducible enough for a skeleton the user owns. */
export const DEPLOY_IMAGES = {
  node: "node:22.23.5-bookworm-slim",
  postgres: "postgres:17.6-bookworm",
  rabbitmq: "rabbitmq:4.1.4-management-alpine",
  redis: "redis:7.4.6-alpine",
  nats: "nats:2.11.9-alpine",
  jaeger: "jaegertracing/jaeger:2.10.0",
  otelCollector: "public.ecr.aws/aws-observability/aws-otel-collector:v0.45.1",
} as const;

export interface ServiceDeployConfig {
  readonly fargate: {
    readonly cpu: number;
    readonly memoryMiB: number;
    readonly minTasks: number;
    readonly maxTasks: number;
    readonly cpuTargetPercent: number;
    readonly queueDepthSteps: readonly { readonly messages: number; readonly addTasks: number }[];
    readonly image: string;
  };
  readonly lambda: {
    readonly memoryMiB: number;
    readonly timeoutSeconds: number;
    readonly reservedConcurrency: number;
    readonly provisionedConcurrency: { readonly min: number; readonly max: number; readonly utilizationTarget: number };
    readonly consumerReservedConcurrency: number;
    readonly batchSize: number;
    readonly maxBatchingWindowSeconds: number;
    readonly maxConcurrency: number;
    readonly nodeModules: readonly string[];
  };
  readonly queues: { readonly maxReceiveCount: number; readonly visibilityTimeoutSeconds: number };
  readonly alarms: { readonly serverErrorRatePercent: number; readonly latencyP99Ms: number; readonly dlqMessages: number };
  readonly environment: Readonly<Record<string, string>>;
}

/**
 * Small and cheap to start; each service then grows on its own. Reserved concurrency stays low so
 * a dozen services fit in a new account's 1,000 concurrent executions with the 100 AWS keeps free.
 */
export const DEFAULT_SERVICE_DEPLOY_CONFIG: ServiceDeployConfig = {
  fargate: {
    cpu: 256,
    memoryMiB: 512,
    minTasks: 1,
    maxTasks: 4,
    cpuTargetPercent: 60,
    queueDepthSteps: [
      { messages: 100, addTasks: 1 },
      { messages: 1000, addTasks: 3 },
    ],
    image: "",
  },
  lambda: {
    memoryMiB: 512,
    timeoutSeconds: 10,
    reservedConcurrency: 20,
    provisionedConcurrency: { min: 1, max: 5, utilizationTarget: 0.7 },
    consumerReservedConcurrency: 10,
    batchSize: 10,
    maxBatchingWindowSeconds: 1,
    maxConcurrency: 5,
    nodeModules: [],
  },
  queues: { maxReceiveCount: 5, visibilityTimeoutSeconds: 60 },
  alarms: { serverErrorRatePercent: 1, latencyP99Ms: 1000, dlqMessages: 1 },
  environment: {},
};
