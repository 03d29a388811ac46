// SQS → Lambda through an event source mapping, in the real daemon: batches
// of at most BatchSize in AWS's event shape; success deletes the batch, a
// failure leaves it invisible until the visibility timeout and then it comes
// back (and goes to the dead-letter queue after maxReceiveCount);
// ReportBatchItemFailures deletes the others (a malformed answer fails the
// batch); the batching window gathers a bigger batch; FIFO order per group;
// batches in parallel up to the function's concurrency; and a kill -9 of
// the daemon or of the function mid-batch loses nothing.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import {
  CreateEventSourceMappingCommand,
  PutFunctionConcurrencyCommand,
  UpdateEventSourceMappingCommand,
  type CreateEventSourceMappingCommandInput,
} from "@aws-sdk/client-lambda";
import { GetQueueAttributesCommand, SendMessageBatchCommand, SendMessageCommand, type SQSClient } from "@aws-sdk/client-sqs";
import { afterEach, describe, expect, it } from "vitest";
import { clientsFor, type Clients } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { createFixtureFunction } from "./helpers/functions.js";
import { advanceClock, createQueue, sqsClient } from "./helpers/sqs.js";

interface Line {
  phase: "start" | "end";
  ids?: string[];
  bodies?: string[];
  records?: Array<Record<string, unknown> & { body: string; messageId: string; attributes: Record<string, string> }>;
  pid: number;
  started: number;
  ended?: number;
}

const ARN = "arn:aws:sqs:us-east-1:000000000000:";
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Setup {
  daemon: DaemonProcess;
  aws: Clients;
  sqs: SQSClient;
  out: string;
}

async function setup(dataDir?: string): Promise<Setup> {
  const daemon = await startDaemon(dataDir === undefined ? {} : { dataDir });
  const aws = clientsFor(daemon.endpoint);
  const sqs = sqsClient(daemon.endpoint);
  const dir = mkdtempSync(join(tmpdir(), "sqs-events-"));
  cleanups.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => removeDataDir(daemon.dataDir),
    () => daemon.stop(),
    () => aws.destroy(),
    () => sqs.destroy(),
  );
  return { daemon, aws, sqs, out: join(dir, "batches.jsonl") };
}

/** A queue, the batch fixture as a function, and a mapping between them. */
async function subscribe(
  s: Setup,
  queue: string,
  attributes: Record<string, string>,
  mapping: Partial<CreateEventSourceMappingCommandInput> = {},
  fn: object = {},
): Promise<string> {
  const url = await createQueue(s.sqs, queue, attributes);
  await createFixtureFunction(s.aws, `on-${queue.replace(".", "-")}`, "sqs-batch", { Environment: { Variables: { OUT: s.out } }, ...fn });
  const created = await s.aws.lambda.send(
    new CreateEventSourceMappingCommand({ FunctionName: `on-${queue.replace(".", "-")}`, EventSourceArn: `${ARN}${queue}`, ...mapping }),
  );
  cleanups.push(() => undefined);
  return Object.assign(url, { uuid: created.UUID }) as string;
}

function lines(out: string, phase: "start" | "end"): Line[] {
  try {
    return readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Line)
      .filter((line) => line.phase === phase);
  } catch {
    return [];
  }
}

async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 25));
}

async function counts(sqs: SQSClient, url: string): Promise<number[]> {
  const names = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"] as const;
  const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: [...names] }));
  return names.map((name) => Number(Attributes[name]));
}

async function sendAll(sqs: SQSClient, url: string, bodies: string[], extra: (i: number) => object = () => ({})): Promise<void> {
  for (let i = 0; i < bodies.length; i += 10) {
    const entries = bodies.slice(i, i + 10).map((body, j) => ({ Id: `e${j}`, MessageBody: body, ...extra(i + j) }));
    await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries }));
  }
}

const delivered = (out: string): string[] =>
  lines(out, "end")
    .flatMap((line) => line.records!.map((record) => record.body))
    .sort();

