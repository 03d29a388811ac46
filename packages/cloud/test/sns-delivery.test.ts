// SNS delivery to functions on the real daemon: the event exactly as AWS
// sends it (typed as @types/aws-lambda's SNSEvent), every matching
// subscription and only those (attribute and body policies), MessageStructure
// json, PublishBatch, Lambda's retries, a function that does not allow SNS,
// FIFO deduplication, the aws CLI, and publishes acknowledged before a
// kill -9 delivered after the restart.
import { DeleteFunctionConcurrencyCommand, PutFunctionConcurrencyCommand } from "@aws-sdk/client-lambda";
import { CreateTopicCommand, PublishBatchCommand, PublishCommand, SubscribeCommand, type SNSClient } from "@aws-sdk/client-sns";
import type { SNSEvent, SNSEventRecord } from "aws-lambda";
import { afterEach, describe, expect, it } from "vitest";
import { awsCli, clientsFor, type Clients } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { createRecorder, queueDrained, type Recorder } from "./helpers/recorder.js";
import { snsClient } from "./helpers/sns.js";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Setup {
  daemon: DaemonProcess;
  aws: Clients;
  sns: SNSClient;
}

async function setup(dataDir?: string): Promise<Setup> {
  const daemon = await startDaemon(dataDir === undefined ? {} : { dataDir });
  const aws = clientsFor(daemon.endpoint);
  const sns = snsClient(daemon.endpoint);
  cleanups.push(
    () => daemon.kill(),
    () => aws.destroy(),
    () => sns.destroy(),
  );
  if (dataDir === undefined) cleanups.push(() => removeDataDir(daemon.dataDir));
  return { daemon, aws, sns };
}

async function recorder(aws: Clients, name: string, options: { fails?: number } = {}): Promise<Recorder> {
  const made = await createRecorder(aws, name, options);
  cleanups.push(() => made.remove());
  return made;
}

/** A topic and a subscription of `fn` with `attributes`; the function allows SNS for the topic. */
async function subscribed(
  sns: SNSClient,
  topic: string,
  fn: Recorder,
  attributes: Record<string, string> = {},
  allow = true,
): Promise<{ topicArn: string; subscriptionArn: string }> {
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: topic }));
  if (allow) await fn.allow("sns.amazonaws.com", TopicArn!);
  const { SubscriptionArn } = await sns.send(new SubscribeCommand({ TopicArn, Protocol: "lambda", Endpoint: fn.arn, Attributes: attributes }));
  return { topicArn: TopicArn!, subscriptionArn: SubscriptionArn! };
}

function records(events: unknown[]): SNSEventRecord[] {
  return (events as SNSEvent[]).flatMap((event) => event.Records);
}

