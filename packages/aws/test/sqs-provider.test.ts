// The aws:sqs:Queue and aws:lambda:EventSourceMapping provider modules
// against moto_server: a queue is created with its attributes and tags,
// updated in place (SetQueueAttributes), replaced when it becomes FIFO,
// adopted when a create was cut short; a mapping is created, updated in
// place (UpdateEventSourceMapping, same UUID), adopted by its function and
// queue; destroy leaves neither. Functions are archives here (closures are
// serialized in child processes only: the CLI end-to-end test).
import { CreateEventSourceMappingCommand, ListEventSourceMappingsCommand } from "@aws-sdk/client-lambda";
import { CreateQueueCommand, GetQueueAttributesCommand, ListQueuesCommand, ListQueueTagsCommand } from "@aws-sdk/client-sqs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as aws from "../src/index.js";
import { Deployment } from "../src/engine/deployment.js";
import type { Plan } from "../src/engine/plan.js";
import { createProviderContext, type ProviderContext } from "../src/provider/context.js";
import type { Target } from "../src/provider/target.js";
import { declare } from "./support/program.js";
import { hasMoto, startMoto, type Moto } from "./support/moto.js";

const enabled = hasMoto();
let moto: Moto;
let dir: string;
let target: Target;
let sdk: ProviderContext;

