// sns.Topic, topic.onEvent and sns.TopicSubscription in a program: what SNS
// would refuse is refused when the program loads (each a whole message
// naming the topic and the subscription), the inputs with @pulumi/aws's
// defaults, and what a subscription makes (a function, a permission for
// sns.amazonaws.com on this topic only, the subscription after it, and no
// role policy beyond the function's own logs).
import { describe, expect, test } from "vitest";
import * as aws from "../src/index.js";
import { UNKNOWN } from "../src/core/brand.js";
import { resolveValue, type ValueLookup } from "../src/core/output.js";
import { TYPES } from "../src/core/types.js";
import { declare, messageOf } from "./support/program.js";

const handler = async () => undefined;
const WHERE = 'packages/aws/test/sns-sdk.test.ts:N: aws:sns:Topic "orders"';
const SUB = 'packages/aws/test/sns-sdk.test.ts:N: aws:sns:TopicSubscription "s"';
const POLICY_HINT =
  'hint: a policy maps attribute (or body) keys to lists of values and matchers, e.g. { store: ["example_corp"], price: [{ numeric: [">=", 100] }] }';

const REFUSALS: Array<[string, () => void, string]> = [
  [
    "topic: a FIFO name without fifoTopic",
    () => new aws.sns.Topic("orders", { name: "orders.fifo" }),
    `${WHERE}: a name ending in ".fifo" needs fifoTopic: true`,
  ],
  [
    "topic: a FIFO topic whose name lacks .fifo",
    () => new aws.sns.Topic("orders", { name: "orders", fifoTopic: true }),
    `${WHERE}: the name of a FIFO topic must end in ".fifo", got "orders"`,
  ],
  [
    "topic: a name with a dot",
    () => new aws.sns.Topic("orders", { name: "a.b" }),
    `${WHERE}: "name" may hold letters, digits, "-" and "_" only (1 to 256 characters), got "a.b"`,
  ],
  [
    "topic: content-based deduplication on a standard topic",
    () => new aws.sns.Topic("orders", { contentBasedDeduplication: true }),
    `${WHERE}: "contentBasedDeduplication" applies to FIFO topics only\nhint: set fifoTopic: true, or leave contentBasedDeduplication out`,
  ],
  ["topic: signature version 3", () => new aws.sns.Topic("orders", { signatureVersion: 3 }), `${WHERE}: "signatureVersion" must be 1 or 2, got 3`],
  [
    "onEvent: an unknown matcher, naming the key",
    () => new aws.sns.Topic("orders").onEvent("audit", handler, { filterPolicy: { store: [{ prefx: "ex" }] } }),
    `${WHERE}: onEvent "audit": SNS would refuse the filter policy: FilterPolicy: Unrecognized match type prefx at "store"\n${POLICY_HINT}`,
  ],
  [
    "onEvent: a nested policy on the attributes scope",
    () => new aws.sns.Topic("orders").onEvent("audit", handler, { filterPolicy: { order: { total: [1] } } }),
    `${WHERE}: onEvent "audit": SNS would refuse the filter policy: Filter policy scope MessageAttributes does not support nested filter policy at "order"\n${POLICY_HINT}`,
  ],
  [
    "onEvent: a numeric range upside down",
    () => new aws.sns.Topic("orders").onEvent("audit", handler, { filterPolicy: '{"price":[{"numeric":[">",5,"<",1]}]}' }),
    `${WHERE}: onEvent "audit": SNS would refuse the filter policy: FilterPolicy: Bottom must be less than top at "price"\n${POLICY_HINT}`,
  ],
  [
    "onEvent: an unknown scope",
    () => new aws.sns.Topic("orders").onEvent("audit", handler, { filterPolicy: { a: ["b"] }, filterPolicyScope: "Body" as "MessageBody" }),
    `${WHERE}: onEvent "audit": "filterPolicyScope" must be "MessageAttributes" or "MessageBody", got "Body"`,
  ],
  [
    "onEvent: a scope without a policy",
    () => new aws.sns.Topic("orders").onEvent("audit", handler, { filterPolicyScope: "MessageBody" }),
    `${WHERE}: onEvent "audit": "filterPolicyScope" applies to a "filterPolicy", and there is none\nhint: give the filterPolicy, or leave filterPolicyScope out`,
  ],
  [
    "onEvent: a FIFO topic",
    () => new aws.sns.Topic("orders", { fifoTopic: true }).onEvent("audit", handler),
    `${WHERE}: onEvent "audit": a FIFO topic delivers to SQS queues only, not to functions\nhint: subscribe a FIFO queue (sns.TopicSubscription with protocol sqs) and queue.onEvent, or make the topic standard`,
  ],
  [
    "subscription: no endpoint",
    () => new aws.sns.TopicSubscription("s", { topic: "arn:aws:sns:us-east-1:1:t", protocol: "sqs" } as aws.sns.TopicSubscriptionArgs),
    `${SUB}: "endpoint" is required`,
  ],
  [
    "subscription: an unknown protocol",
    () => new aws.sns.TopicSubscription("s", { topic: "arn:aws:sns:us-east-1:1:t", protocol: "pigeon" as "sqs", endpoint: "x" }),
    `${SUB}: "protocol" must be one of lambda, sqs, http, https, email, email-json, sms, application, firehose, got "pigeon"`,
  ],
  [
    "subscription: raw delivery to a function",
    () =>
      new aws.sns.TopicSubscription("s", {
        topic: "arn:aws:sns:us-east-1:1:t",
        protocol: "lambda",
        endpoint: "arn:aws:lambda:us-east-1:1:function:f",
        rawMessageDelivery: true,
      }),
    `${SUB}: SNS delivers raw messages to sqs, http, https, firehose only, not to lambda\nhint: leave rawMessageDelivery out`,
  ],
];

