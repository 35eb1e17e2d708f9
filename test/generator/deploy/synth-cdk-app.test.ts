import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { deriveDeployTopology } from "../../../src/generator/deploy/derive-deploy-topology.js";
import { resourcesOfType, synthDeployApp, type CfnTemplate, type SynthesisedApp } from "./support/synth-deploy-app.js";
import { DERIVED_CONTRACTS, LEGACY_SHOP_CONTRACTS, readContracts, writeDeployProject } from "./support/write-deploy-project.js";

/** The hand-written legacy-shop contracts, and the real derivation's golden once main has it. */
const CASES = [
  { name: "hand-written legacy-shop contracts", file: LEGACY_SHOP_CONTRACTS },
  ...(existsSync(DERIVED_CONTRACTS) ? [{ name: "derived legacy-shop contracts", file: DERIVED_CONTRACTS }] : []),
];

describe.each(CASES)("the CDK app for the $name", ({ file }) => {
  const contracts = readContracts(file);
  const topology = deriveDeployTopology(contracts);

  describe.each(["fargate", "lambda"] as const)("on %s", (runtime) => {
    let synth: SynthesisedApp;
    beforeAll(async () => {
      const project = writeDeployProject(contracts, { runtime });
      synth = await synthDeployApp(join(project.outDir, "deploy"));
    });

    it("has one stack per service, each depending on the shared stack only", () => {
      expect([...synth.services.keys()]).toEqual(topology.services.map((service) => service.name));
      for (const dependencies of synth.dependencies.values()) expect(dependencies).toEqual(["LegacyShop-Shared"]);
    });

    it("routes every operation of a service to that service", () => {
      for (const contract of contracts) {
        const template = serviceTemplate(synth, contract.service);
        const apiId = importOf(synth.shared, `${idOf(synth, contract.service)}Api`);
        const routes = resourcesOfType(template, "AWS::ApiGatewayV2::Route").map(([, route]) => ({ key: route.RouteKey, api: route.ApiId }));
        const expected = contract.operations.map((operation) => ({
          key: `${operation.http.method} ${operation.http.path.replace(/:(\w+)/g, "{$1}")}`,
          api: { "Fn::ImportValue": apiId },
        }));
        expect(sortByKey(routes)).toEqual(sortByKey(expected));
      }
    });

    it("gives every queue a dead-letter queue with an alarm on its depth", () => {
      for (const service of topology.services) {
        const template = serviceTemplate(synth, service.name);
        const queues = resourcesOfType(template, "AWS::SQS::Queue");
        for (const queue of service.queues) {
          const [, main] = single(queues.filter(([, props]) => props.QueueName === queue.awsName));
          const [dlqId] = single(queues.filter(([, props]) => props.QueueName === queue.dlqAwsName));
          expect(main.RedrivePolicy).toEqual({ deadLetterTargetArn: { "Fn::GetAtt": [dlqId, "Arn"] }, maxReceiveCount: 5 });
          const alarms = resourcesOfType(template, "AWS::CloudWatch::Alarm").filter(
            ([, alarm]) => JSON.stringify(alarm.Dimensions) === JSON.stringify([{ Name: "QueueName", Value: { "Fn::GetAtt": [dlqId, "QueueName"] } }]),
          );
          expect(alarms.map(([, alarm]) => [alarm.MetricName, alarm.ComparisonOperator, alarm.Threshold])).toEqual([
            ["ApproximateNumberOfMessagesVisible", "GreaterThanOrEqualToThreshold", 1],
          ]);
        }
        expect(queues).toHaveLength(service.queues.length * 2);
      }
    });

    it("subscribes each queue to its producer's topic", () => {
      for (const service of topology.services) {
        const subscriptions = resourcesOfType(serviceTemplate(synth, service.name), "AWS::SNS::Subscription");
        expect(subscriptions.map(([, sub]) => sub.TopicArn).sort(byJson)).toEqual(
          service.queues.map((queue) => ({ "Fn::ImportValue": importOf(synth.shared, `${idOf(synth, queue.producer)}EventsTopic`) })).sort(byJson),
        );
        for (const [, sub] of subscriptions) expect(sub).toMatchObject({ Protocol: "sqs", RawMessageDelivery: true });
        // Each queue takes only the events its service handles (the adapter's `event` attribute).
        expect(subscriptions.map(([, sub]) => sub.FilterPolicy).sort(byJson)).toEqual(service.queues.map((queue) => ({ event: queue.events })).sort(byJson));
      }
    });

    it("alarms on the 5xx rate and the p99 latency of each service's API", () => {
      for (const service of topology.services) {
        const alarms = resourcesOfType(serviceTemplate(synth, service.name), "AWS::CloudWatch::Alarm").map(([, alarm]) => alarm);
        const metricNames = alarms.flatMap((alarm) =>
          Array.isArray(alarm.Metrics) ? alarm.Metrics.map((m: { MetricStat?: { Metric: { MetricName: string } } }) => m.MetricStat?.Metric.MetricName) : [alarm.MetricName],
        );
        expect(metricNames).toEqual(expect.arrayContaining(["5xx", "Count", "Latency"]));
        expect(alarms.some((alarm) => alarm.MetricName === "Latency" && alarm.ExtendedStatistic === "p99")).toBe(true);
      }
    });

    it("lets a service publish to its own topic and consume its own queues, and nothing else", () => {
      const topicNames = topicNamesByExport(synth.shared);
      for (const service of topology.services) {
        const template = serviceTemplate(synth, service.name);
        const ownQueues = new Set(
          resourcesOfType(template, "AWS::SQS::Queue")
            .filter(([, props]) => typeof props.QueueName === "string" && props.QueueName.startsWith(`${service.name}-`))
            .map(([id]) => id),
        );
        const producerTopics = service.queues.map((queue) => `${queue.producer}-events`);
        const granted = new Map<string, Set<string>>();
        for (const statement of policyStatements(template)) {
          const actions = [statement.Action].flat();
          const resources = [statement.Resource].flat();
          for (const action of actions) {
            if (action.startsWith("sqs:")) {
              for (const resource of resources) {
                expect(ownQueues.has(getAttId(resource)), `${service.name}: ${action} on ${JSON.stringify(resource)}`).toBe(true);
              }
              continue;
            }
            if (!action.startsWith("sns:")) {
              expect(action, `${service.name}: ${action}`).toMatch(/^(xray|logs|ecr):/);
              continue;
            }
            for (const resource of resources) {
              const topic = topicNames.get(importedName(resource)) ?? "";
              granted.set(action, (granted.get(action) ?? new Set()).add(topic));
              if (action === "sns:Subscribe") {
                // Only its own queue may be subscribed to the producer's topic.
                const condition = statement.Condition?.StringEquals ?? {};
                expect(ownQueues.has(getAttId(condition["sns:Endpoint"]))).toBe(true);
                expect(condition["sns:Protocol"]).toBe("sqs");
              }
            }
          }
        }
        // The one that matters: publishing, to its own topic only.
        expect([...(granted.get("sns:Publish") ?? [])]).toEqual(service.topic ? [service.topic.awsName] : []);
        // The queue adapter's start-up calls: a topic lookup (CreateTopic returns an existing topic)
        // and the subscription of its own queue, on the topics it consumes.
        expect([...(granted.get("sns:Subscribe") ?? [])].sort()).toEqual([...producerTopics].sort());
        expect([...(granted.get("sns:CreateTopic") ?? [])].sort()).toEqual([...new Set([...producerTopics, ...(service.topic ? [service.topic.awsName] : [])])].sort());
        expect([...granted.keys()].sort()).toEqual(
          [...(service.topic ? ["sns:Publish", "sns:CreateTopic"] : []), ...(service.queues.length > 0 ? ["sns:Subscribe", "sns:CreateTopic"] : [])]
            .filter((action, index, all) => all.indexOf(action) === index)
            .sort(),
        );
      }
    });

    if (runtime === "fargate") {
      it("scales each Fargate service on CPU (target tracking) and on its queue depth (step scaling)", () => {
        for (const service of topology.services) {
          const template = serviceTemplate(synth, service.name);
          const [, target] = single(resourcesOfType(template, "AWS::ApplicationAutoScaling::ScalableTarget"));
          expect(target).toMatchObject({ MinCapacity: 1, MaxCapacity: 4, ScalableDimension: "ecs:service:DesiredCount" });
          const policies = resourcesOfType(template, "AWS::ApplicationAutoScaling::ScalingPolicy").map(([, policy]) => policy);
          expect(policies.filter((policy) => policy.PolicyType === "TargetTrackingScaling")).toEqual([
            expect.objectContaining({
              TargetTrackingScalingPolicyConfiguration: expect.objectContaining({
                PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" },
                TargetValue: 60,
              }),
            }),
          ]);
          const steps = resourcesOfType(template, "AWS::ApplicationAutoScaling::ScalingPolicy").filter(([, policy]) => policy.PolicyType === "StepScaling");
          if (service.queues.length === 0) {
            expect(steps).toEqual([]);
            continue;
          }
          const [stepId] = single(steps);
          const [, alarm] = single(
            resourcesOfType(template, "AWS::CloudWatch::Alarm").filter(([, a]) => JSON.stringify(a.AlarmActions) === JSON.stringify([{ Ref: stepId }])),
          );
          // The alarm watches this service's own queues.
          expect(JSON.stringify(alarm)).toContain("ApproximateNumberOfMessagesVisible");
          for (const queue of service.queues) {
            const [queueId] = single(resourcesOfType(template, "AWS::SQS::Queue").filter(([, props]) => props.QueueName === queue.awsName));
            expect(JSON.stringify(alarm)).toContain(JSON.stringify({ "Fn::GetAtt": [queueId, "QueueName"] }));
          }
        }
      });

      it("runs each service's image with an OpenTelemetry collector exporting to X-Ray", () => {
        for (const service of topology.services) {
          const [, task] = single(resourcesOfType(serviceTemplate(synth, service.name), "AWS::ECS::TaskDefinition"));
          expect(task).toMatchObject({ Cpu: "256", Memory: "512", RequiresCompatibilities: ["FARGATE"] });
          const containers = task.ContainerDefinitions as { Name: string; Command?: string[] }[];
          expect(containers.map((container) => container.Name)).toEqual(["app", "otel-collector"]);
          expect(containers[1]?.Command).toEqual(["--config=/etc/ecs/ecs-xray.yaml"]);
        }
      });
    } else {
      it("scales each Lambda service on concurrency and drains its queues in bounded batches", () => {
        for (const service of topology.services) {
          const template = serviceTemplate(synth, service.name);
          const functions = resourcesOfType(template, "AWS::Lambda::Function").map(([, fn]) => fn);
          expect(functions).toHaveLength(service.queues.length > 0 ? 2 : 1);
          for (const fn of functions) {
            expect(fn).toMatchObject({ Runtime: "nodejs22.x", TracingConfig: { Mode: "Active" } });
            expect(typeof fn.ReservedConcurrentExecutions).toBe("number");
          }
          const [, policy] = single(resourcesOfType(template, "AWS::ApplicationAutoScaling::ScalingPolicy"));
          expect(policy).toMatchObject({
            PolicyType: "TargetTrackingScaling",
            TargetTrackingScalingPolicyConfiguration: {
              PredefinedMetricSpecification: { PredefinedMetricType: "LambdaProvisionedConcurrencyUtilization" },
              TargetValue: 0.7,
            },
          });
          const mappings = resourcesOfType(template, "AWS::Lambda::EventSourceMapping").map(([, mapping]) => mapping);
          expect(mappings).toHaveLength(service.queues.length);
          for (const mapping of mappings) {
            expect(mapping).toMatchObject({
              BatchSize: 10,
              MaximumBatchingWindowInSeconds: 1,
              ScalingConfig: { MaximumConcurrency: 5 },
              FunctionResponseTypes: ["ReportBatchItemFailures"],
            });
          }
        }
      });
    }
  });
});

