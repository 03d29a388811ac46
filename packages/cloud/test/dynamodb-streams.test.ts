// DynamoDB Streams over the wire (@aws-sdk/client-dynamodb-streams and the
// aws CLI): ListStreams, DescribeStream, GetShardIterator of every type and
// GetRecords with INSERT/MODIFY/REMOVE records per stream view type, as
// DynamoDB writes them; no record for a write that changes nothing; a
// disabled stream's shard closes; iterators expire (by the daemon clock).
import { DeleteItemCommand, PutItemCommand, UpdateItemCommand, UpdateTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
  type DynamoDBStreamsClient,
  type _Record,
} from "@aws-sdk/client-dynamodb-streams";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { createTable, dynamoClients, failure } from "./helpers/dynamodb.js";
import { advanceClock } from "./helpers/sqs.js";

let daemon: DaemonProcess;
let clients: ReturnType<typeof dynamoClients>;
let ddb: DynamoDBClient;
let streams: DynamoDBStreamsClient;

beforeAll(async () => {
  daemon = await startDaemon();
  clients = dynamoClients(daemon.endpoint);
  ({ ddb, streams } = clients);
});

afterAll(async () => {
  clients.destroy();
  await daemon.stop();
  removeDataDir(daemon.dataDir);
});

type ViewType = "KEYS_ONLY" | "NEW_IMAGE" | "OLD_IMAGE" | "NEW_AND_OLD_IMAGES";

/** A streamed table with an insert, a no-op put, a modify and a remove of one item; its stream ARN. */
async function streamedTable(name: string, view: ViewType): Promise<string> {
  await createTable(ddb, name, undefined, { StreamSpecification: { StreamEnabled: true, StreamViewType: view } });
  await ddb.send(new PutItemCommand({ TableName: name, Item: { pk: { S: "k" }, v: { N: "1" } } }));
  await ddb.send(new PutItemCommand({ TableName: name, Item: { pk: { S: "k" }, v: { N: "1.0" } } }));
  await ddb.send(
    new UpdateItemCommand({ TableName: name, Key: { pk: { S: "k" } }, UpdateExpression: "SET v = :two", ExpressionAttributeValues: { ":two": { N: "2" } } }),
  );
  await ddb.send(new DeleteItemCommand({ TableName: name, Key: { pk: { S: "k" } } }));
  const listed = await streams.send(new ListStreamsCommand({ TableName: name }));
  return listed.Streams![0]!.StreamArn!;
}

async function readAll(arn: string, type: "TRIM_HORIZON" | "LATEST" = "TRIM_HORIZON"): Promise<{ records: _Record[]; next: string | undefined }> {
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: arn }));
  const shard = StreamDescription!.Shards![0]!.ShardId!;
  const { ShardIterator } = await streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard, ShardIteratorType: type }));
  const out = await streams.send(new GetRecordsCommand({ ShardIterator }));
  return { records: out.Records ?? [], next: out.NextShardIterator };
}

const images: Array<[ViewType, Array<[string, object | undefined, object | undefined]>]> = [
  [
    "KEYS_ONLY",
    [
      ["INSERT", undefined, undefined],
      ["MODIFY", undefined, undefined],
      ["REMOVE", undefined, undefined],
    ],
  ],
  [
    "NEW_IMAGE",
    [
      ["INSERT", { pk: { S: "k" }, v: { N: "1" } }, undefined],
      ["MODIFY", { pk: { S: "k" }, v: { N: "2" } }, undefined],
      ["REMOVE", undefined, undefined],
    ],
  ],
  [
    "OLD_IMAGE",
    [
      ["INSERT", undefined, undefined],
      ["MODIFY", undefined, { pk: { S: "k" }, v: { N: "1" } }],
      ["REMOVE", undefined, { pk: { S: "k" }, v: { N: "2" } }],
    ],
  ],
  [
    "NEW_AND_OLD_IMAGES",
    [
      ["INSERT", { pk: { S: "k" }, v: { N: "1" } }, undefined],
      ["MODIFY", { pk: { S: "k" }, v: { N: "2" } }, { pk: { S: "k" }, v: { N: "1" } }],
      ["REMOVE", undefined, { pk: { S: "k" }, v: { N: "2" } }],
    ],
  ],
];

