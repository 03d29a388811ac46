// SNS delivery to SQS queues on the real daemon: the notification envelope
// as SNS writes it, raw delivery with the attributes as SQS message
// attributes, the queue's access policy deciding as on AWS (a table of
// policies), filter policies, FIFO topics to FIFO queues (group,
// deduplication id, order), AWS's refusal of a FIFO queue on a standard
// topic, and a publish from the aws CLI acknowledged before a kill -9 found
// in the queue after the restart.
import { CreateTopicCommand, PublishCommand, SubscribeCommand, type SNSClient } from "@aws-sdk/client-sns";
import { SetQueueAttributesCommand, type SQSClient } from "@aws-sdk/client-sqs";
import { afterEach, describe, expect, it } from "vitest";
import { awsCli } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { snsClient } from "./helpers/sns.js";
import { bodies, createQueue, receive, sqsClient } from "./helpers/sqs.js";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(dataDir?: string): Promise<{ daemon: DaemonProcess; sns: SNSClient; sqs: SQSClient }> {
  const daemon = await startDaemon(dataDir === undefined ? {} : { dataDir });
  const sns = snsClient(daemon.endpoint);
  const sqs = sqsClient(daemon.endpoint);
  cleanups.push(
    () => daemon.kill(),
    () => sns.destroy(),
    () => sqs.destroy(),
  );
  if (dataDir === undefined) cleanups.push(() => removeDataDir(daemon.dataDir));
  return { daemon, sns, sqs };
}

const queueArn = (name: string) => `arn:aws:sqs:us-east-1:000000000000:${name}`;

/** The policy a user writes so a topic may send to a queue (what the AWS docs show). */
function snsPolicy(queue: string, topicArn: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "sns.amazonaws.com" },
        Action: "sqs:SendMessage",
        Resource: queueArn(queue),
        Condition: { ArnEquals: { "aws:SourceArn": topicArn } },
      },
    ],
  });
}

/** A topic, a queue (with `policy` unless null) and the queue's subscription to the topic. */
async function wired(
  sns: SNSClient,
  sqs: SQSClient,
  name: string,
  options: { fifo?: boolean; policy?: string | null; attributes?: Record<string, string> } = {},
) {
  const suffix = options.fifo === true ? ".fifo" : "";
  const fifo = options.fifo === true ? { FifoTopic: "true" } : {};
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: `${name}${suffix}`, Attributes: fifo }));
  const queueUrl = await createQueue(sqs, `${name}-q${suffix}`, options.fifo === true ? { FifoQueue: "true" } : {});
  const policy = options.policy === undefined ? snsPolicy(`${name}-q${suffix}`, TopicArn!) : options.policy;
  if (policy !== null) await sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { Policy: policy } }));
  const { SubscriptionArn } = await sns.send(
    new SubscribeCommand({ TopicArn, Protocol: "sqs", Endpoint: queueArn(`${name}-q${suffix}`), Attributes: options.attributes ?? {} }),
  );
  return { topicArn: TopicArn!, queueUrl, subscriptionArn: SubscriptionArn! };
}