beforeAll(async () => {
  if (!enabled) return;
  moto = await startMoto();
  target = { kind: "aws", region: "us-east-1", endpoint: moto.endpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" } };
  sdk = createProviderContext(target, { stack: "x", project: "x" });
});
afterAll(async () => {
  sdk?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  if (!enabled) return;
  await moto.reset();
  dir = mkdtempSync(join(tmpdir(), "aws-sqs-"));
  return () => rmSync(dir, { recursive: true, force: true });
});

interface Shape {
  queue?: aws.sqs.QueueArgs;
  /** A dead-letter queue the main queue redrives to. */
  deadLetters?: boolean;
  subscription?: aws.sqs.QueueEventSubscriptionArgs;
  /** The subscription's function alone, not subscribed. */
  functionOnly?: boolean;
}

function program(shape: Shape): void {
  const dlq = shape.deadLetters === true ? new aws.sqs.Queue("dlq") : undefined;
  const redrive = dlq === undefined ? {} : { redrivePolicy: { deadLetterTargetArn: dlq.arn, maxReceiveCount: 3 } };
  const queue = new aws.sqs.Queue("jobs", { ...shape.queue, ...redrive });
  if (shape.subscription === undefined && shape.functionOnly !== true) return;
  const code = new aws.asset.AssetArchive({ "index.js": new aws.asset.StringAsset("exports.handler = async () => {};") });
  const worker = new aws.lambda.Function("worker", { code, runtime: "nodejs22.x", timeout: 10 });
  if (shape.subscription !== undefined) queue.onEvent("worker", worker, shape.subscription);
}

/** `calls`, when given, receives every AWS call of the apply ("sqs:CreateQueue"). */
async function up(shape: Shape | undefined, beforeApply?: (plan: Plan) => Promise<void>, calls?: string[]): Promise<Plan> {
  const resources = declare(() => shape && program(shape));
  const observe = (service: string, command: string) => calls?.push(`${service}:${command}`);
  const deployment = await Deployment.open({
    projectDir: dir,
    project: "shop",
    stack: "dev",
    target,
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

function changes(plan: Plan): string[] {
  return plan.steps.filter((s) => s.step !== "same" && s.step !== "read").map((s) => `${s.step} ${s.type} ${s.name}`);
}

const idOf = (plan: Plan, type: string, name: string) => plan.steps.find((s) => s.type === type && s.name === name)!.id;
const outputsOf = (plan: Plan, key: string) => plan.values.outputsOf(key)!;

async function queueUrls(): Promise<string[]> {
  return ((await sdk.clients.sqs.send(new ListQueuesCommand({}))).QueueUrls ?? []).sort();
}

async function attributes(url: string): Promise<Record<string, string>> {
  const names = [
    "VisibilityTimeout",
    "MessageRetentionPeriod",
    "DelaySeconds",
    "ReceiveMessageWaitTimeSeconds",
    "MaximumMessageSize",
    "RedrivePolicy",
    "FifoQueue",
    "ContentBasedDeduplication",
  ] as const;
  return (await sdk.clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: [...names] }))).Attributes ?? {};
}

async function mappings() {
  return (await sdk.clients.lambda.send(new ListEventSourceMappingsCommand({}))).EventSourceMappings ?? [];
}

describe.skipIf(!enabled)("sqs provider against moto", () => {
  test("queue: created with its attributes and the stack's tags, outputs name, arn and url; the next plan is empty", async () => {
    const plan = await up({ queue: { visibilityTimeoutSeconds: 45, delaySeconds: 2, tags: { team: "a" } } });
    const id = idOf(plan, "aws:sqs:Queue", "jobs");
    expect(id).toMatch(/^jobs-[0-9a-f]{7}$/);
    const outputs = outputsOf(plan, "aws:sqs:Queue::jobs");
    expect(outputs).toEqual({ name: id, arn: `arn:aws:sqs:us-east-1:123456789012:${id}`, url: expect.stringMatching(new RegExp(`/123456789012/${id}$`)) });
    expect(await queueUrls()).toEqual([outputs.url]);
    expect(await attributes(outputs.url as string)).toMatchObject({
      VisibilityTimeout: "45",
      DelaySeconds: "2",
      MessageRetentionPeriod: "345600",
      MaximumMessageSize: "262144",
      ReceiveMessageWaitTimeSeconds: "0",
    });
    const tags = (await sdk.clients.sqs.send(new ListQueueTagsCommand({ QueueUrl: outputs.url as string }))).Tags;
    expect(tags).toEqual({ team: "a", "closure-pack:name": "jobs", "closure-pack:project": "shop", "closure-pack:stack": "dev" });
    expect(changes(await up({ queue: { visibilityTimeoutSeconds: 45, delaySeconds: 2, tags: { team: "a" } } }))).toEqual([]);
  });

  test("queue: attributes, a redrive policy and tags change in place (same URL); left out, they return to SQS's defaults", async () => {
    const first = await up({ queue: { visibilityTimeoutSeconds: 45, tags: { team: "a" } } });
    const url = outputsOf(first, "aws:sqs:Queue::jobs").url as string;
    const second = await up({ queue: { visibilityTimeoutSeconds: 60, receiveWaitTimeSeconds: 20, tags: { env: "x" } }, deadLetters: true });
    expect(changes(second)).toEqual(["create aws:sqs:Queue dlq", "update aws:sqs:Queue jobs"]);
    expect(outputsOf(second, "aws:sqs:Queue::jobs").url).toBe(url);
    const dlqArn = outputsOf(second, "aws:sqs:Queue::dlq").arn;
    const changed = await attributes(url);
    expect([changed.VisibilityTimeout, changed.ReceiveMessageWaitTimeSeconds, JSON.parse(changed.RedrivePolicy!)]).toEqual([
      "60",
      "20",
      { deadLetterTargetArn: dlqArn, maxReceiveCount: 3 },
    ]);
    expect((await sdk.clients.sqs.send(new ListQueueTagsCommand({ QueueUrl: url }))).Tags).toEqual({
      env: "x",
      "closure-pack:name": "jobs",
      "closure-pack:project": "shop",
      "closure-pack:stack": "dev",
    });
    expect(changes(await up({}))).toEqual(["update aws:sqs:Queue jobs", "delete aws:sqs:Queue dlq"]);
    const restored = await attributes(url);
    expect([restored.VisibilityTimeout, restored.ReceiveMessageWaitTimeSeconds, restored.RedrivePolicy]).toEqual(["30", "0", undefined]);
  });

  test("queue: becoming FIFO replaces it with a .fifo queue, made before the old one is deleted", async () => {
    const first = await up({});
    const second = await up({ queue: { fifoQueue: true, contentBasedDeduplication: true } });
    expect(changes(second)).toEqual(["replace aws:sqs:Queue jobs", "delete aws:sqs:Queue jobs"]);
    const id = idOf(second, "aws:sqs:Queue", "jobs");
    expect(id).toMatch(/^jobs-[0-9a-f]{7}\.fifo$/);
    expect(id).not.toBe(`${idOf(first, "aws:sqs:Queue", "jobs")}.fifo`);
    const url = outputsOf(second, "aws:sqs:Queue::jobs").url as string;
    expect(await queueUrls()).toEqual([url]);
    expect(await attributes(url)).toMatchObject({ FifoQueue: "true", ContentBasedDeduplication: "true" });
  });

  test("queue: one made before a crash under the planned name (with other attributes) is adopted and brought in line, its tags read once", async () => {
    const calls: string[] = [];
    await up(
      { queue: { visibilityTimeoutSeconds: 90 } },
      async (plan) => {
        // The create cut short made it with the stack's tags (CreateQueue sets them in the same call).
        const tags = { "closure-pack:project": "shop", "closure-pack:stack": "dev", "closure-pack:name": "jobs" };
        await sdk.clients.sqs.send(new CreateQueueCommand({ QueueName: idOf(plan, "aws:sqs:Queue", "jobs"), Attributes: { VisibilityTimeout: "5" }, tags }));
        calls.length = 0;
      },
      calls,
    );
    expect(calls.filter((call) => call.startsWith("sqs:"))).toEqual([
      "sqs:CreateQueue",
      "sqs:GetQueueUrl",
      "sqs:ListQueueTags",
      "sqs:SetQueueAttributes",
      "sqs:GetQueueAttributes",
    ]);
    const urls = await queueUrls();
    expect(urls).toHaveLength(1);
    expect((await attributes(urls[0]!)).VisibilityTimeout).toBe("90");
  });

  test("queue: one of that name made outside the stack is refused, not adopted, and left alone", async () => {
    // Other attributes (CreateQueue refuses) and the same ones (CreateQueue answers with its URL).
    for (const attributesOfTheirs of [{ VisibilityTimeout: "5" }, {}] as Array<{ VisibilityTimeout?: string }>) {
      await moto.reset();
      const theirs = (await sdk.clients.sqs.send(new CreateQueueCommand({ QueueName: "shared-q", Attributes: attributesOfTheirs, tags: { owner: "them" } })))
        .QueueUrl!;
      await expect(up({ queue: { name: "shared-q" } })).rejects.toThrow(
        expect.objectContaining({
          code: "CLOUD_ERROR",
          message: `aws:sqs:Queue "jobs": create failed: QueueAlreadyExists: queue shared-q exists in this account and was not made by this stack\nhint: the name is taken by a resource this stack did not make: give the resource another name, or use the existing one with get()`,
        }),
      );
      expect((await sdk.clients.sqs.send(new ListQueueTagsCommand({ QueueUrl: theirs }))).Tags).toEqual({ owner: "them" });
      expect((await attributes(theirs)).VisibilityTimeout).toBe(attributesOfTheirs.VisibilityTimeout ?? "30");
      await up(undefined);
      expect(await queueUrls()).toEqual([theirs]);
    }
  });

  test("mapping: created with the subscription's settings, updated in place (same UUID), destroyed with the queue", async () => {
    const first = await up({ queue: { visibilityTimeoutSeconds: 60 }, subscription: { batchSize: 5, functionResponseTypes: ["ReportBatchItemFailures"] } });
    const queueArn = outputsOf(first, "aws:sqs:Queue::jobs").arn;
    const functionName = idOf(first, "aws:lambda:Function", "worker");
    const made = outputsOf(first, "aws:lambda:EventSourceMapping::worker");
    expect(idOf(first, "aws:lambda:EventSourceMapping", "worker")).toBe(`${functionName}|${queueArn as string}`);
    const listed = await mappings();
    expect(listed.map((m) => [m.UUID, m.EventSourceArn, m.FunctionArn, m.BatchSize, m.FunctionResponseTypes])).toEqual([
      [made.uuid, queueArn, `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`, 5, ["ReportBatchItemFailures"]],
    ]);
    expect(
      changes(await up({ queue: { visibilityTimeoutSeconds: 60 }, subscription: { batchSize: 5, functionResponseTypes: ["ReportBatchItemFailures"] } })),
    ).toEqual([]);
    const second = await up({ queue: { visibilityTimeoutSeconds: 60 }, subscription: { batchSize: 100, maximumBatchingWindowInSeconds: 3 } });
    expect(changes(second)).toEqual(["update aws:lambda:EventSourceMapping worker"]);
    expect((await mappings()).map((m) => [m.UUID, m.BatchSize, m.MaximumBatchingWindowInSeconds])).toEqual([[made.uuid, 100, 3]]);
    await up(undefined);
    expect([await mappings(), await queueUrls()]).toEqual([[], []]);
  });

  test("mapping: one made before a crash for the same function and queue is adopted, not made twice", async () => {
    await up({ queue: { visibilityTimeoutSeconds: 60 }, functionOnly: true });
    await up({ queue: { visibilityTimeoutSeconds: 60 }, subscription: { batchSize: 7 } }, async (plan) => {
      const [functionName, queueArn] = idOf(plan, "aws:lambda:EventSourceMapping", "worker").split("|");
      // The create cut short set the stack's tags in the same call.
      await sdk.clients.lambda.send(
        new CreateEventSourceMappingCommand({
          FunctionName: functionName,
          EventSourceArn: queueArn,
          BatchSize: 1,
          Tags: { "closure-pack:project": "shop", "closure-pack:stack": "dev", "closure-pack:name": "worker" },
        }),
      );
    });
    expect((await mappings()).map((m) => m.BatchSize)).toEqual([7]);
  });

  test("mapping: one someone else made for the same function and queue is refused, not adopted, and left alone", async () => {
    const first = await up({ queue: { visibilityTimeoutSeconds: 60 }, functionOnly: true });
    const [functionName, queueArn] = [idOf(first, "aws:lambda:Function", "worker"), outputsOf(first, "aws:sqs:Queue::jobs").arn as string];
    await sdk.clients.lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: functionName, EventSourceArn: queueArn, BatchSize: 1, Tags: { owner: "them" } }),
    );
    await expect(up({ queue: { visibilityTimeoutSeconds: 60 }, subscription: { batchSize: 7 } })).rejects.toThrow(
      expect.objectContaining({
        code: "CLOUD_ERROR",
        message: `aws:lambda:EventSourceMapping "worker": create failed: ResourceConflictException: event source mapping ${functionName}|${queueArn} exists in this account and was not made by this stack\nhint: the name is taken by a resource this stack did not make: give the resource another name, or use the existing one with get()`,
      }),
    );
    expect((await mappings()).map((m) => m.BatchSize)).toEqual([1]);
  });
});
