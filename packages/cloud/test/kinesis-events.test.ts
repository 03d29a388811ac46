// Kinesis → Lambda through an event source mapping, in the real daemon (the
// poller is stream-poller.ts, tested at length with DynamoDB streams): one
// loop per shard, records in order per shard in Lambda's Kinesis event shape
// (data base64); a failing batch blocks its own shard only; starting
// positions, AT_TIMESTAMP included; Lambda's refusals; kill -9 of the
// daemon mid-batch delivers the batch again.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateStreamCommand, PutRecordsCommand } from "@aws-sdk/client-kinesis";
import { CreateEventSourceMappingCommand, GetEventSourceMappingCommand, type CreateEventSourceMappingCommandInput } from "@aws-sdk/client-lambda";
import { afterEach, describe, expect, it } from "vitest";
import { clientsFor, type Clients } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { failure } from "./helpers/dynamodb.js";
import { createFixtureFunction } from "./helpers/functions.js";
import { kinesisClient } from "./helpers/kinesis.js";
import { advanceClock } from "./helpers/sqs.js";

interface Line {
  phase: "start" | "end";
  words: string[];
  records?: Array<Record<string, unknown> & { kinesis: { partitionKey: string } }>;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Setup {
  daemon: DaemonProcess;
  aws: Clients;
  kinesis: ReturnType<typeof kinesisClient>;
  out: string;
}

async function setup(dataDir?: string, out?: string): Promise<Setup> {
  const daemon = await startDaemon(dataDir === undefined ? {} : { dataDir });
  const aws = clientsFor(daemon.endpoint);
  const kinesis = kinesisClient(daemon.endpoint);
  const dir = mkdtempSync(join(tmpdir(), "kinesis-events-"));
  cleanups.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => removeDataDir(daemon.dataDir),
    () => daemon.stop(),
    () => aws.destroy(),
    () => kinesis.destroy(),
  );
  return { daemon, aws, kinesis, out: out ?? join(dir, "batches.jsonl") };
}

const ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/";

async function subscribe(s: Setup, stream: string, mapping: Partial<CreateEventSourceMappingCommandInput> = {}): Promise<string | undefined> {
  await s.kinesis.send(new CreateStreamCommand({ StreamName: stream, ShardCount: 2 }));
  await createFixtureFunction(s.aws, `on-${stream}`, "stream-batch", { Environment: { Variables: { OUT: s.out } } });
  const { UUID } = await s.aws.lambda.send(
    new CreateEventSourceMappingCommand({ FunctionName: `on-${stream}`, EventSourceArn: `${ARN}${stream}`, StartingPosition: "TRIM_HORIZON", ...mapping }),
  );
  return UUID;
}