describe("dynamodb streams", () => {
  it.each(images)("records: %s has the images of its view type, in order, none for a write that changes nothing", async (view, expected) => {
    const name = `view-${view.toLowerCase().replace(/_/g, "-")}`;
    const arn = await streamedTable(name, view);
    const { records } = await readAll(arn);
    expect(records.map((record) => [record.eventName, record.dynamodb?.NewImage, record.dynamodb?.OldImage])).toEqual(expected);
    const sequence = records.map((record) => BigInt(record.dynamodb!.SequenceNumber!));
    expect([...sequence].sort((a, b) => (a < b ? -1 : 1))).toEqual(sequence);
    expect(records[0]).toMatchObject({
      eventVersion: "1.1",
      eventSource: "aws:dynamodb",
      awsRegion: "us-east-1",
      eventID: expect.stringMatching(/^[0-9a-f]{32}$/),
      dynamodb: { Keys: { pk: { S: "k" } }, StreamViewType: view, SizeBytes: expect.any(Number), ApproximateCreationDateTime: expect.any(Date) },
    });
  });

  it("list and describe: the table's streams, an enabled shard, key schema; a missing stream is ResourceNotFoundException", async () => {
    const arn = await streamedTable("described", "NEW_IMAGE");
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: arn }));
    expect(StreamDescription).toMatchObject({
      StreamArn: arn,
      StreamStatus: "ENABLED",
      StreamViewType: "NEW_IMAGE",
      TableName: "described",
      KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
      Shards: [
        { ShardId: expect.stringMatching(/^shardId-\d{20}-[0-9a-f]{8}$/), SequenceNumberRange: { StartingSequenceNumber: expect.stringMatching(/^\d{21}$/) } },
      ],
    });
    const all = await streams.send(new ListStreamsCommand({}));
    expect(all.Streams?.map((stream) => stream.TableName)).toContain("described");
    expect(await failure(streams.send(new DescribeStreamCommand({ StreamArn: `${arn}x` })))).toBe(
      `ResourceNotFoundException: Requested resource not found: Stream: ${arn}x not found`,
    );
  });

  it("iterators: LATEST sees only later writes, AT_ and AFTER_SEQUENCE_NUMBER start at a record", async () => {
    const arn = await streamedTable("positions", "KEYS_ONLY");
    const latest = await readAll(arn, "LATEST");
    expect(latest.records).toEqual([]);
    await ddb.send(new PutItemCommand({ TableName: "positions", Item: { pk: { S: "later" } } }));
    const after = await streams.send(new GetRecordsCommand({ ShardIterator: latest.next }));
    expect(after.Records?.map((record) => record.dynamodb?.Keys)).toEqual([{ pk: { S: "later" } }]);
    const { records } = await readAll(arn);
    const shard = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription!.Shards![0]!.ShardId!;
    const second = records[1]!.dynamodb!.SequenceNumber!;
    for (const [type, first] of [
      ["AT_SEQUENCE_NUMBER", 1],
      ["AFTER_SEQUENCE_NUMBER", 2],
    ] as const) {
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard, ShardIteratorType: type, SequenceNumber: second }),
      );
      const page = await streams.send(new GetRecordsCommand({ ShardIterator, Limit: 1 }));
      expect(page.Records?.[0]?.dynamodb?.SequenceNumber).toBe(records[first]!.dynamodb!.SequenceNumber);
    }
  });

  it("disabled: the shard closes and, read to its end, has no next iterator", async () => {
    const arn = await streamedTable("closing", "KEYS_ONLY");
    await ddb.send(new UpdateTableCommand({ TableName: "closing", StreamSpecification: { StreamEnabled: false } }));
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: arn }));
    expect(StreamDescription?.StreamStatus).toBe("DISABLED");
    expect(StreamDescription?.Shards?.[0]?.SequenceNumberRange?.EndingSequenceNumber).toMatch(/^\d{21}$/);
    const { records, next } = await readAll(arn);
    expect([records.length, next]).toEqual([3, undefined]);
  });

  it("expired: an iterator older than 15 minutes is ExpiredIteratorException", async () => {
    const arn = await streamedTable("expiring", "KEYS_ONLY");
    const shard = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription!.Shards![0]!.ShardId!;
    const { ShardIterator } = await streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard, ShardIteratorType: "TRIM_HORIZON" }));
    await advanceClock(daemon.endpoint, 16 * 60 * 1000);
    await expect(streams.send(new GetRecordsCommand({ ShardIterator }))).rejects.toMatchObject({ name: "ExpiredIteratorException" });
    expect(await failure(streams.send(new GetRecordsCommand({ ShardIterator: "garbage" })))).toBe("ValidationException: Invalid ShardIterator");
  });

  it("aws CLI: dynamodbstreams describe-stream, get-shard-iterator and get-records", async () => {
    const arn = await streamedTable("cli-streamed", "NEW_IMAGE");
    const env = (args: string[]) => awsCli(daemon.endpoint, ["dynamodbstreams", ...args]);
    const shard = (await env(["describe-stream", "--stream-arn", arn, "--query", "StreamDescription.Shards[0].ShardId", "--output", "text"])).stdout.trim();
    const iterator = (
      await env([
        "get-shard-iterator",
        "--stream-arn",
        arn,
        "--shard-id",
        shard,
        "--shard-iterator-type",
        "TRIM_HORIZON",
        "--query",
        "ShardIterator",
        "--output",
        "text",
      ])
    ).stdout.trim();
    const records = await env(["get-records", "--shard-iterator", iterator, "--query", "Records[].eventName", "--output", "text"]);
    expect(records.stdout.trim().split(/\s+/)).toEqual(["INSERT", "MODIFY", "REMOVE"]);
  });
});
