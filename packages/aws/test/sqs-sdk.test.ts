// sqs.Queue and queue.onEvent in a program: what AWS would refuse is refused
// when the program loads (each a whole message naming the queue and the
// subscription), the queue's inputs with @pulumi/aws's defaults, and what a
// subscription makes (a function whose timeout fits the visibility timeout,
// a role policy with exactly the polling actions on this queue, a mapping).
import { describe, expect, test } from "vitest";
import * as aws from "../src/index.js";
import { UNKNOWN } from "../src/core/brand.js";
import { resolveValue, type ValueLookup } from "../src/core/output.js";
import { TYPES } from "../src/core/types.js";
import { declare, messageOf } from "./support/program.js";

const handler = async () => undefined;
const WHERE = 'packages/aws/test/sqs-sdk.test.ts:N: aws:sqs:Queue "jobs"';
const FIFO = { name: "jobs.fifo", fifoQueue: true };

const REFUSALS: Array<[string, () => void, string]> = [
  [
    "queue: visibility timeout out of range",
    () => new aws.sqs.Queue("jobs", { visibilityTimeoutSeconds: 43201 }),
    `${WHERE}: "visibilityTimeoutSeconds" must be a whole number from 0 to 43200, got 43201`,
  ],
  [
    "queue: retention below a minute",
    () => new aws.sqs.Queue("jobs", { messageRetentionSeconds: 59 }),
    `${WHERE}: "messageRetentionSeconds" must be a whole number from 60 to 1209600, got 59`,
  ],
  ["queue: a FIFO name without fifoQueue", () => new aws.sqs.Queue("jobs", { name: "jobs.fifo" }), `${WHERE}: a name ending in ".fifo" needs fifoQueue: true`],
  [
    "queue: a FIFO queue whose name lacks .fifo",
    () => new aws.sqs.Queue("jobs", { name: "jobs", fifoQueue: true }),
    `${WHERE}: the name of a FIFO queue must end in ".fifo", got "jobs"`,
  ],
  [
    "queue: content-based deduplication on a standard queue",
    () => new aws.sqs.Queue("jobs", { contentBasedDeduplication: true }),
    `${WHERE}: "contentBasedDeduplication" applies to FIFO queues only\nhint: set fifoQueue: true, or leave contentBasedDeduplication out`,
  ],
  [
    "queue: a redrive policy without its target",
    () => new aws.sqs.Queue("jobs", { redrivePolicy: { maxReceiveCount: 3 } as aws.sqs.RedrivePolicy }),
    `${WHERE}: "redrivePolicy.deadLetterTargetArn" is required\nhint: redrivePolicy: { deadLetterTargetArn: deadLetters.arn, maxReceiveCount: 5 }`,
  ],
  ["queue: a redrive policy that is not JSON", () => new aws.sqs.Queue("jobs", { redrivePolicy: "{dlq" }), `${WHERE}: "redrivePolicy" is not JSON: "{dlq"`],
  [
    "onEvent: a batch above 10 without a batching window",
    () => new aws.sqs.Queue("jobs").onEvent("worker", handler, { batchSize: 100 }),
    `${WHERE}: onEvent "worker": batchSize 100 needs a batching window: AWS refuses a batch of more than 10 messages without one\nhint: set maximumBatchingWindowInSeconds (1 to 300), or a batchSize of at most 10`,
  ],
  [
    "onEvent: batch size 0",
    () => new aws.sqs.Queue("jobs").onEvent("worker", handler, { batchSize: 0 }),
    `${WHERE}: onEvent "worker": "batchSize" must be a whole number from 1 to 10000, got 0`,
  ],
  [
    "onEvent: a window above 300 s",
    () => new aws.sqs.Queue("jobs").onEvent("worker", handler, { maximumBatchingWindowInSeconds: 301 }),
    `${WHERE}: onEvent "worker": "maximumBatchingWindowInSeconds" must be a whole number from 0 to 300, got 301`,
  ],
  [
    "onEvent: a function timeout above the visibility timeout",
    () =>
      new aws.sqs.Queue("jobs", { visibilityTimeoutSeconds: 60 }).onEvent(
        "worker",
        new aws.lambda.CallbackFunction("slow", { callback: handler, timeout: 120 }),
      ),
    `${WHERE}: onEvent "worker": the function's timeout (120 s) is above the queue's visibility timeout (60 s): AWS refuses such a mapping\nhint: set the queue's visibilityTimeoutSeconds to at least 120 (AWS advises 6 times the function's timeout), or lower the function's timeout`,
  ],
  [
    "onEvent: a CallbackFunction keeping its default timeout on a default queue",
    () => new aws.sqs.Queue("jobs").onEvent("worker", new aws.lambda.CallbackFunction("slow", { callback: handler })),
    `${WHERE}: onEvent "worker": the function's timeout (180 s) is above the queue's visibility timeout (30 s): AWS refuses such a mapping\nhint: set the queue's visibilityTimeoutSeconds to at least 180 (AWS advises 6 times the function's timeout), or lower the function's timeout`,
  ],
  [
    "onEvent: a queue whose visibility timeout is 0",
    () => new aws.sqs.Queue("jobs", { visibilityTimeoutSeconds: 0 }).onEvent("worker", handler),
    `${WHERE}: onEvent "worker": the queue's visibilityTimeoutSeconds is 0, so no function timeout fits in it\nhint: give the queue a visibilityTimeoutSeconds of at least the function's timeout`,
  ],
  [
    "fifo: a batch above 10",
    () => new aws.sqs.Queue("jobs", FIFO).onEvent("worker", handler, { batchSize: 20, maximumBatchingWindowInSeconds: 5 }),
    `${WHERE}: onEvent "worker": batchSize 20 is above 10, the most AWS allows for a FIFO queue\nhint: use a batchSize of 1 to 10`,
  ],
  [
    "fifo: a batching window",
    () => new aws.sqs.Queue("jobs", FIFO).onEvent("worker", handler, { maximumBatchingWindowInSeconds: 5 }),
    `${WHERE}: onEvent "worker": AWS allows no batching window on a FIFO queue\nhint: leave maximumBatchingWindowInSeconds out`,
  ],
  [
    "onEvent: an unknown response type",
    () => new aws.sqs.Queue("jobs").onEvent("worker", handler, { functionResponseTypes: ["ReportFailures" as "ReportBatchItemFailures"] }),
    `${WHERE}: onEvent "worker": "functionResponseTypes" may only hold "ReportBatchItemFailures"\nhint: functionResponseTypes: ["ReportBatchItemFailures"]`,
  ],
  [
    "onEvent: maximum concurrency 1",
    () => new aws.sqs.Queue("jobs").onEvent("worker", handler, { maximumConcurrency: 1 }),
    `${WHERE}: onEvent "worker": "maximumConcurrency" must be a whole number from 2 to 1000, got 1`,
  ],
  [
    "mapping: no event source",
    () => new aws.lambda.EventSourceMapping("m", { functionName: "f" } as aws.lambda.EventSourceMappingArgs),
    'packages/aws/test/sqs-sdk.test.ts:N: aws:lambda:EventSourceMapping "m": "eventSourceArn" is required',
  ],
];