/** One PutRecords: each entry's partition key is its first letter (MD5: "a" goes to shard 0, "b" to shard 1). */
async function put(s: Setup, stream: string, words: string[]): Promise<void> {
  await s.kinesis.send(new PutRecordsCommand({ StreamName: stream, Records: words.map((word) => ({ PartitionKey: word[0]!, Data: Buffer.from(word) })) }));
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

async function until(done: () => boolean | Promise<boolean>, s?: Setup, advanceMs = 0): Promise<void> {
  while (!(await done())) {
    if (s !== undefined && advanceMs > 0) await advanceClock(s.daemon.endpoint, advanceMs);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const words = (out: string, phase: "start" | "end" = "end") => lines(out, phase).flatMap((line) => line.words);

describe("kinesis event source", () => {
  it("delivery: every record once, in order per shard, as Lambda's Kinesis event", async () => {
    const s = await setup();
    await subscribe(s, "clicks", { BatchSize: 2 });
    await put(s, "clicks", ["a1", "b1", "a2", "b2", "a3"]);
    await until(() => words(s.out).length >= 5);
    expect(words(s.out).filter((word) => word.startsWith("a"))).toEqual(["a1", "a2", "a3"]);
    expect(words(s.out).filter((word) => word.startsWith("b"))).toEqual(["b1", "b2"]);
    expect(lines(s.out, "end").every((line) => new Set(line.records!.map((record) => record.kinesis.partitionKey)).size === 1)).toBe(true);
    const first = lines(s.out, "end")
      .flatMap((line) => line.records!)
      .find((record) => record.kinesis.partitionKey === "a")!;
    expect(first).toEqual({
      kinesis: {
        kinesisSchemaVersion: "1.0",
        partitionKey: "a",
        sequenceNumber: expect.stringMatching(/^\d+$/),
        data: Buffer.from("a1").toString("base64"),
        approximateArrivalTimestamp: expect.any(Number),
      },
      eventSource: "aws:kinesis",
      eventVersion: "1.0",
      eventID: expect.stringMatching(/^shardId-000000000000:\d+$/),
      eventName: "aws:kinesis:record",
      awsRegion: "us-east-1",
      eventSourceARN: `${ARN}clicks`,
    });
  });

  it("failure: a failing batch blocks its own shard (retried, then skipped); the other shard goes on", async () => {
    const s = await setup();
    await subscribe(s, "mixed", { MaximumRetryAttempts: 1 });
    // Partition keys are first letters: "f" and "b" hash to shard 1, "a" to shard 0.
    await put(s, "mixed", ["fail", "a1"]);
    await until(() => words(s.out).includes("a1") && words(s.out).includes("fail"));
    await put(s, "mixed", ["b1", "a2"]);
    await until(() => words(s.out).includes("a2"));
    await until(() => words(s.out).includes("b1"), s, 60_000);
    // In the order the handler saw them: b1 only after both attempts of the failing batch.
    const shard1 = lines(s.out, "end")
      .map((line) => line.words.join())
      .filter((batch) => !batch.startsWith("a"));
    expect(shard1).toEqual(["fail", "fail", "b1"]);
    expect(words(s.out).filter((word) => word.startsWith("a"))).toEqual(["a1", "a2"]);
  });

  it("starting position: AT_TIMESTAMP starts at the first record that arrived at or after it", async () => {
    const s = await setup();
    await s.kinesis.send(new CreateStreamCommand({ StreamName: "timed", ShardCount: 1 }));
    await put(s, "timed", ["a-old"]);
    await advanceClock(s.daemon.endpoint, 120_000);
    const at = new Date(Date.now() + 60_000);
    await put(s, "timed", ["a-new"]);
    await createFixtureFunction(s.aws, "on-timed", "stream-batch", { Environment: { Variables: { OUT: s.out } } });
    await s.aws.lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: "on-timed",
        EventSourceArn: `${ARN}timed`,
        StartingPosition: "AT_TIMESTAMP",
        StartingPositionTimestamp: at,
      }),
    );
    await until(() => words(s.out).length >= 1);
    expect(words(s.out)).toEqual(["a-new"]);
  });

  it("refused: no starting position, AT_TIMESTAMP without its timestamp, a missing stream", async () => {
    const s = await setup();
    await s.kinesis.send(new CreateStreamCommand({ StreamName: "there", ShardCount: 1 }));
    await createFixtureFunction(s.aws, "refused", "stream-batch");
    const create = (input: Partial<CreateEventSourceMappingCommandInput>) =>
      failure(s.aws.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: "refused", EventSourceArn: `${ARN}there`, ...input })));
    expect(await create({})).toBe(
      "InvalidParameterValueException: 1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.",
    );
    expect(await create({ StartingPosition: "AT_TIMESTAMP" })).toBe("InvalidParameterValueException: Need to specify a timestamp");
    expect(await create({ StartingPosition: "LATEST", EventSourceArn: `${ARN}gone` })).toBe(`InvalidParameterValueException: Stream not found: ${ARN}gone`);
  });

  it("kill -9 of the daemon mid-batch: after a restart the batch is delivered (again)", async () => {
    const s = await setup();
    const uuid = await subscribe(s, "survivor");
    await until(async () => (await s.aws.lambda.send(new GetEventSourceMappingCommand({ UUID: uuid }))).State === "Enabled");
    await put(s, "survivor", ["sleep:2000"]);
    await until(() => lines(s.out, "start").length === 1);
    await s.daemon.kill();
    await setup(s.daemon.dataDir, s.out);
    await until(() => lines(s.out, "end").length >= 1);
    expect(words(s.out)).toEqual(["sleep:2000"]);
  }, 120_000);
});