describe("deploy.config.json", () => {
  it("drives each service's limits, and a service without a section runs on the defaults", async () => {
    const project = writeDeployProject(readContracts(LEGACY_SHOP_CONTRACTS), { runtime: "fargate" });
    const synth = await synthDeployApp(join(project.outDir, "deploy"), (config) => {
      const services = config.services as Record<string, { fargate: { maxTasks: number; cpu: number; memoryMiB: number } }>;
      services.payment!.fargate.maxTasks = 12;
      services.payment!.fargate.cpu = 1024;
      services.payment!.fargate.memoryMiB = 2048;
      delete services.stock;
    });
    const target = (service: string) => single(resourcesOfType(serviceTemplate(synth, service), "AWS::ApplicationAutoScaling::ScalableTarget"))[1];
    const task = (service: string) => single(resourcesOfType(serviceTemplate(synth, service), "AWS::ECS::TaskDefinition"))[1];
    expect(target("payment")).toMatchObject({ MaxCapacity: 12 });
    expect(task("payment")).toMatchObject({ Cpu: "1024", Memory: "2048" });
    expect(target("order")).toMatchObject({ MaxCapacity: 4 });
    expect(target("stock")).toMatchObject({ MaxCapacity: 4 });
  });

  it.each(["fargate", "lambda"] as const)("synthesises on %s with the services beside the monolith", async (runtime) => {
    const project = writeDeployProject(readContracts(LEGACY_SHOP_CONTRACTS), { runtime }, "beside");
    const synth = await synthDeployApp(join(project.outDir, "deploy"));
    expect([...synth.services.keys()]).toEqual(["order", "payment", "stock"]);
  });

  it.each([
    ["a misspelt setting", (c: ConfigJson) => void (c.services.payment!.fargate.maxTask = 12), "services.payment.fargate.maxTask is not a setting"],
    ["a wrong type", (c: ConfigJson) => void (c.services.payment!.fargate.cpu = "1024"), "services.payment.fargate.cpu should be a number"],
    ["a section for no service", (c: ConfigJson) => void (c.services.catalog = c.services.payment!), "services.catalog is not a generated service"],
    ["a non-string variable", (c: ConfigJson) => void (c.services.payment!.environment.RETRIES = 3), "services.payment.environment.RETRIES should be a string"],
  ])("stops the synth on %s, naming it", async (_case, edit, message) => {
    const project = writeDeployProject(readContracts(LEGACY_SHOP_CONTRACTS), { runtime: "lambda" });
    await expect(synthDeployApp(join(project.outDir, "deploy"), (config) => edit(config as unknown as ConfigJson))).rejects.toThrow(message);
  });
});