describe("sns to sqs", () => {
  it("envelope: the notification SNS writes to a queue, keys in AWS's order", async () => {
    const { sns, sqs } = await setup();
    const { topicArn, queueUrl, subscriptionArn } = await wired(sns, sqs, "orders");
    const { MessageId } = await sns.send(
      new PublishCommand({
        TopicArn: topicArn,
        Message: "order 7",
        Subject: "New order",
        MessageAttributes: { store: { DataType: "String", StringValue: "a" } },
      }),
    );
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: "plain" }));
    // Stored by the publish itself: the messages are there once it is answered.
    const [first, second] = (await receive(sqs, queueUrl)).map((message) => JSON.parse(message.Body!) as Record<string, unknown>);
    expect(Object.keys(first!)).toEqual([
      "Type",
      "MessageId",
      "TopicArn",
      "Subject",
      "Message",
      "Timestamp",
      "SignatureVersion",
      "Signature",
      "SigningCertURL",
      "UnsubscribeURL",
      "MessageAttributes",
    ]);
    expect({ ...first, Timestamp: "<time>", Signature: "<signature>" }).toEqual({
      Type: "Notification",
      MessageId,
      TopicArn: topicArn,
      Subject: "New order",
      Message: "order 7",
      Timestamp: "<time>",
      SignatureVersion: "1",
      Signature: "<signature>",
      SigningCertURL: "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-closure-pack-local.pem",
      UnsubscribeURL: `https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`,
      MessageAttributes: { store: { Type: "String", Value: "a" } },
    });
    expect(Object.keys(second!)).toEqual([
      "Type",
      "MessageId",
      "TopicArn",
      "Message",
      "Timestamp",
      "SignatureVersion",
      "Signature",
      "SigningCertURL",
      "UnsubscribeURL",
    ]);
  });

  it("raw: the message itself, its attributes as SQS message attributes; the filter policy applies", async () => {
    const { sns, sqs } = await setup();
    const attributes = { RawMessageDelivery: "true", FilterPolicy: JSON.stringify({ kind: ["big"] }) };
    const { topicArn, queueUrl } = await wired(sns, sqs, "raw", { attributes });
    const publish = (Message: string, kind: string) =>
      sns.send(
        new PublishCommand({
          TopicArn: topicArn,
          Message,
          MessageAttributes: { kind: { DataType: "String", StringValue: kind }, blob: { DataType: "Binary", BinaryValue: Buffer.from([1, 2]) } },
        }),
      );
    await publish("small one", "small");
    await publish("big one", "big");
    const [message, ...rest] = await receive(sqs, queueUrl);
    expect(rest).toEqual([]);
    expect(message!.Body).toBe("big one");
    expect(message!.MessageAttributes).toEqual({
      blob: { DataType: "Binary", BinaryValue: new Uint8Array([1, 2]) },
      kind: { DataType: "String", StringValue: "big" },
    });
  });

  const topic = "arn:aws:sns:us-east-1:000000000000:policies";
  const statement = (fields: Record<string, unknown>) =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", ...fields }],
    });
  const policies: Array<[string, string | null, boolean]> = [
    ["policy: none, as on AWS nothing arrives", null, false],
    ["policy: the topic by ArnEquals", statement({ Condition: { ArnEquals: { "aws:SourceArn": topic } } }), true],
    ["policy: another topic", statement({ Condition: { ArnEquals: { "aws:SourceArn": `${topic}-other` } } }), false],
    ["policy: topics by ArnLike wildcard", statement({ Condition: { ArnLike: { "aws:SourceArn": "arn:aws:sns:*:000000000000:pol*" } } }), true],
    ["policy: any principal, sqs:*, no condition", JSON.stringify({ Statement: { Effect: "Allow", Principal: "*", Action: ["sqs:*"] } }), true],
    ["policy: another action only", statement({ Action: "sqs:ReceiveMessage" }), false],
    ["policy: another service", statement({ Principal: { Service: "events.amazonaws.com" } }), false],
    ["policy: a condition key SNS does not send", statement({ Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } } }), false],
    [
      "policy: allowed, then denied for the topic",
      JSON.stringify({
        Statement: [
          JSON.parse(statement({})).Statement[0],
          { Effect: "Deny", Principal: "*", Action: "sqs:SendMessage", Condition: { ArnEquals: { "aws:SourceArn": topic } } },
        ],
      }),
      false,
    ],
  ];

  it.each(policies)("%s", async (_name, policy, delivered) => {
    const { sns, sqs } = await setup();
    const { topicArn, queueUrl } = await wired(sns, sqs, "policies", { policy });
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: "hello" }));
    expect((await receive(sqs, queueUrl)).length).toBe(delivered ? 1 : 0);
  });

  it("fifo: a FIFO topic delivers to a FIFO queue in order, with its group, deduplicated", async () => {
    const { sns, sqs } = await setup();
    const { topicArn, queueUrl } = await wired(sns, sqs, "jobs", { fifo: true, attributes: { RawMessageDelivery: "true" } });
    const send = (Message: string, id: string) =>
      sns.send(new PublishCommand({ TopicArn: topicArn, Message, MessageGroupId: "g1", MessageDeduplicationId: id }));
    await send("one", "1");
    await send("two", "2");
    await send("one again", "1");
    await send("three", "3");
    const messages = await receive(sqs, queueUrl);
    expect(bodies(messages)).toEqual(["one", "two", "three"]);
    expect(messages.map((message) => message.Attributes?.MessageGroupId)).toEqual(["g1", "g1", "g1"]);
    expect(messages[0]!.Attributes?.MessageDeduplicationId).toBe("1");
  });

  it("subscribe: refused: a FIFO queue on a standard topic", async () => {
    const { sns } = await setup();
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: "standard" }));
    const error = await sns
      .send(new SubscribeCommand({ TopicArn, Protocol: "sqs", Endpoint: queueArn("q.fifo") }))
      .catch((caught: Error) => `${caught.name}: ${caught.message}`);
    expect(error).toBe("InvalidParameterException: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics");
  });

  it("durability: a publish from the aws CLI, answered before a kill -9, is in the queue after the restart", async () => {
    const first = await setup();
    const { topicArn, queueUrl } = await wired(first.sns, first.sqs, "durable", { attributes: { RawMessageDelivery: "true" } });
    const published = await awsCli(first.daemon.endpoint, ["sns", "publish", "--topic-arn", topicArn, "--message", "kept"]);
    expect(published.code, published.stderr).toBe(0);
    await first.daemon.kill();
    const second = await setup(first.daemon.dataDir);
    cleanups.push(() => removeDataDir(first.daemon.dataDir));
    expect(bodies(await receive(second.sqs, queueUrl))).toEqual(["kept"]);
  });
});
