// The aws:sqs:QueuePolicy provider module against moto_server and against the
// local cloud (the real daemon), the same cases on both: a policy is written
// (read back through the SDK), the next plan is empty, it changes in place,
// it is replaced with its queue,
// it goes when the program drops it, and destroy leaves nothing;
// topic.subscribeQueue on two topics makes one policy with both statements,
// and a message published to each reaches the queue; get() reads a policy;
// a policy written before a crash is adopted. On the local cloud, which
// evaluates the policy as SQS does, a subscription without it delivers nothing.
import { PublishCommand } from "@aws-sdk/client-sns";
import { CreateQueueCommand, GetQueueAttributesCommand, ListQueuesCommand, ReceiveMessageCommand, SetQueueAttributesCommand } from "@aws-sdk/client-sqs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { removeDataDir, startDaemon, type DaemonProcess } from "../../cloud/test/helpers/daemon.js";
import * as aws from "../src/index.js";
import { Deployment } from "../src/engine/deployment.js";
import type { Plan } from "../src/engine/plan.js";
import { createProviderContext, type ProviderContext } from "../src/provider/context.js";
import { queuePolicyProvider } from "../src/provider/queue-policy.js";
import { localTarget, type Target } from "../src/provider/target.js";
import { declare } from "./support/program.js";
import { hasMoto, startMoto } from "./support/moto.js";