interface ConfigJson {
  services: Record<string, { fargate: Record<string, unknown>; environment: Record<string, unknown> }>;
}

function serviceTemplate(synth: SynthesisedApp, service: string): CfnTemplate {
  const template = synth.services.get(service);
  if (template === undefined) throw new Error(`no stack for ${service}`);
  return template;
}

function idOf(synth: SynthesisedApp, service: string): string {
  const stackName = synth.stackNames.get(service);
  if (stackName === undefined) throw new Error(`no stack for ${service}`);
  return stackName.slice(stackName.indexOf("-") + 1);
}

/** The export name under which the shared stack publishes the resource whose logical id starts with `prefix`. */
function importOf(shared: CfnTemplate, prefix: string): string {
  const matches = Object.values(shared.Outputs ?? {}).filter((output) => {
    const value = output.Value as { Ref?: string } | undefined;
    return output.Export !== undefined && typeof value?.Ref === "string" && value.Ref.startsWith(prefix);
  });
  return single(matches).Export?.Name ?? "";
}

/** Export name → TopicName of the topic it exports. */
function topicNamesByExport(shared: CfnTemplate): Map<string, string> {
  const names = new Map<string, string>();
  for (const output of Object.values(shared.Outputs ?? {})) {
    const ref = (output.Value as { Ref?: string } | undefined)?.Ref;
    const resource = ref === undefined ? undefined : shared.Resources[ref];
    if (output.Export && resource?.Type === "AWS::SNS::Topic") names.set(output.Export.Name, String(resource.Properties?.TopicName));
  }
  return names;
}

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: { readonly StringEquals?: Readonly<Record<string, unknown>> };
}

function policyStatements(template: CfnTemplate): Statement[] {
  return resourcesOfType(template, "AWS::IAM::Policy").flatMap(([, policy]) => (policy.PolicyDocument as { Statement: Statement[] }).Statement);
}

function importedName(resource: unknown): string {
  const name = (resource as { "Fn::ImportValue"?: unknown })["Fn::ImportValue"];
  if (typeof name !== "string") throw new Error(`not a topic of the shared stack: ${JSON.stringify(resource)}`);
  return name;
}

function getAttId(resource: unknown): string {
  const getAtt = (resource as { "Fn::GetAtt"?: unknown[] })["Fn::GetAtt"];
  return Array.isArray(getAtt) && typeof getAtt[0] === "string" ? getAtt[0] : JSON.stringify(resource);
}

function single<T>(items: readonly T[]): T {
  if (items.length !== 1) throw new Error(`expected exactly one, got ${items.length}`);
  return items[0]!;
}

function sortByKey<T extends { key: unknown }>(items: T[]): T[] {
  return [...items].sort((a, b) => String(a.key).localeCompare(String(b.key)));
}

function byJson(a: unknown, b: unknown): number {
  return JSON.stringify(a).localeCompare(JSON.stringify(b));
}

