import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
  type Message,
  type MessageAttributeValue,
} from "@aws-sdk/client-sqs";
import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
import type { Delivery, Source, Transport, WireMessage } from "../queue-port.js";
import type { QueueConfig } from "../read-queue-config.js";

/**
 * AWS SNS + SQS. A producer's topic is an SNS topic; each consuming service has an SQS queue
 * subscribed to it with raw delivery (fan-out), and its own dead-letter queue. An ordered topology
 * uses FIFO topics and queues with the key as MessageGroupId and the message id as the
 * deduplication id. A retry hides the message for the backoff delay (ChangeMessageVisibility); SQS
 * counts receives, so a crash counts as an attempt.
 */
export function createSqsTransport(config: QueueConfig): Transport {
  const sqs = new SQSClient({ region: config.awsRegion, ...(config.sqsEndpoint ? { endpoint: config.sqsEndpoint } : {}) });
  const sns = new SNSClient({ region: config.awsRegion, ...(config.snsEndpoint ? { endpoint: config.snsEndpoint } : {}) });
  const topics = new Map<string, Promise<string>>();
  const queues = new Map<string, Promise<{ url: string; arn: string }>>();
  const leaseSeconds = Math.ceil(config.leaseMs / 1000);

  const topicArn = (topic: string, fifo: boolean): Promise<string> => {
    const name = awsName(topic, fifo);
    let arn = topics.get(name);
    if (!arn) {
      arn = sns
        .send(new CreateTopicCommand({ Name: name, ...(fifo ? { Attributes: { FifoTopic: "true", ContentBasedDeduplication: "false" } } : {}) }))
        .then((reply) => reply.TopicArn ?? Promise.reject(new Error(`SNS gave no ARN for ${name}`)));
      arn.catch(() => topics.delete(name));
      topics.set(name, arn);
    }
    return arn;
  };

  const queue = (name: string, fifo: boolean): Promise<{ url: string; arn: string }> => {
    const awsQueue = awsName(name, fifo);
    let found = queues.get(awsQueue);
    if (!found) {
      found = (async () => {
        const attributes: Record<string, string> = { VisibilityTimeout: String(leaseSeconds) };
        if (fifo) attributes.FifoQueue = "true";
        // A queue made earlier with other attributes (another lease) keeps its name: adopt it and update them.
        const url = await sqs.send(new CreateQueueCommand({ QueueName: awsQueue, Attributes: attributes })).then(
          (created) => created.QueueUrl ?? "",
          async (error: unknown) => {
            if (!/QueueAlreadyExists|QueueNameExists/.test(String(error))) throw error;
            const existing = (await sqs.send(new GetQueueUrlCommand({ QueueName: awsQueue }))).QueueUrl ?? "";
            await sqs.send(new SetQueueAttributesCommand({ QueueUrl: existing, Attributes: { VisibilityTimeout: attributes.VisibilityTimeout } }));
            return existing;
          },
        );
        const read = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["QueueArn"] }));
        return { url, arn: read.Attributes?.QueueArn ?? "" };
      })();
      found.catch(() => queues.delete(awsQueue));
      queues.set(awsQueue, found);
    }
    return found;
  };

  return {
    async publish(topic, message, ordered) {
      await sns.send(
        new PublishCommand({
          TopicArn: await topicArn(topic, ordered),
          Message: message.body,
          MessageAttributes: attributesOf(message),
          ...(ordered ? { MessageGroupId: message.key, MessageDeduplicationId: message.id } : {}),
        }),
      );
    },
    async declare(topology) {
      const arn = await topicArn(topology.topic, topology.ordered);
      await queue(topology.deadLetterQueue, topology.ordered);
      const target = await queue(topology.queue, topology.ordered);
      // Real AWS refuses SNS's deliveries unless the queue's policy lets this topic send.
      const policy = {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: target.arn, Condition: { ArnEquals: { "aws:SourceArn": arn } } }],
      };
      await sqs.send(new SetQueueAttributesCommand({ QueueUrl: target.url, Attributes: { Policy: JSON.stringify(policy) } }));
      const attributes: Record<string, string> = { RawMessageDelivery: "true" };
      if (topology.events) attributes.FilterPolicy = JSON.stringify({ event: [...topology.events] });
      await sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: "sqs", Endpoint: target.arn, Attributes: attributes }));
    },
    async open(topology) {
      const deadLetters = await queue(topology.deadLetterQueue, topology.ordered);
      return openSource(sqs, (await queue(topology.queue, topology.ordered)).url, leaseSeconds, async (message, attempt, reason) => {
        await sqs.send(
          new SendMessageCommand({
            QueueUrl: deadLetters.url,
            MessageBody: message.body,
            MessageAttributes: { ...attributesOf(message), "x-dead-letter-reason": text(reason.slice(0, 1000)), "x-attempt": text(String(attempt)) },
            ...(topology.ordered ? { MessageGroupId: message.key, MessageDeduplicationId: message.id } : {}),
          }),
        );
      });
    },
    async openDeadLetters(topology) {
      return openSource(sqs, (await queue(topology.deadLetterQueue, topology.ordered)).url, leaseSeconds, async () => undefined);
    },
    async close() {
      sqs.destroy();
      sns.destroy();
    },
  };
}

