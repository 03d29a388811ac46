// SNS's control plane on the real daemon through @aws-sdk/client-sns and the
// aws CLI: topics (idempotent creation, attributes, FIFO names, tags),
// subscriptions (idempotent, attributes, filter policies refused as SNS
// refuses them), and AWS's error codes for what it refuses.
import {
  CreateTopicCommand,
  DeleteTopicCommand,
  GetSubscriptionAttributesCommand,
  GetTopicAttributesCommand,
  ListSubscriptionsByTopicCommand,
  ListTagsForResourceCommand,
  ListTopicsCommand,
  SetSubscriptionAttributesCommand,
  SetTopicAttributesCommand,
  type SNSClient,
  SubscribeCommand,
  TagResourceCommand,
  UnsubscribeCommand,
  UntagResourceCommand,
} from "@aws-sdk/client-sns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { snsClient } from "./helpers/sns.js";

let daemon: DaemonProcess;
let sns: SNSClient;

beforeAll(async () => {
  daemon = await startDaemon();
  sns = snsClient(daemon.endpoint);
});
afterAll(async () => {
  sns?.destroy();
  await daemon?.stop();
  if (daemon) removeDataDir(daemon.dataDir);
});

const FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:orders-handler";

/** The exception's name and message, as the SDK raises them. */
async function failure(promise: Promise<unknown>): Promise<string> {
  const error = (await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )) as Error | undefined;
  if (error === undefined) throw new Error("expected the call to fail");
  return `${error.name}: ${error.message}`;
}

describe("sns topics", () => {
  it("topics: create is idempotent, listed, described with SNS's defaults, deleted", async () => {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: "orders", Attributes: { DisplayName: "Orders" } }));
    expect(TopicArn).toBe("arn:aws:sns:us-east-1:000000000000:orders");
    expect((await sns.send(new CreateTopicCommand({ Name: "orders" }))).TopicArn).toBe(TopicArn);
    expect((await sns.send(new ListTopicsCommand({}))).Topics?.map((topic) => topic.TopicArn)).toContain(TopicArn);
    const { Attributes } = await sns.send(new GetTopicAttributesCommand({ TopicArn }));
    expect(Attributes).toMatchObject({ TopicArn, Owner: "000000000000", DisplayName: "Orders", SubscriptionsConfirmed: "0", SubscriptionsPending: "0" });
    expect(JSON.parse(Attributes!.Policy!).Statement[0].Resource).toBe(TopicArn);
    await sns.send(new SetTopicAttributesCommand({ TopicArn, AttributeName: "DisplayName", AttributeValue: "Orders!" }));
    expect((await sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes?.DisplayName).toBe("Orders!");
    await sns.send(new DeleteTopicCommand({ TopicArn }));
    expect(await failure(sns.send(new GetTopicAttributesCommand({ TopicArn })))).toBe("NotFoundException: Topic does not exist");
  });

  it.each([
    ["a name with a dot", { Name: "a.b" }, "InvalidParameterException: Invalid parameter: Topic Name"],
    [
      "a FIFO topic without .fifo",
      { Name: "jobs", Attributes: { FifoTopic: "true" } },
      "InvalidParameterException: Invalid parameter: Fifo Topic names must end with .fifo and must be made up of only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long.",
    ],
    ["an unknown attribute", { Name: "x", Attributes: { Color: "red" } }, "InvalidParameterException: Invalid parameter: AttributeName"],
  ])("topics: refused: %s", async (_name, input, message) => {
    expect(await failure(sns.send(new CreateTopicCommand(input)))).toBe(message);
  });

  it("topics: an existing topic with other attributes is refused; FIFO topics carry their flags", async () => {
    await sns.send(new CreateTopicCommand({ Name: "jobs.fifo", Attributes: { FifoTopic: "true" } }));
    expect(await failure(sns.send(new CreateTopicCommand({ Name: "jobs.fifo", Attributes: { FifoTopic: "true", ContentBasedDeduplication: "true" } })))).toBe(
      "InvalidParameterException: Invalid parameter: Attributes Reason: Topic already exists with different attributes",
    );
    const { Attributes } = await sns.send(new GetTopicAttributesCommand({ TopicArn: "arn:aws:sns:us-east-1:000000000000:jobs.fifo" }));
    expect([Attributes?.FifoTopic, Attributes?.ContentBasedDeduplication]).toEqual(["true", "false"]);
  });

  it("tags: by ARN, merged, removed; an unknown resource", async () => {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: "tagged", Tags: [{ Key: "team", Value: "a" }] }));
    await sns.send(new TagResourceCommand({ ResourceArn: TopicArn, Tags: [{ Key: "stack", Value: "dev" }] }));
    await sns.send(new UntagResourceCommand({ ResourceArn: TopicArn, TagKeys: ["team"] }));
    expect((await sns.send(new ListTagsForResourceCommand({ ResourceArn: TopicArn }))).Tags).toEqual([{ Key: "stack", Value: "dev" }]);
    expect(await failure(sns.send(new ListTagsForResourceCommand({ ResourceArn: `${TopicArn}-gone` })))).toBe(
      "ResourceNotFoundException: Resource does not exist",
    );
  });
});