describe("sqs event source", () => {
  it("delivery: every message once, in batches of at most BatchSize, AWS's record shape, then deleted", async () => {
    const s = await setup();
    const url = await subscribe(s, "work", {}, { BatchSize: 4 });
    const { MessageId } = await s.sqs.send(
      new SendMessageCommand({ QueueUrl: url, MessageBody: "first", MessageAttributes: { kind: { DataType: "String", StringValue: "k" } } }),
    );
    const bodies = Array.from({ length: 11 }, (_, i) => `m${i}`);
    await sendAll(s.sqs, url, bodies);
    await until(async () => delivered(s.out).length >= 12 && (await counts(s.sqs, url)).every((n) => n === 0));
    expect(delivered(s.out)).toEqual(["first", ...bodies].sort());
    expect(Math.max(...lines(s.out, "end").map((line) => line.records!.length))).toBeLessThanOrEqual(4);
    const first = lines(s.out, "end")
      .flatMap((line) => line.records!)
      .find((record) => record.messageId === MessageId)!;
    const { receiptHandle, attributes, ...rest } = first;
    expect(typeof receiptHandle).toBe("string");
    expect(Object.keys(attributes)).toEqual(["ApproximateReceiveCount", "SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp"]);
    expect(rest).toEqual({
      messageId: MessageId,
      body: "first",
      messageAttributes: { kind: { stringValue: "k", stringListValues: [], binaryListValues: [], dataType: "String" } },
      md5OfBody: createHash("md5").update("first").digest("hex"),
      md5OfMessageAttributes: expect.stringMatching(/^[0-9a-f]{32}$/),
      eventSource: "aws:sqs",
      eventSourceARN: `${ARN}work`,
      awsRegion: "us-east-1",
    });
  });

  it("failure: the batch stays invisible for the visibility timeout, comes back, then goes to the dead-letter queue", async () => {
    const s = await setup();
    await createQueue(s.sqs, "graveyard");
    const url = await subscribe(s, "poison", {
      VisibilityTimeout: "30",
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `${ARN}graveyard`, maxReceiveCount: 2 }),
    });
    await s.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: "fail" }));
    await until(() => lines(s.out, "end").length === 1);
    await until(async () => (await counts(s.sqs, url))[1] === 1);
    await advanceClock(s.daemon.endpoint, 30_000);
    await until(() => lines(s.out, "end").length === 2);
    expect(lines(s.out, "end").map((line) => line.records![0]!.attributes.ApproximateReceiveCount)).toEqual(["1", "2"]);
    await advanceClock(s.daemon.endpoint, 30_000);
    const dead = `${s.daemon.endpoint}/000000000000/graveyard`;
    await until(async () => (await counts(s.sqs, dead))[0] === 1);
    expect([await counts(s.sqs, url), lines(s.out, "end").length]).toEqual([[0, 0], 2]);
  });

  it("ReportBatchItemFailures: only the failed items stay; a malformed response keeps the whole batch", async () => {
    const s = await setup();
    const url = await subscribe(s, "partial", {}, { FunctionResponseTypes: ["ReportBatchItemFailures"], Enabled: false });
    await sendAll(s.sqs, url, ["ok-1", "fail-item", "ok-2"]);
    const mapping = (url as unknown as { uuid: string }).uuid;
    await s.aws.lambda.send(new UpdateEventSourceMappingCommand({ UUID: mapping, Enabled: true }));
    await until(async () => lines(s.out, "end").length === 1 && (await counts(s.sqs, url)).join() === "0,1");
    await advanceClock(s.daemon.endpoint, 30_000);
    await until(() => lines(s.out, "end").length === 2);
    expect(lines(s.out, "end")[1]!.records!.map((record) => record.body)).toEqual(["fail-item"]);
    await s.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: "malformed" }));
    await until(async () => lines(s.out, "end").length === 3 && (await counts(s.sqs, url)).join() === "0,2");
  });

  it("batching window: a batch bigger than 10 is gathered until BatchSize or the window closes", async () => {
    const s = await setup();
    const url = await subscribe(s, "gathered", {}, { BatchSize: 50, MaximumBatchingWindowInSeconds: 20, Enabled: false });
    await sendAll(
      s.sqs,
      url,
      Array.from({ length: 25 }, (_, i) => `g${i}`),
    );
    await s.aws.lambda.send(new UpdateEventSourceMappingCommand({ UUID: (url as unknown as { uuid: string }).uuid, Enabled: true }));
    // All 25 are received and held while the window is open; nothing is invoked yet.
    await until(async () => (await counts(s.sqs, url))[1] === 25);
    expect(lines(s.out, "start")).toEqual([]);
    await advanceClock(s.daemon.endpoint, 20_000);
    await until(() => lines(s.out, "end").length === 1);
    expect(lines(s.out, "end")[0]!.records!.length).toBe(25);
  });

  it("fifo: order kept within each message group across batches", async () => {
    const s = await setup();
    const url = await subscribe(s, "orders.fifo", { FifoQueue: "true", ContentBasedDeduplication: "true" }, { BatchSize: 3, Enabled: false });
    const bodies = Array.from({ length: 24 }, (_, i) => `${"abc"[i % 3]}-${String(i).padStart(2, "0")}`);
    await sendAll(s.sqs, url, bodies, (i) => ({ MessageGroupId: "abc"[i % 3] }));
    await s.aws.lambda.send(new UpdateEventSourceMappingCommand({ UUID: (url as unknown as { uuid: string }).uuid, Enabled: true }));
    await until(() => delivered(s.out).length === 24);
    const seen = lines(s.out, "end")
      .sort((a, b) => a.started - b.started)
      .flatMap((line) => line.records!.map((record) => record.body));
    for (const group of ["a", "b", "c"]) {
      const order = seen.filter((body) => body.startsWith(group));
      expect(order).toEqual([...order].sort());
    }
  });

  it("concurrency: batches run in parallel, never more than the function's reserved concurrency", async () => {
    const s = await setup();
    const url = await subscribe(s, "parallel", {}, { BatchSize: 1, Enabled: false });
    await s.aws.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: "on-parallel", ReservedConcurrentExecutions: 3 }));
    await sendAll(
      s.sqs,
      url,
      Array.from({ length: 12 }, () => "sleep:400"),
    );
    await s.aws.lambda.send(new UpdateEventSourceMappingCommand({ UUID: (url as unknown as { uuid: string }).uuid, Enabled: true }));
    await until(() => lines(s.out, "end").length === 12);
    const spans = lines(s.out, "end").map((line) => [line.started, line.ended!] as const);
    const overlap = Math.max(...spans.map(([start]) => spans.filter(([a, b]) => a <= start && start < b).length));
    expect([overlap > 1, overlap <= 3]).toEqual([true, true]);
  });

  it("kill -9 of the function mid-batch: the batch comes back after the visibility timeout", async () => {
    const s = await setup();
    const url = await subscribe(s, "crashy", {});
    await s.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: "crash-once" }));
    await until(async () => lines(s.out, "start").length === 1 && (await counts(s.sqs, url))[1] === 1);
    await advanceClock(s.daemon.endpoint, 30_000);
    await until(async () => lines(s.out, "end").length === 1 && (await counts(s.sqs, url)).join() === "0,0");
    expect(lines(s.out, "end")[0]!.records![0]!.attributes.ApproximateReceiveCount).toBe("2");
  });

  it("kill -9 of the daemon mid-batch: after a restart the mapping runs again and the message is delivered", async () => {
    const s = await setup();
    const url = await subscribe(s, "survivor", {});
    await s.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: "sleep:2000" }));
    await until(() => lines(s.out, "start").length === 1);
    await s.daemon.kill();
    const again = await setup(s.daemon.dataDir);
    await advanceClock(again.daemon.endpoint, 30_000);
    await until(
      async () => lines(s.out, "end").length >= 1 && (await counts(again.sqs, url.replace(s.daemon.endpoint, again.daemon.endpoint))).join() === "0,0",
    );
    expect(lines(s.out, "end").map((line) => line.records![0]!.body)).toEqual(["sleep:2000"]);
  }, 120_000);
});
