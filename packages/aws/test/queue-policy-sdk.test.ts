// sqs.QueuePolicy and topic.subscribeQueue in a program: a document SQS would
// refuse is refused when the program loads (or, given as an output, when the
// plan resolves it), each a whole message naming the resource; a second
// policy on one queue is refused; subscribeQueue puts one statement per
// topic into the queue's one policy; and the plan's notice for a queue
// subscription that no policy of the program allows.
import { describe, expect, test } from "vitest";
import * as aws from "../src/index.js";
import { makePlan, type Plan } from "../src/engine/plan.js";
import { emptyState } from "../src/engine/state.js";
import { providerFor } from "../src/provider/providers.js";
import { declare, messageOf } from "./support/program.js";

const NAMING = { accountId: "123456789012", region: "us-east-1", project: "shop", stack: "dev" };
const WHERE = 'packages/aws/test/queue-policy-sdk.test.ts:N: aws:sqs:QueuePolicy "p"';
const SHAPE = `{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: queue.arn, Condition: { ArnEquals: { "aws:SourceArn": topic.arn } } }] }`;
const URL = "https://sqs.us-east-1.amazonaws.com/123456789012/jobs";
const allow = { Effect: "Allow" as const, Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage" };

const REFUSALS: Array<[string, () => void, string]> = [
  [
    "policy: text that is not JSON",
    () => new aws.sqs.QueuePolicy("p", { queueUrl: URL, policy: "{Statement: []" }),
    `${WHERE}: "policy" is not JSON: "{Statement: []"\nhint: give the document as an object, e.g. ${SHAPE}`,
  ],
  [
    "policy: JSON that is not a document",
    () => new aws.sqs.QueuePolicy("p", { queueUrl: URL, policy: "[1]" }),
    `${WHERE}: "policy" must be a policy document (an object with a Statement), got [1]\nhint: e.g. ${SHAPE}`,
  ],
  [
    "policy: no Statement",
    () => new aws.sqs.QueuePolicy("p", { queueUrl: URL, policy: { Version: "2012-10-17" } as aws.sqs.PolicyDocument }),
    `${WHERE}: "policy" has no Statement: SQS refuses a policy that grants nothing\nhint: e.g. ${SHAPE}`,
  ],
  [
    "policy: an empty Statement list",
    () => new aws.sqs.QueuePolicy("p", { queueUrl: URL, policy: '{"Statement":[]}' }),
    `${WHERE}: "policy" has no Statement: SQS refuses a policy that grants nothing\nhint: e.g. ${SHAPE}`,
  ],
  [
    "policy: an unknown Effect",
    () => new aws.sqs.QueuePolicy("p", { queueUrl: URL, policy: { Statement: [allow, { ...allow, Effect: "allow" as "Allow" }] } }),
    `${WHERE}: "policy" Statement[1]: "Effect" must be "Allow" or "Deny", got "allow"\nhint: e.g. ${SHAPE}`,
  ],
  [
    "policy: a statement without a principal",
    () => new aws.sqs.QueuePolicy("p", { queueUrl: URL, policy: { Statement: { Effect: "Allow", Action: "sqs:SendMessage" } } }),
    `${WHERE}: "policy" Statement[0]: has no "Principal": a queue's policy names who may act on it (e.g. { Service: "sns.amazonaws.com" })\nhint: e.g. ${SHAPE}`,
  ],
  [
    "policy: a statement without an action",
    () => new aws.sqs.QueuePolicy("p", { queueUrl: URL, policy: { Statement: { Effect: "Deny", Principal: "*" } } }),
    `${WHERE}: "policy" Statement[0]: has no "Action" (e.g. "sqs:SendMessage")\nhint: e.g. ${SHAPE}`,
  ],
  [
    "policy: no queueUrl",
    () => new aws.sqs.QueuePolicy("p", { policy: { Statement: allow } } as unknown as aws.sqs.QueuePolicyArgs),
    `${WHERE}: "queueUrl" is required\nhint: queueUrl: queue.url`,
  ],
  ["policy: no policy", () => new aws.sqs.QueuePolicy("p", { queueUrl: URL } as aws.sqs.QueuePolicyArgs), `${WHERE}: "policy" is required`],
  [
    "policy: a second policy on the same queue",
    () => {
      const queue = new aws.sqs.Queue("jobs");
      new aws.sqs.QueuePolicy("first", { queueUrl: queue.url, policy: { Statement: allow } });
      new aws.sqs.QueuePolicy("p", { queueUrl: queue.url, policy: { Statement: allow } });
    },
    `${WHERE}: the queue already has aws:sqs:QueuePolicy "first" (declared at packages/aws/test/queue-policy-sdk.test.ts:N): a queue has one policy, and two would overwrite each other\nhint: put every statement in one QueuePolicy`,
  ],
  [
    "subscribeQueue: the queue's policy is given as text",
    () => {
      const queue = new aws.sqs.Queue("jobs");
      new aws.sqs.QueuePolicy("jobsPolicy", { queueUrl: queue.url, policy: JSON.stringify({ Statement: allow }) });
      new aws.sns.Topic("orders").subscribeQueue("toJobs", queue);
    },
    'packages/aws/test/queue-policy-sdk.test.ts:N: aws:sns:Topic "orders": subscribeQueue "toJobs": the queue\'s policy aws:sqs:QueuePolicy "jobsPolicy" is given as text, so the statement that lets the topic send cannot be added to it\nhint: give that QueuePolicy\'s policy as an object ({ Version, Statement: [...] }): subscribeQueue adds its statement to it',
  ],
  [
    "subscribeQueue: not a queue",
    () => new aws.sns.Topic("orders").subscribeQueue("toJobs", { arn: "x" } as unknown as aws.sqs.Queue),
    'packages/aws/test/queue-policy-sdk.test.ts:N: aws:sns:Topic "orders": subscribeQueue "toJobs": the queue must be an sqs.Queue (new sqs.Queue(...) or sqs.Queue.get(...))\nhint: for a queue of another program, use sns.TopicSubscription with protocol sqs and that queue\'s own policy',
  ],
  [
    "subscribeQueue: raw delivery not a boolean",
    () => new aws.sns.Topic("orders").subscribeQueue("toJobs", new aws.sqs.Queue("jobs"), { rawMessageDelivery: "yes" as unknown as boolean }),
    'packages/aws/test/queue-policy-sdk.test.ts:N: aws:sns:Topic "orders": subscribeQueue "toJobs": "rawMessageDelivery" must be true or false',
  ],
];

function plan(build: () => void): Promise<Plan> {
  return makePlan({
    program: declare(build),
    state: emptyState("dev", "local"),
    naming: NAMING,
    providerFor,
    read: async () => undefined,
    code: async () => new Map(),
  });
}

const notices = async (build: () => void) => (await plan(build)).notices.map((notice) => notice.replace(/^\S+\.test\.ts:\d+: /, "").split("\n")[0]);

describe("queue policy in a program", () => {
  test.each(REFUSALS)("%s", (_case, build, message) => {
    expect(messageOf(build)).toBe(message);
  });

  test("policy: given as an output, refused when the plan resolves it, naming the resource", async () => {
    const build = () => {
      const queue = new aws.sqs.Queue("jobs");
      new aws.sqs.QueuePolicy("p", { queueUrl: queue.url, policy: queue.arn.apply((arn) => `{"Statement": "${arn}"`) });
    };
    await expect(plan(build)).rejects.toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    const error = await plan(build).catch((e: Error) => e.message.replace(/(\w+\.test\.ts):\d+/g, "$1:N"));
    expect(error).toBe(
      `${WHERE}: "policy" is not JSON: "{\\"Statement\\": \\"arn:aws:sqs:us-east-1:123456789012:jobs-55334…"\nhint: give the document as an object, e.g. ${SHAPE}`,
    );
  });

  test("subscribeQueue: two topics, one policy named after the queue with one statement each; the subscriptions wait for it", async () => {
    const result = await plan(() => {
      const queue = new aws.sqs.Queue("jobs");
      new aws.sns.Topic("orders").subscribeQueue("ordersToJobs", queue, { filterPolicy: { store: ["a"] }, rawMessageDelivery: true });
      new aws.sns.Topic("refunds").subscribeQueue("refundsToJobs", queue);
    });
    const step = (type: string, name: string) => result.steps.find((s) => s.type === type && s.name === name)!;
    const queueArn = step("aws:sqs:Queue", "jobs").outputs.arn;
    const topicArn = (name: string) => step("aws:sns:Topic", name).outputs.arn;
    const policy = step("aws:sqs:QueuePolicy", "jobs");
    expect((policy.inputs.policy as { Statement: unknown[] }).Statement).toEqual(
      ["orders", "refunds"].map((name) => ({
        Sid: `${name}ToJobs`,
        ...allow,
        Resource: queueArn,
        Condition: { ArnEquals: { "aws:SourceArn": topicArn(name) } },
      })),
    );
    expect(policy.dependencies).toEqual(["aws:sns:Topic::orders", "aws:sns:Topic::refunds", "aws:sqs:Queue::jobs"]);
    const subscription = step("aws:sns:TopicSubscription", "ordersToJobs");
    expect(subscription.inputs).toEqual({
      topic: topicArn("orders"),
      protocol: "sqs",
      endpoint: queueArn,
      filterPolicy: '{"store":["a"]}',
      rawMessageDelivery: true,
    });
    expect(subscription.dependencies).toContain("aws:sqs:QueuePolicy::jobs");
    expect(result.notices).toEqual([]);
  });

  test("subscribeQueue: adds its statement to the program's own policy of the queue", async () => {
    const result = await plan(() => {
      const queue = new aws.sqs.Queue("jobs");
      new aws.sqs.QueuePolicy("mine", { queueUrl: queue.url, policy: { Version: "2012-10-17", Statement: { Sid: "own", ...allow, Principal: "*" } } });
      new aws.sns.Topic("orders").subscribeQueue("ordersToJobs", queue);
    });
    const policies = result.steps.filter((s) => s.type === "aws:sqs:QueuePolicy");
    expect(policies.map((s) => [s.name, (s.inputs.policy as { Statement: Array<{ Sid: string }> }).Statement.map((each) => each.Sid)])).toEqual([
      ["mine", ["own", "ordersToJobs"]],
    ]);
  });

  const NO_POLICY =
    'aws:sns:TopicSubscription "s": SNS will not deliver to aws:sqs:Queue "jobs": no QueuePolicy of the program lets sns.amazonaws.com send to it';
  const NOT_ALLOWED =
    'aws:sns:TopicSubscription "s": SNS will not deliver to aws:sqs:Queue "jobs": its QueuePolicy does not let sns.amazonaws.com send to it for this topic';
  const NOTICES: Array<[string, (queue: aws.sqs.Queue, topic: aws.sns.Topic, other: aws.sns.Topic) => void, string[]]> = [
    ["notice: no policy", () => undefined, [NO_POLICY]],
    [
      "notice: a policy for another topic",
      (queue, _topic, other) =>
        void new aws.sqs.QueuePolicy("p", {
          queueUrl: queue.url,
          policy: { Statement: { ...allow, Condition: { ArnEquals: { "aws:SourceArn": other.arn } } } },
        }),
      [NOT_ALLOWED],
    ],
    [
      "notice: a policy that denies the topic",
      (queue) => void new aws.sqs.QueuePolicy("p", { queueUrl: queue.url, policy: { Statement: [allow, { ...allow, Effect: "Deny" }] } }),
      [NOT_ALLOWED],
    ],
    [
      "notice: a policy for another action",
      (queue) => void new aws.sqs.QueuePolicy("p", { queueUrl: queue.url, policy: { Statement: { ...allow, Action: "sqs:ReceiveMessage" } } }),
      [NOT_ALLOWED],
    ],
    [
      "notice: none for a policy that allows the topic",
      (queue, topic) =>
        void new aws.sqs.QueuePolicy("p", {
          queueUrl: queue.url,
          policy: { Statement: { ...allow, Resource: queue.arn, Condition: { ArnLike: { "aws:SourceArn": topic.arn } } } },
        }),
      [],
    ],
    [
      "notice: none for a policy that allows everyone sqs:*",
      (queue) =>
        void new aws.sqs.QueuePolicy("p", { queueUrl: queue.url, policy: JSON.stringify({ Statement: { Effect: "Allow", Principal: "*", Action: "sqs:*" } }) }),
      [],
    ],
    [
      "notice: none for a policy known only after apply",
      (queue) =>
        void new aws.sqs.QueuePolicy("p", {
          queueUrl: queue.url,
          policy: queue.url.apply((url) => JSON.stringify({ Statement: { ...allow, Resource: url } })),
        }),
      [],
    ],
  ];

  test.each(NOTICES)("%s", async (_case, addPolicy, expected) => {
    const found = await notices(() => {
      const queue = new aws.sqs.Queue("jobs");
      const topic = new aws.sns.Topic("orders");
      new aws.sns.TopicSubscription("s", { topic, protocol: "sqs", endpoint: queue.arn });
      addPolicy(queue, topic, new aws.sns.Topic("other"));
    });
    expect(found).toEqual(expected);
  });

  test("notice: none for a lambda subscription or a queue outside the program", async () => {
    const found = await notices(() => {
      const topic = new aws.sns.Topic("orders");
      new aws.sns.TopicSubscription("s", { topic, protocol: "sqs", endpoint: "arn:aws:sqs:us-east-1:123456789012:elsewhere" });
      new aws.sns.TopicSubscription("f", { topic, protocol: "lambda", endpoint: "arn:aws:lambda:us-east-1:123456789012:function:f" });
    });
    expect(found).toEqual([]);
  });
});
