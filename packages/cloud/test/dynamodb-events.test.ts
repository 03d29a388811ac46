// DynamoDB streams → Lambda through an event source mapping, in the real
// daemon: batches in shard order in AWS's event shape; a failing batch
// blocks the shard and is retried (time advanced on the daemon clock), split
// when BisectBatchOnFunctionError is on, skipped to the on-failure queue
// after MaximumRetryAttempts or MaximumRecordAgeInSeconds;
// ReportBatchItemFailures resumes from the lowest failed record; starting
// positions; Lambda's refusals; kill -9 of the function and of the daemon
// mid-batch deliver the batch again (at least once, never zero times).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BatchWriteItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { CreateEventSourceMappingCommand, GetEventSourceMappingCommand, type CreateEventSourceMappingCommandInput } from "@aws-sdk/client-lambda";
import { ListStreamsCommand } from "@aws-sdk/client-dynamodb-streams";
import { ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { afterEach, describe, expect, it } from "vitest";
import { clientsFor, type Clients } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { createTable, dynamoClients, failure } from "./helpers/dynamodb.js";
import { createFixtureFunction } from "./helpers/functions.js";
import { advanceClock, createQueue, sqsClient } from "./helpers/sqs.js";

interface Line {
  phase: "start" | "end";
  words: string[];
  records?: Array<Record<string, unknown> & { dynamodb: { SequenceNumber: string } }>;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Setup {
  daemon: DaemonProcess;
  aws: Clients;
  dynamo: ReturnType<typeof dynamoClients>;
  out: string;
}

async function setup(dataDir?: string, out?: string): Promise<Setup> {
  const daemon = await startDaemon(dataDir === undefined ? {} : { dataDir });
  const aws = clientsFor(daemon.endpoint);
  const dynamo = dynamoClients(daemon.endpoint);
  const dir = mkdtempSync(join(tmpdir(), "ddb-events-"));
  cleanups.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => removeDataDir(daemon.dataDir),
    () => daemon.stop(),
    () => aws.destroy(),
    () => dynamo.destroy(),
  );
  return { daemon, aws, dynamo, out: out ?? join(dir, "batches.jsonl") };
}

/** A streamed table, the stream fixture as a function, and a mapping between them; the stream ARN. */
async function subscribe(s: Setup, table: string, mapping: Partial<CreateEventSourceMappingCommandInput> = {}): Promise<string> {
  await createTable(s.dynamo.ddb, table, undefined, { StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" } });
  const arn = (await s.dynamo.streams.send(new ListStreamsCommand({ TableName: table }))).Streams![0]!.StreamArn!;
  await createFixtureFunction(s.aws, `on-${table}`, "stream-batch", { Environment: { Variables: { OUT: s.out } } });
  await s.aws.lambda.send(
    new CreateEventSourceMappingCommand({ FunctionName: `on-${table}`, EventSourceArn: arn, StartingPosition: "TRIM_HORIZON", ...mapping }),
  );
  return arn;
}

/** Writes one item per word in one BatchWriteItem, so the stream has them all at once (keys k<offset + i>). */
async function put(s: Setup, table: string, words: string[], offset = 0): Promise<void> {
  const requests = words.map((word, i) => ({ PutRequest: { Item: { pk: { S: `k${offset + i}` }, word: { S: word } } } }));
  await s.dynamo.ddb.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
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

/** Waits for `done`, advancing the daemon clock by `advanceMs` each round (retries back off on it). */
async function until(done: () => boolean | Promise<boolean>, s?: Setup, advanceMs = 0): Promise<void> {
  while (!(await done())) {
    if (s !== undefined && advanceMs > 0) await advanceClock(s.daemon.endpoint, advanceMs);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const batches = (out: string, phase: "start" | "end" = "end") => lines(out, phase).map((line) => line.words);

describe("dynamodb stream event source", () => {
  it("delivery: every record once, in order, in batches of at most BatchSize, as AWS's event", async () => {
    const s = await setup();
    const arn = await subscribe(s, "orders", { BatchSize: 3 });
    const words = Array.from({ length: 8 }, (_, i) => `w${i}`);
    await put(s, "orders", words);
    await until(() => batches(s.out).flat().length >= 8);
    expect(batches(s.out).flat()).toEqual(words);
    expect(Math.max(...batches(s.out).map((batch) => batch.length))).toBeLessThanOrEqual(3);
    const first = lines(s.out, "end")[0]!.records![0]!;
    expect(first).toEqual({
      eventID: expect.stringMatching(/^[0-9a-f]{32}$/),
      eventName: "INSERT",
      eventVersion: "1.1",
      eventSource: "aws:dynamodb",
      awsRegion: "us-east-1",
      dynamodb: {
        ApproximateCreationDateTime: expect.any(Number),
        Keys: { pk: { S: "k0" } },
        NewImage: { pk: { S: "k0" }, word: { S: "w0" } },
        SequenceNumber: expect.stringMatching(/^\d{21}$/),
        SizeBytes: expect.any(Number),
        StreamViewType: "NEW_AND_OLD_IMAGES",
      },
      eventSourceARN: arn,
    });
  });

  it("failure: the batch blocks the shard and is retried until it succeeds; nothing after it runs first", async () => {
    const s = await setup();
    await subscribe(s, "blocked", { BatchSize: 2, MaximumRetryAttempts: 2 });
    await put(s, "blocked", ["a", "fail"]);
    await until(() => lines(s.out, "end").length >= 1);
    await put(s, "blocked", ["z"], 2);
    await until(() => lines(s.out, "end").length >= 4, s, 60_000);
    // Three attempts of the failing batch (1 + 2 retries), then the shard moves on.
    expect(batches(s.out)).toEqual([["a", "fail"], ["a", "fail"], ["a", "fail"], ["z"]]);
  });

  it("bisect: a failing batch is split in halves until the failing record is alone; it goes to the on-failure queue", async () => {
    const s = await setup();
    const sqs = sqsClient(s.daemon.endpoint);
    cleanups.push(() => sqs.destroy());
    const dlq = await createQueue(sqs, "stream-failures");
    const arn = await subscribe(s, "halves", {
      BatchSize: 4,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 3,
      DestinationConfig: { OnFailure: { Destination: "arn:aws:sqs:us-east-1:000000000000:stream-failures" } },
    });
    await put(s, "halves", ["a", "b", "fail", "d"]);
    await until(() => batches(s.out).at(-1)?.join() === "d", s, 60_000);
    // A half that succeeds starts the count again: [fail, d] is the 1st failure of its records, [fail] the 2nd to 4th.
    expect(batches(s.out)).toEqual([["a", "b", "fail", "d"], ["a", "b"], ["fail", "d"], ["fail"], ["fail"], ["fail"], ["d"]]);
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq, WaitTimeSeconds: 0 }));
    const record = JSON.parse(Messages[0]!.Body!) as { requestContext: { condition: string }; DDBStreamBatchInfo: { batchSize: number; streamArn: string } };
    expect([record.requestContext.condition, record.DDBStreamBatchInfo.batchSize, record.DDBStreamBatchInfo.streamArn]).toEqual([
      "RetryAttemptsExhausted",
      1,
      arn,
    ]);
  });

  it("ReportBatchItemFailures: records before the lowest failed one are done, the batch resumes from it", async () => {
    const s = await setup();
    await subscribe(s, "partial", { BatchSize: 4, FunctionResponseTypes: ["ReportBatchItemFailures"], MaximumRetryAttempts: 1 });
    await put(s, "partial", ["a", "fail-item", "c", "d"]);
    await until(() => lines(s.out, "end").length >= 2, s, 60_000);
    expect(batches(s.out).slice(0, 2)).toEqual([
      ["a", "fail-item", "c", "d"],
      ["fail-item", "c", "d"],
    ]);
  });

  it("maximum record age: a record older than it is skipped to the on-failure queue instead of retried", async () => {
    const s = await setup();
    const sqs = sqsClient(s.daemon.endpoint);
    cleanups.push(() => sqs.destroy());
    const dlq = await createQueue(sqs, "too-old");
    await subscribe(s, "aging", {
      BatchSize: 1,
      MaximumRecordAgeInSeconds: 60,
      DestinationConfig: { OnFailure: { Destination: "arn:aws:sqs:us-east-1:000000000000:too-old" } },
    });
    await put(s, "aging", ["fail"]);
    await until(() => lines(s.out, "end").length >= 1);
    let body = "";
    await until(
      async () => {
        body = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq, WaitTimeSeconds: 0 }))).Messages?.[0]?.Body ?? "";
        return body !== "";
      },
      s,
      61_000,
    );
    expect((JSON.parse(body) as { requestContext: { condition: string } }).requestContext.condition).toBe("RecordAgeExceeded");
    await put(s, "aging", ["next"], 1);
    await until(() => batches(s.out).flat().includes("next"));
    expect(batches(s.out).at(-1)).toEqual(["next"]);
  });

  it("starting position: LATEST skips what was written before the mapping", async () => {
    const s = await setup();
    await createTable(s.dynamo.ddb, "late", undefined, { StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_IMAGE" } });
    await put(s, "late", ["before"]);
    const arn = (await s.dynamo.streams.send(new ListStreamsCommand({ TableName: "late" }))).Streams![0]!.StreamArn!;
    await createFixtureFunction(s.aws, "on-late", "stream-batch", { Environment: { Variables: { OUT: s.out } } });
    const { UUID } = await s.aws.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: "on-late", EventSourceArn: arn, StartingPosition: "LATEST" }));
    await until(async () => (await s.aws.lambda.send(new GetEventSourceMappingCommand({ UUID }))).State === "Enabled");
    // The run takes its position in the same turn that settles the mapping Enabled: a write after that is delivered.
    await s.dynamo.ddb.send(new PutItemCommand({ TableName: "late", Item: { pk: { S: "x" }, word: { S: "after" } } }));
    await until(() => batches(s.out).length >= 1);
    expect(batches(s.out)).toEqual([["after"]]);
  });

  it("refused: Lambda's checks for a stream mapping", async () => {
    const s = await setup();
    await createFixtureFunction(s.aws, "refused", "stream-batch");
    const arn = "arn:aws:dynamodb:us-east-1:000000000000:table/none/stream/2026-01-01T00:00:00.000";
    const create = (input: Partial<CreateEventSourceMappingCommandInput>) =>
      failure(s.aws.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: "refused", EventSourceArn: arn, ...input })));
    expect(await create({})).toBe(
      "InvalidParameterValueException: 1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.",
    );
    expect(await create({ StartingPosition: "LATEST" })).toBe(`InvalidParameterValueException: Stream not found: ${arn}`);
    expect(await create({ StartingPosition: "AT_TIMESTAMP", StartingPositionTimestamp: new Date(0) })).toBe(
      "InvalidParameterValueException: Unsupported starting position for DynamoDB streams: AT_TIMESTAMP",
    );
  });

  it("kill -9 of the function mid-batch: the batch is delivered again", async () => {
    const s = await setup();
    await subscribe(s, "crashy");
    await put(s, "crashy", ["crash-once", "b"]);
    await until(() => lines(s.out, "end").length >= 1, s, 60_000);
    expect(batches(s.out, "start")[0]).toEqual(["crash-once", "b"]);
    expect(batches(s.out)).toEqual([["crash-once", "b"]]);
  });

  it("kill -9 of the daemon mid-batch: after a restart the batch is delivered (again)", async () => {
    const s = await setup();
    await subscribe(s, "survivor");
    await put(s, "survivor", ["sleep:2000", "b"]);
    await until(() => lines(s.out, "start").length === 1);
    await s.daemon.kill();
    await setup(s.daemon.dataDir, s.out);
    await until(() => lines(s.out, "end").length >= 1);
    expect(batches(s.out)).toEqual([["sleep:2000", "b"]]);
  }, 120_000);
});