describe("sqs refusals", () => {
  test.each(REFUSALS)("%s", (_name, build, message) => {
    expect(messageOf(build)).toBe(message);
  });

  test("onEvent: a batch above 10 with a window, and a function timeout equal to the visibility timeout, are fine", () => {
    expect(
      messageOf(() => {
        const queue = new aws.sqs.Queue("jobs", { visibilityTimeoutSeconds: 60 });
        queue.onEvent("big", handler, { batchSize: 1000, maximumBatchingWindowInSeconds: 2 });
        queue.onEvent("fits", new aws.lambda.CallbackFunction("fits", { callback: handler, timeout: 60 }));
      }),
    ).toBe("(no error)");
  });
});

function nodesOf(build: () => void) {
  const program = declare(build);
  const node = (type: string, name: string) => program.nodes.find((n) => n.descriptor.type === type && n.descriptor.name === name)!;
  return { program, node };
}

describe("sqs resources", () => {
  test("queue: @pulumi/aws's defaults as inputs; a FIFO queue keeps its flags", () => {
    const { node } = nodesOf(() => {
      new aws.sqs.Queue("jobs");
      new aws.sqs.Queue("ordered", { fifoQueue: true, contentBasedDeduplication: true, delaySeconds: 5, tags: { team: "a" } });
    });
    expect(node(TYPES.queue, "jobs").descriptor.inputs).toEqual({
      fifoQueue: false,
      visibilityTimeoutSeconds: 30,
      messageRetentionSeconds: 345600,
      delaySeconds: 0,
      receiveWaitTimeSeconds: 0,
      maxMessageSize: 262144,
    });
    expect(node(TYPES.queue, "ordered").descriptor.inputs).toEqual({
      fifoQueue: true,
      contentBasedDeduplication: true,
      visibilityTimeoutSeconds: 30,
      messageRetentionSeconds: 345600,
      delaySeconds: 5,
      receiveWaitTimeSeconds: 0,
      maxMessageSize: 262144,
      tags: { team: "a" },
    });
  });

  test("onEvent: a function with the visibility timeout as its timeout, a policy with the polling actions, a mapping after the policy", () => {
    const { program, node } = nodesOf(() => {
      new aws.sqs.Queue("jobs", { visibilityTimeoutSeconds: 45 }).onEvent("worker", handler, {
        functionResponseTypes: ["ReportBatchItemFailures"],
        maximumConcurrency: 5,
      });
    });
    expect(program.nodes.map((n) => `${n.descriptor.type} ${n.descriptor.name}`).sort()).toEqual([
      "aws:iam:Role worker",
      "aws:iam:RolePolicy worker",
      "aws:iam:RolePolicy worker-sqs",
      "aws:lambda:EventSourceMapping worker",
      "aws:lambda:Function worker",
      "aws:sqs:Queue jobs",
    ]);
    expect(node(TYPES.function, "worker").descriptor.inputs.timeout).toBe(45);
    const mapping = node(TYPES.eventSourceMapping, "worker");
    expect([...mapping.dependencies].sort()).toEqual([`${TYPES.rolePolicy}::worker-sqs`, `${TYPES.function}::worker`, `${TYPES.queue}::jobs`]);
    const { eventSourceArn: _arn, functionName: _fn, ...settings } = mapping.descriptor.inputs;
    expect(settings).toEqual({ enabled: true, batchSize: 10, functionResponseTypes: ["ReportBatchItemFailures"], scalingConfig: { maximumConcurrency: 5 } });
    const policy = node(TYPES.rolePolicy, "worker-sqs");
    expect([...policy.dependencies].sort()).toEqual([`${TYPES.role}::worker`, `${TYPES.queue}::jobs`]);
    const arn = "arn:aws:sqs:us-east-1:123456789012:jobs-1234567";
    const lookup: ValueLookup = { property: (_resource, key) => (key === "arn" ? arn : UNKNOWN), context: () => UNKNOWN };
    expect(JSON.parse(resolveValue(policy.descriptor.inputs.policy, lookup) as string)).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], Resource: arn }],
    });
  });

  test("onEvent: a function with a role of the user's gets no policy; get() reads a queue and a mapping", () => {
    const { program, node } = nodesOf(() => {
      const fn = new aws.lambda.CallbackFunction("mine", { callback: handler, role: "arn:aws:iam::123456789012:role/mine", timeout: 10 });
      const sub = aws.sqs.Queue.get("existing", "orders").onEvent("worker", fn);
      expect(sub.policy).toBeUndefined();
      aws.lambda.EventSourceMapping.get("old", "5f4c3b2a-1d0e-4f9a-8b7c-6d5e4f3a2b1c");
    });
    expect(program.nodes.filter((n) => n.descriptor.type === TYPES.rolePolicy)).toEqual([]);
    expect([node(TYPES.queue, "existing").descriptor.readId, node(TYPES.queue, "existing").descriptor.inputs]).toEqual(["orders", {}]);
    expect([node(TYPES.eventSourceMapping, "old").descriptor.readId, node(TYPES.eventSourceMapping, "old").descriptor.inputs]).toEqual([
      "5f4c3b2a-1d0e-4f9a-8b7c-6d5e4f3a2b1c",
      {},
    ]);
  });
});
