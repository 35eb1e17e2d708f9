import { DEPLOY_IMAGES } from "./deploy-defaults.js";
import type { DeployService } from "./derive-deploy-topology.js";
import type { PlannedDeployFile } from "./plan-deploy-files.js";
import type { DeployLayout, LocalQueueDriver } from "./plan-deploy-options.js";
import { renderDeployTemplate, type TemplateSource } from "./render-deploy-template.js";
import { compareStrings } from "../../model/compare-strings.js";

interface LocalBroker {
  readonly name: string;
  readonly driver: LocalQueueDriver;
  readonly image: string;
  readonly command: readonly string[] | null;
  readonly containerEnvironment: Readonly<Record<string, string>> | null;
  /** Published for a look from the host (management UI, monitoring); never the broker's own port, which a local broker may hold. */
  readonly ports: readonly string[];
  readonly healthcheck: readonly string[];
  /** What the services' queue adapters read (names agreed in generate-design). */
  readonly environment: Readonly<Record<string, string>>;
}

// RabbitMQ's guest account only logs in from localhost: the services get a user of their own.
const BROKERS: Readonly<Record<LocalQueueDriver, LocalBroker>> = {
  rabbitmq: {
    name: "rabbitmq",
    driver: "rabbitmq",
    image: DEPLOY_IMAGES.rabbitmq,
    command: null,
    containerEnvironment: { RABBITMQ_DEFAULT_USER: "decouple", RABBITMQ_DEFAULT_PASS: "decouple" },
    ports: ["127.0.0.1:15672:15672"],
    healthcheck: ["CMD", "rabbitmq-diagnostics", "-q", "ping"],
    environment: { AMQP_URL: "amqp://decouple:decouple@rabbitmq:5672" },
  },
  redis: {
    name: "redis",
    driver: "redis",
    image: DEPLOY_IMAGES.redis,
    command: null,
    containerEnvironment: null,
    ports: [],
    healthcheck: ["CMD", "redis-cli", "ping"],
    environment: { REDIS_URL: "redis://redis:6379" },
  },
  nats: {
    name: "nats",
    driver: "nats",
    image: DEPLOY_IMAGES.nats,
    command: ["-js", "-m", "8222"],
    containerEnvironment: null,
    ports: ["127.0.0.1:8222:8222"],
    healthcheck: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8222/healthz"],
    environment: { NATS_URL: "nats://nats:4222" },
  },
};

/** docker-compose.yml for local work and the SQL that gives each service its own database. */
export function planComposeFiles(
  services: readonly DeployService[],
  layout: DeployLayout,
  options: { readonly driver: LocalQueueDriver; readonly port: number; readonly projectName: string; readonly source: TemplateSource },
): PlannedDeployFile[] {
  const byName = new Map(services.map((service) => [service.name, service]));
  const data = {
    projectName: options.projectName,
    contextFromOutDir: layout.contextFromOutDir,
    port: options.port,
    broker: BROKERS[options.driver],
    // Sorted by name, as compose linters expect.
    dependsOn: [
      { name: "jaeger", condition: "service_started" },
      { name: "postgres", condition: "service_healthy" },
      { name: BROKERS[options.driver].name, condition: "service_healthy" },
    ].sort((a, b) => compareStrings(a.name, b.name)),
    images: DEPLOY_IMAGES,
    services: services.map((service, index) => {
      const database = service.name.replace(/[^A-Za-z0-9]+/g, "_").toLowerCase();
      return {
        name: service.name,
        database,
        databaseUrl: `postgres://decouple:decouple@postgres:5432/${database}`,
        dockerfile: `${layout.outDirFromContext}/${service.name}/Dockerfile`,
        // Host ports in name order, from 3001: stable while the set of services stays the same.
        hostPort: 3001 + index,
        calls: service.calls.flatMap((callee) => {
          const target = byName.get(callee);
          return target ? [{ envName: target.envName, url: `http://${callee}:${options.port}` }] : [];
        }),
      };
    }),
  };
  return [
    { path: "docker-compose.yml", content: renderDeployTemplate("compose/docker-compose.yml", data, options.source) },
    { path: "compose/postgres-init.sql", content: renderDeployTemplate("compose/postgres-init.sql", data, options.source) },
  ];
}
