// The aws:sns:Topic and aws:sns:TopicSubscription provider modules against
// moto_server and against the local cloud (the real daemon), the same cases
// on both: a topic is created with its attributes and tags, changed in
// place, adopted when a create was cut short; topic.onEvent's subscription
// is created with its filter policy, its policy and scope changed in place
// (same ARN), adopted when a Subscribe was cut short; destroy leaves no
// topic and no subscription. Functions are archives here (closures are
// serialized in child processes only: the CLI end-to-end test).
import {
  GetSubscriptionAttributesCommand,
  GetTopicAttributesCommand,
  ListSubscriptionsCommand,
  ListTagsForResourceCommand,
  ListTopicsCommand,
  SubscribeCommand,
} from "@aws-sdk/client-sns";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as aws from "../src/index.js";
import { Deployment } from "../src/engine/deployment.js";
import type { Plan } from "../src/engine/plan.js";
import { createProviderContext, type ProviderContext } from "../src/provider/context.js";
import { declare } from "./support/program.js";
import { TARGETS, type Endpoint } from "./support/endpoints.js";

interface Shape {
  topic?: aws.sns.TopicArgs;
  subscription?: aws.sns.TopicEventSubscriptionArgs;
}

function program(shape: Shape): void {
  const topic = new aws.sns.Topic("orders", shape.topic);
  if (shape.subscription === undefined) return;
  const code = new aws.asset.AssetArchive({ "index.js": new aws.asset.StringAsset("exports.handler = async () => {};") });
  topic.onEvent("audit", new aws.lambda.Function("audit", { code, runtime: "nodejs22.x", timeout: 10 }), shape.subscription);
}