interface Endpoint {
  target: Target;
  account: string;
  /** Whether SNS drops messages the queue's policy does not allow (moto delivers regardless). */
  evaluatesPolicy: boolean;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

async function motoEndpoint(): Promise<Endpoint> {
  const moto = await startMoto();
  const target: Target = { kind: "aws", region: "us-east-1", endpoint: moto.endpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" } };
  return { target, account: "123456789012", evaluatesPolicy: false, reset: () => moto.reset(), stop: () => moto.stop() };
}

async function cloudEndpoint(): Promise<Endpoint> {
  let daemon: DaemonProcess = await startDaemon();
  const endpoint: Endpoint = {
    target: localTarget(daemon.port),
    account: "000000000000",
    evaluatesPolicy: true,
    async reset() {
      await daemon.stop();
      removeDataDir(daemon.dataDir);
      daemon = await startDaemon();
      endpoint.target = localTarget(daemon.port);
    },
    async stop() {
      await daemon.stop();
      removeDataDir(daemon.dataDir);
    },
  };
  return endpoint;
}

const TARGETS: Array<[string, () => Promise<Endpoint>, boolean]> = [
  ["moto", motoEndpoint, hasMoto()],
  ["local cloud", cloudEndpoint, true],
];

const document = (queue: aws.sqs.Queue, sid: string) => ({
  Version: "2012-10-17",
  Statement: [{ Sid: sid, Effect: "Allow" as const, Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: queue.arn }],
});

describe.each(TARGETS)("queue policy provider against %s", (_label, start, enabled) => {
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
    dir = mkdtempSync(join(tmpdir(), "aws-queue-policy-"));
    return () => rmSync(dir, { recursive: true, force: true });
  });

  async function up(build: (() => void) | undefined, beforeApply?: (plan: Plan) => Promise<void>): Promise<Plan> {
    const resources = declare(() => build?.());
    const deployment = await Deployment.open({ projectDir: dir, project: "shop", stack: "dev", target: endpoint.target, command: "test", mutating: true });
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
  const outputsOf = (plan: Plan, key: string) => plan.values.outputsOf(key)!;
  const policyOf = async (url: string) => {
    const { Attributes } = await sdk.clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["Policy"] }));
    return Attributes?.Policy === undefined || Attributes.Policy === "" ? undefined : JSON.parse(Attributes.Policy);
  };
  const receive = async (url: string) => {
    const { Messages = [] } = await sdk.clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    return Messages.map((m) => JSON.parse(m.Body!) as { TopicArn: string; Message: string })
      .map(
        (m) =>
          `${m.TopicArn.split(":")
            .pop()!
            .replace(/-[0-9a-f]{7}$/, "")}: ${m.Message}`,
      )
      .sort();
  };

  test.skipIf(!enabled)("policy: written, read back, the next plan empty, changed in place, removed; destroy leaves nothing", async () => {
    const program =
      (sid: string, withPolicy = true) =>
      () => {
        const queue = new aws.sqs.Queue("jobs");
        if (withPolicy) new aws.sqs.QueuePolicy("jobsPolicy", { queueUrl: queue.url, policy: document(queue, sid) });
      };
    const first = await up(program("first"));
    const { url, arn } = outputsOf(first, "aws:sqs:Queue::jobs") as { url: string; arn: string };
    const step = first.steps.find((s) => s.type === "aws:sqs:QueuePolicy")!;
    expect([step.step, step.id]).toEqual(["create", url]);
    const written = document({ arn } as unknown as aws.sqs.Queue, "first");
    expect(await policyOf(url)).toEqual(written);
    expect(outputsOf(first, "aws:sqs:QueuePolicy::jobsPolicy")).toEqual({ queueUrl: url, policy: JSON.stringify(written) });
    expect(changes(await up(program("first")))).toEqual([]);

    const second = await up(program("second"));
    expect([changes(second), second.steps.find((s) => s.type === "aws:sqs:QueuePolicy")!.id]).toEqual([["update aws:sqs:QueuePolicy jobsPolicy"], url]);
    expect((await policyOf(url)).Statement[0].Sid).toBe("second");

    expect(changes(await up(program("second", false)))).toEqual(["delete aws:sqs:QueuePolicy jobsPolicy"]);
    expect(await policyOf(url)).toBeUndefined();
    await up(undefined);
    expect((await sdk.clients.sqs.send(new ListQueuesCommand({}))).QueueUrls ?? []).toEqual([]);
  });

  test.skipIf(!enabled)("policy: replaced with its queue (another URL), the new queue has it, the old queue is gone", async () => {
    const program = (queueName: string) => () => {
      const queue = new aws.sqs.Queue("jobs", { name: queueName });
      new aws.sqs.QueuePolicy("jobsPolicy", { queueUrl: queue.url, policy: document(queue, "only") });
    };
    const first = await up(program("jobs-a"));
    const second = await up(program("jobs-b"));
    expect(changes(second)).toEqual([
      "replace aws:sqs:Queue jobs",
      "replace aws:sqs:QueuePolicy jobsPolicy",
      "delete aws:sqs:QueuePolicy jobsPolicy",
      "delete aws:sqs:Queue jobs",
    ]);
    const oldUrl = (outputsOf(first, "aws:sqs:Queue::jobs") as { url: string }).url;
    const { url, arn } = outputsOf(second, "aws:sqs:Queue::jobs") as { url: string; arn: string };
    expect([
      second.steps.find((s) => s.step === "replace" && s.type === "aws:sqs:QueuePolicy")!.id,
      url.endsWith("/jobs-b"),
      oldUrl.endsWith("/jobs-a"),
    ]).toEqual([url, true, true]);
    expect(await policyOf(url)).toEqual(document({ arn } as unknown as aws.sqs.Queue, "only"));
    expect((await sdk.clients.sqs.send(new ListQueuesCommand({}))).QueueUrls).toEqual([url]);
    expect(changes(await up(program("jobs-b")))).toEqual([]);
  });

  test.skipIf(!enabled)("subscribeQueue: two topics, one policy with both statements, each topic's message reaches the queue", async () => {
    const program = () => {
      const queue = new aws.sqs.Queue("jobs");
      for (const name of ["orders", "refunds"]) new aws.sns.Topic(name).subscribeQueue(`${name}ToJobs`, queue);
    };
    const plan = await up(program);
    expect(plan.notices).toEqual([]);
    expect(plan.steps.filter((s) => s.type === "aws:sqs:QueuePolicy").map((s) => s.name)).toEqual(["jobs"]);
    const { url, arn } = outputsOf(plan, "aws:sqs:Queue::jobs") as { url: string; arn: string };
    const topicArn = (name: string) => outputsOf(plan, `aws:sns:Topic::${name}`).arn as string;
    expect((await policyOf(url)).Statement).toEqual(
      ["orders", "refunds"].map((name) => ({
        Sid: `${name}ToJobs`,
        Effect: "Allow",
        Principal: { Service: "sns.amazonaws.com" },
        Action: "sqs:SendMessage",
        Resource: arn,
        Condition: { ArnEquals: { "aws:SourceArn": topicArn(name) } },
      })),
    );
    expect(changes(await up(program))).toEqual([]);
    for (const name of ["orders", "refunds"]) await sdk.clients.sns.send(new PublishCommand({ TopicArn: topicArn(name), Message: `${name}-1` }));
    expect(await receive(url)).toEqual(["orders: orders-1", "refunds: refunds-1"]);
  });

  test.skipIf(!enabled)("subscription without a policy: a notice at plan time; the local cloud, as SQS, delivers nothing", async () => {
    const plan = await up(() => {
      const queue = new aws.sqs.Queue("jobs");
      new aws.sns.TopicSubscription("ordersToJobs", { topic: new aws.sns.Topic("orders"), protocol: "sqs", endpoint: queue.arn });
    });
    expect(plan.notices.map((n) => n.replace(/^\S+\.test\.ts:\d+: /, ""))).toEqual([
      'aws:sns:TopicSubscription "ordersToJobs": SNS will not deliver to aws:sqs:Queue "jobs": no QueuePolicy of the program lets sns.amazonaws.com send to it\n' +
        `hint: subscribe with topic.subscribeQueue("ordersToJobs", queue), which adds that statement to the queue's policy, or allow sqs:SendMessage for the principal sns.amazonaws.com with the condition ArnEquals aws:SourceArn = the topic's ARN in the queue's QueuePolicy`,
    ]);
    const { url } = outputsOf(plan, "aws:sqs:Queue::jobs") as { url: string };
    await sdk.clients.sns.send(new PublishCommand({ TopicArn: outputsOf(plan, "aws:sns:Topic::orders").arn as string, Message: "lost" }));
    expect(await receive(url)).toEqual(endpoint.evaluatesPolicy ? [] : ["orders: lost"]);
  });

  test.skipIf(!enabled)("get: reads the policy of an existing queue by its URL; one without a policy is not found", async () => {
    const { QueueUrl: url } = await sdk.clients.sqs.send(new CreateQueueCommand({ QueueName: "theirs" }));
    const text = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "sqs:SendMessage" }] });
    await expect(up(() => aws.sqs.QueuePolicy.get("theirs", url!))).rejects.toThrow(expect.objectContaining({ code: "RESOURCE_NOT_FOUND" }));
    await sdk.clients.sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: text } }));
    const plan = await up(() => aws.sqs.QueuePolicy.get("theirs", url!));
    const read = outputsOf(plan, "aws:sqs:QueuePolicy::theirs") as { queueUrl: string; policy: string };
    expect([plan.steps.map((s) => s.step), read.queueUrl, JSON.parse(read.policy)]).toEqual([["read"], url, JSON.parse(text)]);
    await up(undefined);
    expect(await policyOf(url!)).toEqual(JSON.parse(text));
  });

  test.skipIf(!enabled)("recovery: read finds a policy written before a crash (adopted), and none on a queue without one or gone (forgotten)", async () => {
    const plan = await up(() => void new aws.sqs.Queue("jobs"));
    const { url } = outputsOf(plan, "aws:sqs:Queue::jobs") as { url: string };
    const context = { ...sdk, name: "jobs", artifact: () => Promise.reject(new Error("no code")) };
    expect(await queuePolicyProvider.read(context, url, {})).toBeUndefined();
    const text = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "sqs:SendMessage" }] });
    await sdk.clients.sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: text } }));
    const found = (await queuePolicyProvider.read(context, url, {})) as { queueUrl: string; policy: string };
    expect([found.queueUrl, JSON.parse(found.policy)]).toEqual([url, JSON.parse(text)]);
    await up(undefined);
    expect(await queuePolicyProvider.read(context, url, {})).toBeUndefined();
    await queuePolicyProvider.delete(context, url, {}, {});
  });
});