describe("sns delivery", () => {
  it("event: the record AWS sends, keys in AWS's order", async () => {
    const { aws, sns } = await setup();
    const fn = await recorder(aws, "orders-handler");
    const { topicArn, subscriptionArn } = await subscribed(sns, "orders", fn);
    const { MessageId } = await sns.send(
      new PublishCommand({
        TopicArn: topicArn,
        Message: "order 42 placed",
        Subject: "New order",
        MessageAttributes: {
          store: { DataType: "String", StringValue: "example_corp" },
          price: { DataType: "Number", StringValue: "210.75" },
          blob: { DataType: "Binary", BinaryValue: Buffer.from([0, 1]) },
        },
      }),
    );
    const [record] = records(await fn.waitFor(1));
    expect(Object.keys(record!)).toEqual(["EventSource", "EventVersion", "EventSubscriptionArn", "Sns"]);
    expect(Object.keys(record!.Sns)).toEqual([
      "Type",
      "MessageId",
      "TopicArn",
      "Subject",
      "Message",
      "Timestamp",
      "SignatureVersion",
      "Signature",
      "SigningCertUrl",
      "UnsubscribeUrl",
      "MessageAttributes",
    ]);
    expect(record!.Sns.Timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(record!.Sns.Signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect({ ...record, Sns: { ...record!.Sns, Timestamp: "<time>", Signature: "<signature>" } }).toEqual({
      EventSource: "aws:sns",
      EventVersion: "1.0",
      EventSubscriptionArn: subscriptionArn,
      Sns: {
        Type: "Notification",
        MessageId,
        TopicArn: topicArn,
        Subject: "New order",
        Message: "order 42 placed",
        Timestamp: "<time>",
        SignatureVersion: "1",
        Signature: "<signature>",
        SigningCertUrl: "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-closure-pack-local.pem",
        UnsubscribeUrl: `https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`,
        MessageAttributes: {
          store: { Type: "String", Value: "example_corp" },
          price: { Type: "Number", Value: "210.75" },
          blob: { Type: "Binary", Value: "AAE=" },
        },
      },
    });
  });

  it("fan-out: every matching subscription gets the message, filtered ones only what matches", async () => {
    const { daemon, aws, sns } = await setup();
    const all = await recorder(aws, "all");
    const big = await recorder(aws, "big-orders");
    const body = await recorder(aws, "body-orders");
    // One at a time, so each function's events arrive in publish order.
    for (const fn of [all, big, body]) await aws.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: fn.name, ReservedConcurrentExecutions: 1 }));
    const { topicArn } = await subscribed(sns, "shop", all);
    await big.allow("sns.amazonaws.com", topicArn);
    await sns.send(
      new SubscribeCommand({
        TopicArn: topicArn,
        Protocol: "lambda",
        Endpoint: big.arn,
        Attributes: { FilterPolicy: JSON.stringify({ price: [{ numeric: [">=", 100] }], store: [{ prefix: "ex" }] }) },
      }),
    );
    await body.allow("sns.amazonaws.com", topicArn);
    await sns.send(
      new SubscribeCommand({
        TopicArn: topicArn,
        Protocol: "lambda",
        Endpoint: body.arn,
        Attributes: { FilterPolicyScope: "MessageBody", FilterPolicy: JSON.stringify({ order: { status: [{ "anything-but": "cancelled" }] } }) },
      }),
    );
    const publish = (Message: string, price: string) =>
      sns.send(
        new PublishCommand({
          TopicArn: topicArn,
          Message,
          MessageAttributes: { price: { DataType: "Number", StringValue: price }, store: { DataType: "String", StringValue: "example_corp" } },
        }),
      );
    await publish(JSON.stringify({ order: { status: "cancelled" } }), "5");
    await publish(JSON.stringify({ order: { status: "placed" } }), "500");
    await publish("not json", "150");
    const messages = (fn: Recorder, count: number) => fn.waitFor(count).then((events) => records(events).map((record) => record.Sns.Message));
    expect(await messages(all, 3)).toEqual(['{"order":{"status":"cancelled"}}', '{"order":{"status":"placed"}}', "not json"]);
    expect(await messages(big, 2)).toEqual(['{"order":{"status":"placed"}}', "not json"]);
    expect(await messages(body, 1)).toEqual(['{"order":{"status":"placed"}}']);
    // Every delivery was queued by its publish: once the queue is empty, nothing more comes.
    await queueDrained(daemon.endpoint);
    expect([all.events().length, big.events().length, body.events().length]).toEqual([3, 2, 1]);
  });

  it("structure: MessageStructure json sends each protocol its message; PublishBatch answers per entry", async () => {
    const { aws, sns } = await setup();
    const fn = await recorder(aws, "batch-handler");
    await aws.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: fn.name, ReservedConcurrentExecutions: 1 }));
    const { topicArn } = await subscribed(sns, "structured", fn);
    await sns.send(
      new PublishCommand({ TopicArn: topicArn, MessageStructure: "json", Message: JSON.stringify({ default: "for everyone", lambda: "for functions" }) }),
    );
    const batch = await sns.send(
      new PublishBatchCommand({
        TopicArn: topicArn,
        PublishBatchRequestEntries: [
          { Id: "one", Message: "first" },
          { Id: "bad", Message: "x", MessageAttributes: { n: { DataType: "Number", StringValue: "abc" } } },
          { Id: "two", Message: "second" },
        ],
      }),
    );
    expect(batch.Successful?.map((entry) => entry.Id)).toEqual(["one", "two"]);
    expect(batch.Failed).toEqual([
      { Id: "bad", Code: "InvalidParameter", Message: "Invalid parameter: Could not cast message attribute 'n' value to number.", SenderFault: true },
    ]);
    expect(records(await fn.waitFor(3)).map((record) => record.Sns.Message)).toEqual(["for functions", "first", "second"]);
  });

  it("retries: a failing function gets the message again (Lambda's retry policy)", async () => {
    const { aws, sns } = await setup();
    const fn = await recorder(aws, "flaky", { fails: 1 });
    const { topicArn } = await subscribed(sns, "flaky-topic", fn);
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: "again" }));
    const [first, second] = records(await fn.waitFor(2));
    expect(second!.Sns.MessageId).toBe(first!.Sns.MessageId);
  });

  it("permission: a function that does not allow SNS for the topic gets nothing, as on AWS", async () => {
    const { daemon, aws, sns } = await setup();
    const fn = await recorder(aws, "closed");
    const { topicArn } = await subscribed(sns, "closed-topic", fn, {}, false);
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: "dropped" }));
    await fn.allow("sns.amazonaws.com", topicArn);
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: "delivered" }));
    await fn.waitFor(1);
    await queueDrained(daemon.endpoint);
    expect(records(fn.events()).map((record) => record.Sns.Message)).toEqual(["delivered"]);
  });

  it("fifo: the same deduplication id within five minutes is the same message, delivered once", async () => {
    const { sns } = await setup();
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: "jobs.fifo", Attributes: { FifoTopic: "true" } }));
    const send = (id: string) => sns.send(new PublishCommand({ TopicArn, Message: "job", MessageGroupId: "g", MessageDeduplicationId: id }));
    const first = await send("a");
    const again = await send("a");
    const other = await send("b");
    expect([again.MessageId, again.SequenceNumber]).toEqual([first.MessageId, first.SequenceNumber]);
    expect([first.SequenceNumber, other.SequenceNumber]).toEqual(["00000000000000000001", "00000000000000000002"]);
    const missing = await sns
      .send(new PublishCommand({ TopicArn, Message: "job", MessageGroupId: "g" }))
      .catch((error: Error) => `${error.name}: ${error.message}`);
    expect(missing).toBe(
      "InvalidParameterException: Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly",
    );
  });

  it("aws CLI: sns publish with an attribute reaches the function", async () => {
    const { daemon, aws, sns } = await setup();
    const fn = await recorder(aws, "cli-handler");
    const { topicArn } = await subscribed(sns, "cli-topic", fn);
    const published = await awsCli(daemon.endpoint, [
      "sns",
      "publish",
      "--topic-arn",
      topicArn,
      "--message",
      "from the cli",
      "--message-attributes",
      '{"kind":{"DataType":"String","StringValue":"cli"}}',
    ]);
    expect(published.code, published.stderr).toBe(0);
    const [record] = records(await fn.waitFor(1));
    expect([record!.Sns.Message, record!.Sns.MessageAttributes]).toEqual(["from the cli", { kind: { Type: "String", Value: "cli" } }]);
  });

  it("durability: publishes acknowledged before a kill -9 are delivered after the restart", async () => {
    const first = await setup();
    const fn = await recorder(first.aws, "durable");
    // Throttled: the deliveries wait in the queue when the daemon dies.
    await first.aws.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: fn.name, ReservedConcurrentExecutions: 0 }));
    const { topicArn } = await subscribed(first.sns, "durable-topic", fn);
    const sent = Array.from({ length: 20 }, (_, index) => `m${index}`);
    await Promise.all(sent.map((Message) => first.sns.send(new PublishCommand({ TopicArn: topicArn, Message }))));
    await first.daemon.kill();
    const second = await setup(first.daemon.dataDir);
    cleanups.push(() => removeDataDir(first.daemon.dataDir));
    await second.aws.lambda.send(new DeleteFunctionConcurrencyCommand({ FunctionName: fn.name }));
    const received = records(await fn.waitFor(20)).map((record) => record.Sns.Message);
    expect([...new Set(received)].sort()).toEqual([...sent].sort());
  });
});
