// Kinesis over the wire (@aws-sdk/client-kinesis and the aws CLI): streams
// (provisioned and on-demand, described, listed, shards with their hash key
// ranges, deleted), PutRecord/PutRecords routed to shards by partition key,
// GetShardIterator of every type and GetRecords in order per shard with the
// data as sent; expiring iterators; errors in Kinesis's codes.
import {
  CreateStreamCommand,
  DeleteStreamCommand,
  DescribeStreamCommand,
  DescribeStreamSummaryCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type KinesisClient,
  ListShardsCommand,
  ListStreamsCommand,
  PutRecordCommand,
  PutRecordsCommand,
  type ShardIteratorType,
} from "@aws-sdk/client-kinesis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { failure } from "./helpers/dynamodb.js";
import { kinesisClient } from "./helpers/kinesis.js";
import { advanceClock } from "./helpers/sqs.js";

let daemon: DaemonProcess;
let kinesis: KinesisClient;

beforeAll(async () => {
  daemon = await startDaemon();
  kinesis = kinesisClient(daemon.endpoint);
});

afterAll(async () => {
  kinesis.destroy();
  await daemon.stop();
  removeDataDir(daemon.dataDir);
});

const text = (data: Uint8Array | undefined) => Buffer.from(data ?? []).toString("utf8");

async function read(stream: string, shard: string, type: ShardIteratorType = "TRIM_HORIZON", extra: object = {}): Promise<string[]> {
  const { ShardIterator } = await kinesis.send(new GetShardIteratorCommand({ StreamName: stream, ShardId: shard, ShardIteratorType: type, ...extra }));
  const { Records = [] } = await kinesis.send(new GetRecordsCommand({ ShardIterator }));
  return Records.map((record) => `${record.PartitionKey}:${text(record.Data)}`);
}

