/**
 * Each broker driven directly by its client, with no port: the baseline the port is measured
 * against. Same durability and acknowledgement as the adapters (publisher confirms, XADD reply,
 * JetStream ack, SNS response; explicit consumer acks), same prefetch, no validation, no retries.
 */
import { Redis } from "ioredis";
import { connect as amqpConnect } from "amqplib";
import { connect as natsConnect } from "@nats-io/transport-node";
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, StorageType } from "@nats-io/jetstream";
import { CreateQueueCommand, DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";

export interface PlainClient {
  /** Makes the topic and the consumers' queue; messages published after it are kept. */
  declare(): Promise<void>;
  publish(id: string, body: string): Promise<void>;
  /** One competing consumer handling up to `concurrency` messages at once. */
  consume(concurrency: number, onMessage: (id: string, body: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** The port's names (`<producer>.events`, `<consumer>.<producer>.events`), so one clean-up removes either. */
export interface BenchNames {
  readonly producer: string;
  readonly consumer: string;
}

export async function plainRedis(url: string, { producer, consumer }: BenchNames): Promise<PlainClient> {
  const redis = new Redis(url);
  const stream = `${producer}.events`;
  const group = `${consumer}.${stream}`;
  return {
    async declare() {
      await redis.call("XGROUP", "CREATE", stream, group, "$", "MKSTREAM");
    },
    async publish(id, body) {
      await redis.call("XADD", stream, "*", "id", id, "body", body);
    },
    async consume(concurrency, onMessage) {
      const blocking = redis.duplicate();
      let running = true;
      const loop = (async () => {
        while (running) {
          const reply = await blocking.call("XREADGROUP", "GROUP", group, `c${Math.random()}`, "COUNT", String(concurrency), "BLOCK", "500", "STREAMS", stream, ">");
          const entries = Array.isArray(reply) && Array.isArray(reply[0]) && Array.isArray(reply[0][1]) ? reply[0][1] : [];
          await Promise.all(
            entries.map(async (entry: unknown) => {
              if (!Array.isArray(entry) || !Array.isArray(entry[1])) return;
              const fields = entry[1].map(String);
              onMessage(fields[1] ?? "", fields[3] ?? "");
              await redis.call("XACK", stream, group, String(entry[0]));
            }),
          );
        }
      })();
      return async () => {
        running = false;
        await loop;
        blocking.disconnect();
      };
    },
    async close() {
      redis.disconnect();
    },
  };
}

export async function plainRabbitmq(url: string, { producer, consumer }: BenchNames): Promise<PlainClient> {
  const connection = await amqpConnect(url);
  const channel = await connection.createConfirmChannel();
  const exchange = `${producer}.events`;
  const queue = `${consumer}.${exchange}`;
  return {
    async declare() {
      await channel.assertExchange(exchange, "topic", { durable: true });
      await channel.assertQueue(queue, { durable: true, arguments: { "x-queue-type": "quorum" } });
      await channel.bindQueue(queue, exchange, "#");
    },
    publish: (id, body) =>
      new Promise((resolve, reject) =>
        channel.publish(exchange, "item.added", Buffer.from(body), { persistent: true, messageId: id }, (error: unknown) => (error ? reject(new Error(String(error))) : resolve())),
      ),
    async consume(concurrency, onMessage) {
      const consumer = await connection.createChannel();
      await consumer.prefetch(concurrency);
      await consumer.consume(queue, (message) => {
        if (!message) return;
        onMessage(String(message.properties.messageId), message.content.toString("utf8"));
        consumer.ack(message);
      });
      return () => consumer.close();
    },
    close: () => connection.close(),
  };
}

export async function plainNats(url: string, { producer, consumer }: BenchNames): Promise<PlainClient> {
  const nc = await natsConnect({ servers: url });
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  const stream = `${producer}_events`.replace(/[^A-Za-z0-9_-]/g, "_");
  const durable = `${consumer}_${stream}`.replace(/[^A-Za-z0-9_-]/g, "_");
  return {
    async declare() {
      await jsm.streams.add({ name: stream, subjects: [`${stream}.>`], storage: StorageType.File });
      await jsm.consumers.add(stream, { durable_name: durable, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.New });
    },
    async publish(id, body) {
      await js.publish(`${stream}.item`, body, { msgID: id });
    },
    async consume(concurrency, onMessage) {
      const consumer = await js.consumers.get(stream, durable);
      const messages = await consumer.consume({ max_messages: concurrency });
      // Up to `concurrency` messages between delivery and their acknowledged ack, as the port allows.
      const acking = new Set<Promise<unknown>>();
      const loop = (async () => {
        for await (const message of messages) {
          onMessage(message.headers?.get("Nats-Msg-Id") ?? "", message.string());
          const ack = message.ackAck().finally(() => acking.delete(ack));
          acking.add(ack);
          if (acking.size >= concurrency) await Promise.race(acking);
        }
        await Promise.all(acking);
      })();
      return async () => {
        await messages.close();
        await loop;
      };
    },
    close: () => nc.drain(),
  };
}

export async function plainSqs(endpoint: string, { producer, consumer }: BenchNames): Promise<PlainClient> {
  const sqs = new SQSClient({ region: "us-east-1", endpoint });
  const sns = new SNSClient({ region: "us-east-1", endpoint });
  const topic = `${producer}-events`;
  let topicArn = "";
  let queueUrl = "";
  return {
    async declare() {
      topicArn = (await sns.send(new CreateTopicCommand({ Name: topic }))).TopicArn ?? "";
      queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: `${consumer}-${topic}`, Attributes: { VisibilityTimeout: "30" } }))).QueueUrl ?? "";
      const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }))).Attributes?.QueueArn ?? "";
      await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: "sqs", Endpoint: arn, Attributes: { RawMessageDelivery: "true" } }));
    },
    async publish(id, body) {
      await sns.send(new PublishCommand({ TopicArn: topicArn, Message: body, MessageAttributes: { "message-id": { DataType: "String", StringValue: id } } }));
    },
    async consume(concurrency, onMessage) {
      queueUrl ||= (await sqs.send(new CreateQueueCommand({ QueueName: `${consumer}-${topic}`, Attributes: { VisibilityTimeout: "30" } }))).QueueUrl ?? "";
      let running = true;
      const loop = (async () => {
        while (running) {
          const reply = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: Math.min(10, concurrency), WaitTimeSeconds: 1, MessageAttributeNames: ["All"] }));
          await Promise.all(
            (reply.Messages ?? []).map(async (message) => {
              onMessage(message.MessageAttributes?.["message-id"]?.StringValue ?? "", message.Body ?? "");
              await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
            }),
          );
        }
      })();
      return async () => {
        running = false;
        await loop;
      };
    },
    async close() {
      sqs.destroy();
      sns.destroy();
    },
  };
}