describe("sns refusals", () => {
  test.each(REFUSALS)("%s", (_name, build, message) => {
    expect(messageOf(build)).toBe(message);
  });

  test("onEvent: a body policy with nesting, exists, anything-but and prefix is fine", () => {
    const policy = { order: { status: [{ "anything-but": ["cancelled"] }], id: [{ exists: true }], store: [{ prefix: "ex" }] } };
    expect(messageOf(() => new aws.sns.Topic("orders").onEvent("audit", handler, { filterPolicy: policy, filterPolicyScope: "MessageBody" }))).toBe(
      "(no error)",
    );
  });
});

function nodesOf(build: () => void) {
  const program = declare(build);
  const node = (type: string, name: string) => program.nodes.find((n) => n.descriptor.type === type && n.descriptor.name === name)!;
  return { program, node };
}

const lookup = (values: Record<string, string>): ValueLookup => ({
  property: (_resource, key) => values[key] ?? UNKNOWN,
  context: (key) => ({ region: "us-east-1", accountId: "123456789012" })[key as string] ?? UNKNOWN,
});

describe("sns resources", () => {
  test("topic: inputs as given; a FIFO topic keeps its flags", () => {
    const { node } = nodesOf(() => {
      new aws.sns.Topic("orders");
      new aws.sns.Topic("jobs", { fifoTopic: true, displayName: "Jobs", tags: { team: "a" } });
    });
    expect(node(TYPES.topic, "orders").descriptor.inputs).toEqual({ fifoTopic: false });
    expect(node(TYPES.topic, "jobs").descriptor.inputs).toEqual({
      fifoTopic: true,
      contentBasedDeduplication: false,
      displayName: "Jobs",
      tags: { team: "a" },
    });
  });

  test("onEvent: a function, a permission for SNS on this topic, the subscription after it; the role gets only its logs", () => {
    const { program, node } = nodesOf(() => {
      new aws.sns.Topic("orders").onEvent("audit", handler, { filterPolicy: { price: [{ numeric: [">=", 100] }] } });
    });
    expect(program.nodes.map((n) => `${n.descriptor.type} ${n.descriptor.name}`).sort()).toEqual([
      "aws:iam:Role audit",
      "aws:iam:RolePolicy audit",
      "aws:lambda:Function audit",
      "aws:lambda:Permission audit",
      "aws:sns:Topic orders",
      "aws:sns:TopicSubscription audit",
    ]);
    const topicArn = "arn:aws:sns:us-east-1:123456789012:orders-1234567";
    const permission = node(TYPES.permission, "audit").descriptor.inputs;
    expect([permission.action, permission.principal, resolveValue(permission.sourceArn, lookup({ arn: topicArn })), permission.sourceAccount]).toEqual([
      "lambda:InvokeFunction",
      "sns.amazonaws.com",
      topicArn,
      undefined,
    ]);
    const subscription = node(TYPES.topicSubscription, "audit");
    expect([...subscription.dependencies].sort()).toEqual([`${TYPES.function}::audit`, `${TYPES.permission}::audit`, `${TYPES.topic}::orders`]);
    const { topic: _topic, endpoint: _endpoint, ...settings } = subscription.descriptor.inputs;
    expect(settings).toEqual({ protocol: "lambda", filterPolicy: '{"price":[{"numeric":[">=",100]}]}' });
    // The role's one policy is the function's own logs.
    const logs = JSON.parse(resolveValue(node(TYPES.rolePolicy, "audit").descriptor.inputs.policy, lookup({ name: "audit-1234567" })) as string) as {
      Statement: Array<{ Action: string | string[] }>;
    };
    expect(logs.Statement.flatMap((statement) => statement.Action).sort()).toEqual(["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"]);
  });

  test("get: a topic by ARN subscribes like any; a subscription by ARN is read", () => {
    const { node } = nodesOf(() => {
      aws.sns.Topic.get("existing", "arn:aws:sns:us-east-1:123456789012:alerts").onEvent("pager", handler);
      aws.sns.TopicSubscription.get("old", "arn:aws:sns:us-east-1:123456789012:alerts:5f4c3b2a-1d0e-4f9a-8b7c-6d5e4f3a2b1c");
    });
    expect([node(TYPES.topic, "existing").descriptor.readId, node(TYPES.topic, "existing").descriptor.inputs]).toEqual([
      "arn:aws:sns:us-east-1:123456789012:alerts",
      {},
    ]);
    expect(node(TYPES.topicSubscription, "pager").dependencies.has(`${TYPES.topic}::existing`)).toBe(true);
    expect(node(TYPES.topicSubscription, "old").descriptor.readId).toBe("arn:aws:sns:us-east-1:123456789012:alerts:5f4c3b2a-1d0e-4f9a-8b7c-6d5e4f3a2b1c");
  });
});