describe("kinesis", () => {
  it("streams: provisioned and on-demand, described with shards covering the hash key space, listed, deleted", async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: "clicks", ShardCount: 2 }));
    await kinesis.send(new CreateStreamCommand({ StreamName: "views", StreamModeDetails: { StreamMode: "ON_DEMAND" } }));
    const { StreamDescription } = await kinesis.send(new DescribeStreamCommand({ StreamName: "clicks" }));
    expect(StreamDescription).toMatchObject({
      StreamName: "clicks",
      StreamARN: "arn:aws:kinesis:us-east-1:000000000000:stream/clicks",
      StreamStatus: "ACTIVE",
      RetentionPeriodHours: 24,
      HasMoreShards: false,
    });
    expect(StreamDescription?.Shards?.map((shard) => [shard.ShardId, shard.HashKeyRange?.StartingHashKey])).toEqual([
      ["shardId-000000000000", "0"],
      ["shardId-000000000001", (2n ** 127n).toString()],
    ]);
    expect(StreamDescription?.Shards?.[1]?.HashKeyRange?.EndingHashKey).toBe((2n ** 128n - 1n).toString());
    const summary = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: "views" }));
    expect(summary.StreamDescriptionSummary).toMatchObject({ OpenShardCount: 4, StreamModeDetails: { StreamMode: "ON_DEMAND" } });
    expect((await kinesis.send(new ListShardsCommand({ StreamARN: "arn:aws:kinesis:us-east-1:000000000000:stream/views" }))).Shards).toHaveLength(4);
    expect((await kinesis.send(new ListStreamsCommand({}))).StreamNames).toEqual(["clicks", "views"]);
    await kinesis.send(new DeleteStreamCommand({ StreamName: "views" }));
    expect((await kinesis.send(new ListStreamsCommand({}))).StreamNames).toEqual(["clicks"]);
  });

  it("records: routed by partition key, in order per shard, the data as sent; LATEST, AT/AFTER_SEQUENCE_NUMBER, AT_TIMESTAMP", async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: "orders", ShardCount: 2 }));
    const put = await kinesis.send(new PutRecordCommand({ StreamName: "orders", PartitionKey: "a", Data: Buffer.from("a1") }));
    const batch = await kinesis.send(
      new PutRecordsCommand({ StreamName: "orders", Records: ["a2", "b1", "a3", "b2"].map((data) => ({ PartitionKey: data[0]!, Data: Buffer.from(data) })) }),
    );
    expect(batch.FailedRecordCount).toBe(0);
    // MD5("a") is below 2^127 and MD5("b") above: shard 0 and shard 1 of 2.
    const shardOfA = "shardId-000000000000";
    expect([put.ShardId, ...(batch.Records ?? []).map((record) => record.ShardId)]).toEqual([
      shardOfA,
      shardOfA,
      "shardId-000000000001",
      shardOfA,
      "shardId-000000000001",
    ]);
    expect(await read("orders", shardOfA)).toEqual(["a:a1", "a:a2", "a:a3"]);
    expect(await read("orders", "shardId-000000000001")).toEqual(["b:b1", "b:b2"]);
    const second = batch.Records![0]!.SequenceNumber!;
    expect(BigInt(second) > BigInt(put.SequenceNumber!)).toBe(true);
    expect((await read("orders", shardOfA, "AT_SEQUENCE_NUMBER", { StartingSequenceNumber: second }))[0]).toBe("a:a2");
    expect((await read("orders", shardOfA, "AFTER_SEQUENCE_NUMBER", { StartingSequenceNumber: second }))[0]).toBe("a:a3");
    expect(await read("orders", shardOfA, "LATEST")).toEqual([]);
    await advanceClock(daemon.endpoint, 60_000);
    const after = new Date(Date.now() + 30_000);
    await kinesis.send(new PutRecordCommand({ StreamName: "orders", PartitionKey: "a", Data: Buffer.from("a4") }));
    expect(await read("orders", shardOfA, "AT_TIMESTAMP", { Timestamp: after })).toEqual(["a:a4"]);
  });

  const refusals: Array<[string, () => Promise<unknown>, string]> = [
    [
      "a missing stream",
      () => kinesis.send(new PutRecordCommand({ StreamName: "nope", PartitionKey: "a", Data: Buffer.from("x") })),
      "ResourceNotFoundException: Stream nope under account 000000000000 not found.",
    ],
    [
      "a stream that exists",
      () => kinesis.send(new CreateStreamCommand({ StreamName: "clicks", ShardCount: 1 })),
      "ResourceInUseException: Stream clicks under account 000000000000 already exists.",
    ],
    [
      "no shard count",
      () => kinesis.send(new CreateStreamCommand({ StreamName: "noshards" })),
      "InvalidArgumentException: ShardCount is required for PROVISIONED stream mode.",
    ],
    ["a bad iterator", () => kinesis.send(new GetRecordsCommand({ ShardIterator: "garbage" })), "InvalidArgumentException: Invalid ShardIterator."],
    [
      "a missing shard",
      () => kinesis.send(new GetShardIteratorCommand({ StreamName: "clicks", ShardId: "shardId-000000000009", ShardIteratorType: "LATEST" })),
      "ResourceNotFoundException: Shard shardId-000000000009 in stream clicks under account 000000000000 does not exist",
    ],
  ];
  it.each(refusals)("refused: %s", async (_name, call, message) => {
    expect(await failure(call())).toBe(message);
  });

  it("expired: an iterator older than 5 minutes is ExpiredIteratorException", async () => {
    const { ShardIterator } = await kinesis.send(
      new GetShardIteratorCommand({ StreamName: "clicks", ShardId: "shardId-000000000000", ShardIteratorType: "TRIM_HORIZON" }),
    );
    await advanceClock(daemon.endpoint, 6 * 60 * 1000);
    await expect(kinesis.send(new GetRecordsCommand({ ShardIterator }))).rejects.toMatchObject({ name: "ExpiredIteratorException" });
  });

  it("aws CLI: create-stream, put-record and get-records", async () => {
    const cli = (args: string[]) => awsCli(daemon.endpoint, ["kinesis", ...args]);
    expect((await cli(["create-stream", "--stream-name", "cli-stream", "--shard-count", "1"])).code).toBe(0);
    // The aws CLI v1 takes --data as text and sends its bytes.
    const put = await cli(["put-record", "--stream-name", "cli-stream", "--partition-key", "k", "--data", "hello"]);
    expect(JSON.parse(put.stdout)).toMatchObject({ ShardId: "shardId-000000000000", SequenceNumber: expect.stringMatching(/^\d+$/) });
    const iterator = (
      await cli([
        "get-shard-iterator",
        "--stream-name",
        "cli-stream",
        "--shard-id",
        "shardId-000000000000",
        "--shard-iterator-type",
        "TRIM_HORIZON",
        "--query",
        "ShardIterator",
        "--output",
        "text",
      ])
    ).stdout.trim();
    const records = await cli(["get-records", "--shard-iterator", iterator, "--query", "Records[].Data", "--output", "text"]);
    expect(records.stdout.trim()).toBe("aGVsbG8=");
  });
});