describe.each(TARGETS)("sns provider against %s", (_label, start, enabled) => {
  let endpoint: Endpoint;
  let sdk: ProviderContext;
  let dir: string;

  beforeAll(async () => {
    if (enabled) endpoint = await start();
  });
  afterAll(async () => {
    sdk?.destroy();
    await endpoint?.stop();
  });
  beforeEach(async () => {
    if (!enabled) return;
    sdk?.destroy();
    await endpoint.reset();
    sdk = createProviderContext(endpoint.target, { stack: "x", project: "x" });
    dir = mkdtempSync(join(tmpdir(), "aws-sns-"));
    return () => rmSync(dir, { recursive: true, force: true });
  });

  /** `calls`, when given, receives every AWS call of the apply ("sns:CreateTopic"). */
  async function up(shape: Shape | undefined, beforeApply?: (plan: Plan) => Promise<void>, calls?: string[]): Promise<Plan> {
    const resources = declare(() => shape && program(shape));
    const observe = (service: string, command: string) => calls?.push(`${service}:${command}`);
    const deployment = await Deployment.open({
      projectDir: dir,
      project: "shop",
      stack: "dev",
      target: endpoint.target,
      command: "test",
      mutating: true,
      providerOptions: { observe },
    });
    try {
      const plan = await deployment.plan(resources);
      await beforeApply?.(plan);
      await deployment.apply(plan, {});
      return plan;
    } finally {
      deployment.close();
    }
  }

  const changes = (plan: Plan) => plan.steps.filter((s) => s.step !== "same" && s.step !== "read").map((s) => `${s.step} ${s.type} ${s.name}`);
  const idOf = (plan: Plan, type: string, name: string) => plan.steps.find((s) => s.type === type && s.name === name)!.id;
  const outputsOf = (plan: Plan, key: string) => plan.values.outputsOf(key)!;
  // What a create cut short leaves: CreateTopic sets the stack's tags in the same call.
  const stackTags = [
    { Key: "closure-pack:project", Value: "shop" },
    { Key: "closure-pack:stack", Value: "dev" },
    { Key: "closure-pack:name", Value: "orders" },
  ];
  const topicArns = async () => ((await sdk.clients.sns.send(new ListTopicsCommand({}))).Topics ?? []).map((t) => t.TopicArn).sort();
  const subscriptions = async () => (await sdk.clients.sns.send(new ListSubscriptionsCommand({}))).Subscriptions ?? [];
  const subscriptionAttributes = async (arn: string) =>
    (await sdk.clients.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: arn }))).Attributes ?? {};

  test.skipIf(!enabled)("topic: created with its attributes and the stack's tags, changed in place, the next plan empty", async () => {
    const first = await up({ topic: { displayName: "Orders", tags: { team: "a" } } });
    const id = idOf(first, "aws:sns:Topic", "orders");
    expect(id).toMatch(/^orders-[0-9a-f]{7}$/);
    const arn = `arn:aws:sns:us-east-1:${endpoint.account}:${id}`;
    expect(outputsOf(first, "aws:sns:Topic::orders")).toEqual({ name: id, arn });
    expect(await topicArns()).toEqual([arn]);
    expect((await sdk.clients.sns.send(new GetTopicAttributesCommand({ TopicArn: arn }))).Attributes?.DisplayName).toBe("Orders");
    const tags = (await sdk.clients.sns.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags ?? [];
    expect(Object.fromEntries(tags.map((t) => [t.Key, t.Value]))).toEqual({
      team: "a",
      "closure-pack:name": "orders",
      "closure-pack:project": "shop",
      "closure-pack:stack": "dev",
    });
    expect(changes(await up({ topic: { displayName: "Orders", tags: { team: "a" } } }))).toEqual([]);
    const second = await up({ topic: { tags: { env: "x" } } });
    expect([changes(second), outputsOf(second, "aws:sns:Topic::orders").arn]).toEqual([["update aws:sns:Topic orders"], arn]);
    expect((await sdk.clients.sns.send(new GetTopicAttributesCommand({ TopicArn: arn }))).Attributes?.DisplayName ?? "").toBe("");
    const retagged = (await sdk.clients.sns.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags ?? [];
    expect(retagged.map((t) => t.Key).sort()).toEqual(["closure-pack:name", "closure-pack:project", "closure-pack:stack", "env"]);
  });

  test.skipIf(!enabled)("topic: one made before a crash under the planned name is adopted and brought in line, its tags and attributes read once", async () => {
    const calls: string[] = [];
    await up(
      { topic: { displayName: "Orders" } },
      async (plan) => {
        await sdk.clients.sns.send(
          new (await import("@aws-sdk/client-sns")).CreateTopicCommand({ Name: idOf(plan, "aws:sns:Topic", "orders"), Tags: stackTags }),
        );
      },
      calls,
    );
    // One SetTopicAttributes per attribute that differs from what the program says (DisplayName, and one the new topic lacks).
    expect(calls.filter((call) => call.startsWith("sns:"))).toEqual([
      "sns:ListTagsForResource",
      "sns:GetTopicAttributes",
      "sns:SetTopicAttributes",
      "sns:SetTopicAttributes",
    ]);
    const arns = await topicArns();
    expect(arns).toHaveLength(1);
    expect((await sdk.clients.sns.send(new GetTopicAttributesCommand({ TopicArn: arns[0]! }))).Attributes?.DisplayName).toBe("Orders");
  });

  test.skipIf(!enabled)("topic: one of that name made outside the stack is refused, not adopted, and left alone", async () => {
    const { CreateTopicCommand } = await import("@aws-sdk/client-sns");
    const theirs = (await sdk.clients.sns.send(new CreateTopicCommand({ Name: "shared-topic", Tags: [{ Key: "owner", Value: "them" }] }))).TopicArn!;
    await expect(up({ topic: { name: "shared-topic", displayName: "Ours" } })).rejects.toThrow(
      expect.objectContaining({
        code: "CLOUD_ERROR",
        message:
          'aws:sns:Topic "orders": create failed: TopicAlreadyExists: topic shared-topic exists in this account and was not made by this stack\nhint: the name is taken by a resource this stack did not make: give the resource another name, or use the existing one with get()',
      }),
    );
    expect((await sdk.clients.sns.send(new ListTagsForResourceCommand({ ResourceArn: theirs }))).Tags).toEqual([{ Key: "owner", Value: "them" }]);
    expect((await sdk.clients.sns.send(new GetTopicAttributesCommand({ TopicArn: theirs }))).Attributes?.DisplayName ?? "").toBe("");
    await up(undefined);
    expect(await topicArns()).toEqual([theirs]);
  });

  test.skipIf(!enabled)(
    "subscription: made with its filter policy, changed in place (same ARN), its scope widened, removed; destroy leaves nothing",
    async () => {
      const first = await up({ subscription: { filterPolicy: { store: ["a"] } } });
      const topicArn = outputsOf(first, "aws:sns:Topic::orders").arn as string;
      const functionName = idOf(first, "aws:lambda:Function", "audit");
      const functionArn = `arn:aws:lambda:us-east-1:${endpoint.account}:function:${functionName}`;
      expect(idOf(first, "aws:sns:TopicSubscription", "audit")).toBe(`${topicArn}|lambda|${functionArn}`);
      const { arn } = outputsOf(first, "aws:sns:TopicSubscription::audit") as { arn: string };
      expect((await subscriptions()).map((s) => [s.SubscriptionArn, s.TopicArn, s.Protocol, s.Endpoint])).toEqual([[arn, topicArn, "lambda", functionArn]]);
      expect(JSON.parse((await subscriptionAttributes(arn)).FilterPolicy!)).toEqual({ store: ["a"] });
      expect(changes(await up({ subscription: { filterPolicy: { store: ["a"] } } }))).toEqual([]);

      const body = { order: { total: [{ numeric: [">", 100] }] } };
      const second = await up({ subscription: { filterPolicy: body, filterPolicyScope: "MessageBody" } });
      expect([changes(second), (outputsOf(second, "aws:sns:TopicSubscription::audit") as { arn: string }).arn]).toEqual([
        ["update aws:sns:TopicSubscription audit"],
        arn,
      ]);
      const widened = await subscriptionAttributes(arn);
      expect([JSON.parse(widened.FilterPolicy!), widened.FilterPolicyScope]).toEqual([body, "MessageBody"]);

      expect(changes(await up({ subscription: {} }))).toEqual(["update aws:sns:TopicSubscription audit"]);
      expect((await subscriptionAttributes(arn)).FilterPolicy).toBeUndefined();
      await up(undefined);
      expect([await topicArns(), await subscriptions()]).toEqual([[], []]);
    },
  );

  test.skipIf(!enabled)("subscription: one made before a crash for the same topic and function is adopted, not made twice", async () => {
    await up({ subscription: { filterPolicy: { store: ["b"] } } }, async (plan) => {
      const [topicArn, protocol, fnArn] = idOf(plan, "aws:sns:TopicSubscription", "audit").split("|");
      // The topic and function exist only once applied: make them first, as a cut-short up would have.
      const { CreateTopicCommand } = await import("@aws-sdk/client-sns");
      await sdk.clients.sns.send(new CreateTopicCommand({ Name: topicArn!.split(":").pop()!, Tags: stackTags }));
      await sdk.clients.sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: protocol, Endpoint: fnArn, ReturnSubscriptionArn: true }));
    });
    const listed = await subscriptions();
    expect(listed).toHaveLength(1);
    expect(JSON.parse((await subscriptionAttributes(listed[0]!.SubscriptionArn!)).FilterPolicy!)).toEqual({ store: ["b"] });
  });
});