describe("sns subscriptions", () => {
  it("subscriptions: lambda, idempotent, listed by topic, described, unsubscribed", async () => {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: "subs" }));
    const { SubscriptionArn } = await sns.send(new SubscribeCommand({ TopicArn, Protocol: "lambda", Endpoint: FUNCTION }));
    expect(SubscriptionArn).toMatch(new RegExp(`^${TopicArn}:[0-9a-f-]{36}$`));
    expect((await sns.send(new SubscribeCommand({ TopicArn, Protocol: "lambda", Endpoint: FUNCTION }))).SubscriptionArn).toBe(SubscriptionArn);
    const listed = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }));
    expect(listed.Subscriptions).toEqual([{ SubscriptionArn, Owner: "000000000000", Protocol: "lambda", Endpoint: FUNCTION, TopicArn }]);
    const { Attributes } = await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }));
    expect(Attributes).toMatchObject({
      SubscriptionArn,
      TopicArn,
      Protocol: "lambda",
      Endpoint: FUNCTION,
      PendingConfirmation: "false",
      RawMessageDelivery: "false",
    });
    expect(Attributes?.FilterPolicyScope).toBeUndefined();
    await sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: "FilterPolicy", AttributeValue: '{"store":["a"]}' }));
    expect((await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }))).Attributes).toMatchObject({
      FilterPolicy: '{"store":["a"]}',
      FilterPolicyScope: "MessageAttributes",
    });
    await sns.send(new UnsubscribeCommand({ SubscriptionArn }));
    expect((await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions).toEqual([]);
  });

  it.each([
    ["a bad lambda ARN", { Protocol: "lambda", Endpoint: "orders-handler" }, "InvalidParameterException: Invalid parameter: Lambda endpoint ARN"],
    ["an unknown protocol", { Protocol: "pigeon", Endpoint: "x" }, "InvalidParameterException: Invalid parameter: Invalid protocol type: pigeon"],
    [
      "an invalid filter policy",
      { Protocol: "lambda", Endpoint: FUNCTION, Attributes: { FilterPolicy: '{"store":[{"prefx":"a"}]}' } },
      'InvalidParameterException: Invalid parameter: Attributes Reason: FilterPolicy: Unrecognized match type prefx at "store"',
    ],
    [
      "a nested policy on attributes",
      { Protocol: "lambda", Endpoint: FUNCTION, Attributes: { FilterPolicy: '{"order":{"total":[1]}}' } },
      'InvalidParameterException: Invalid parameter: Attributes Reason: Filter policy scope MessageAttributes does not support nested filter policy at "order"',
    ],
    [
      "raw delivery to a function",
      { Protocol: "lambda", Endpoint: FUNCTION, Attributes: { RawMessageDelivery: "true" } },
      "InvalidParameterException: Invalid parameter: Attributes Reason: Delivery protocol [lambda] does not support raw message delivery.",
    ],
  ])("subscriptions: refused: %s", async (_name, input, message) => {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: "refusals" }));
    expect(await failure(sns.send(new SubscribeCommand({ TopicArn, ...input })))).toBe(message);
  });

  it("subscriptions: SetSubscriptionAttributes words refusals without 'Attributes Reason'; a body scope allows nesting", async () => {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: "scoped" }));
    const { SubscriptionArn } = await sns.send(new SubscribeCommand({ TopicArn, Protocol: "lambda", Endpoint: FUNCTION }));
    const set = (AttributeName: string, AttributeValue: string) =>
      sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName, AttributeValue }));
    expect(await failure(set("FilterPolicy", '{"price":[{"numeric":[">",5,"<",1]}]}'))).toBe(
      'InvalidParameterException: Invalid parameter: FilterPolicy: Bottom must be less than top at "price"',
    );
    expect(await failure(set("FilterPolicyScope", "Body"))).toBe(
      "InvalidParameterException: Invalid parameter: FilterPolicyScope: Invalid value [Body]. Please use either MessageBody or MessageAttributes",
    );
    expect(await failure(set("Color", "red"))).toBe("InvalidParameterException: Invalid parameter: AttributeName");
    await set("FilterPolicyScope", "MessageBody");
    await set("FilterPolicy", '{"order":{"total":[{"numeric":[">",100]}]}}');
    expect((await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }))).Attributes?.FilterPolicyScope).toBe("MessageBody");
    // Back to attributes: the nested policy no longer holds.
    expect(await failure(set("FilterPolicyScope", "MessageAttributes"))).toBe(
      'InvalidParameterException: Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy at "order"',
    );
  });

  it("aws CLI: create-topic, subscribe, list-subscriptions-by-topic", async () => {
    const created = await awsCli(daemon.endpoint, ["sns", "create-topic", "--name", "cli-topic"]);
    expect([created.code, JSON.parse(created.stdout)]).toEqual([0, { TopicArn: "arn:aws:sns:us-east-1:000000000000:cli-topic" }]);
    const subscribed = await awsCli(daemon.endpoint, [
      "sns",
      "subscribe",
      "--topic-arn",
      "arn:aws:sns:us-east-1:000000000000:cli-topic",
      "--protocol",
      "lambda",
      "--notification-endpoint",
      FUNCTION,
    ]);
    expect(subscribed.code, subscribed.stderr).toBe(0);
    const listed = await awsCli(daemon.endpoint, ["sns", "list-subscriptions-by-topic", "--topic-arn", "arn:aws:sns:us-east-1:000000000000:cli-topic"]);
    expect(JSON.parse(listed.stdout).Subscriptions.map((each: { Endpoint: string }) => each.Endpoint)).toEqual([FUNCTION]);
  });

  it("aws CLI: a publish without a topic gets SNS's error code, and the daemon keeps serving", async () => {
    const result = await awsCli(daemon.endpoint, ["sns", "publish", "--message", "to nowhere"]);
    expect([result.code, result.stderr.trim()]).toEqual([
      255,
      "An error occurred (InvalidParameter) when calling the Publish operation: Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter",
    ]);
    const listed = await awsCli(daemon.endpoint, ["sns", "list-topics"]);
    expect(listed.code).toBe(0);
  });
});