/** SQS and SNS names allow letters, digits, `-` and `_`; FIFO ones end in `.fifo`. */
function awsName(name: string, fifo: boolean): string {
  return name.replace(/[^A-Za-z0-9_-]/g, "-") + (fifo ? ".fifo" : "");
}

const text = (value: string): MessageAttributeValue => ({ DataType: "String", StringValue: value });

function attributesOf(message: WireMessage): Record<string, MessageAttributeValue> {
  // SNS and SQS carry at most 10 attributes: the known ones apart (filter policies read `event`), the rest as one JSON.
  const { traceparent, ...rest } = message.headers;
  return {
    "message-id": text(message.id),
    event: text(message.event),
    key: text(message.key),
    ...(traceparent ? { traceparent: text(traceparent) } : {}),
    ...(Object.keys(rest).length > 0 ? { headers: text(JSON.stringify(rest)) } : {}),
  };
}

type DeadLetter = (message: WireMessage, attempt: number, reason: string) => Promise<void>;

function openSource(sqs: SQSClient, url: string, leaseSeconds: number, deadLetter: DeadLetter): Source {
  const visibility = (raw: Message, seconds: number): Promise<void> =>
    sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: raw.ReceiptHandle, VisibilityTimeout: seconds })).then(() => undefined);
  const remove = (raw: Message): Promise<void> =>
    sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: raw.ReceiptHandle })).then(() => undefined);

  const deliver = (raw: Message): Delivery => {
    const message = messageOf(raw);
    const attempt = Number(raw.Attributes?.ApproximateReceiveCount) || 1;
    return {
      message,
      attempt,
      ack: () => remove(raw),
      retry: (delayMs) => visibility(raw, Math.min(43_200, Math.ceil(delayMs / 1000))),
      deadLetter: async (reason) => (await deadLetter(message, attempt, reason), await remove(raw)),
      release: () => visibility(raw, 0),
      extend: () => visibility(raw, leaseSeconds),
    };
  };
  return {
    extendEveryMs: Math.floor((leaseSeconds * 1000) / 3),
    async receive(max, signal) {
      if (signal.aborted) return [];
      try {
        const reply = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: url,
            MaxNumberOfMessages: Math.min(10, max),
            WaitTimeSeconds: 1,
            MessageAttributeNames: ["All"],
            MessageSystemAttributeNames: ["ApproximateReceiveCount"],
          }),
          { abortSignal: signal },
        );
        return (reply.Messages ?? []).map(deliver);
      } catch (error) {
        if (signal.aborted) return [];
        throw error;
      }
    },
    async close() {},
  };
}

function messageOf(raw: Message): WireMessage {
  const attributes = raw.MessageAttributes ?? {};
  const value = (name: string): string => attributes[name]?.StringValue ?? "";
  const headers: Record<string, string> = {};
  const packed: unknown = JSON.parse(value("headers") || "{}");
  if (typeof packed === "object" && packed !== null) {
    for (const [name, v] of Object.entries(packed)) if (typeof v === "string") headers[name] = v;
  }
  if (value("traceparent")) headers.traceparent = value("traceparent");
  if (value("x-dead-letter-reason")) headers["x-dead-letter-reason"] = value("x-dead-letter-reason");
  return { id: value("message-id"), event: value("event"), key: value("key"), headers, body: raw.Body ?? "" };
}
