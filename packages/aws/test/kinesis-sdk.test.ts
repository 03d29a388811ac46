// kinesis.Stream and stream.onEvent in a program: AWS's refusals when the
// program loads (whole messages naming the stream and the subscription), the
// stream's inputs with @pulumi/aws's defaults, and what a subscription makes
// (a role policy with exactly the Kinesis polling actions on this stream, a
// mapping with the starting position and its timestamp).
import { describe, expect, test } from "vitest";
import * as aws from "../src/index.js";
import { UNKNOWN } from "../src/core/brand.js";
import { resolveValue, type ValueLookup } from "../src/core/output.js";
import { TYPES } from "../src/core/types.js";
import { declare, messageOf } from "./support/program.js";

const handler = async () => undefined;
const WHERE = 'packages/aws/test/kinesis-sdk.test.ts:N: aws:kinesis:Stream "clicks"';

const REFUSALS: Array<[string, () => void, string]> = [
  [
    "stream: provisioned without a shard count",
    () => new aws.kinesis.Stream("clicks", {}),
    `${WHERE}: "shardCount" is required for a PROVISIONED stream\nhint: set shardCount (e.g. 1), or streamModeDetails: { streamMode: "ON_DEMAND" }`,
  ],
  [
    "stream: on-demand with a shard count",
    () => new aws.kinesis.Stream("clicks", { shardCount: 2, streamModeDetails: { streamMode: "ON_DEMAND" } }),
    `${WHERE}: "shardCount" applies to PROVISIONED streams only\nhint: leave shardCount out: an ON_DEMAND stream scales its shards itself`,
  ],
  [
    "stream: retention below a day",
    () => new aws.kinesis.Stream("clicks", { shardCount: 1, retentionPeriod: 12 }),
    `${WHERE}: "retentionPeriod" must be a whole number from 24 to 8760, got 12`,
  ],
  [
    "onEvent: AT_TIMESTAMP without a timestamp",
    () => new aws.kinesis.Stream("clicks", { shardCount: 1 }).onEvent("reader", handler, { startingPosition: "AT_TIMESTAMP" }),
    `${WHERE}: onEvent "reader": AT_TIMESTAMP needs "startingPositionTimestamp", an RFC 3339 time, got undefined\nhint: startingPositionTimestamp: "2026-12-07T00:00:00Z"`,
  ],
  [
    "onEvent: a bad starting position",
    () => new aws.kinesis.Stream("clicks", { shardCount: 1 }).onEvent("reader", handler, { startingPosition: "OLDEST" as "LATEST" }),
    `${WHERE}: onEvent "reader": "startingPosition" must be "TRIM_HORIZON" or "LATEST" or "AT_TIMESTAMP", got "OLDEST"\nhint: startingPosition: "LATEST" (new records only) or "TRIM_HORIZON" (the oldest kept)`,
  ],
];

describe("kinesis refusals", () => {
  test.each(REFUSALS)("%s", (_name, build, message) => {
    expect(messageOf(build)).toBe(message);
  });
});

describe("kinesis resources", () => {
  test("onEvent: a policy with exactly the Kinesis polling actions on the stream, a mapping from a timestamp", () => {
    const program = declare(() => {
      new aws.kinesis.Stream("clicks", { shardCount: 2 }).onEvent("reader", handler, {
        startingPosition: "AT_TIMESTAMP",
        startingPositionTimestamp: "2026-12-07T00:00:00Z",
        batchSize: 50,
      });
    });
    const node = (type: string, name: string) => program.nodes.find((n) => n.descriptor.type === type && n.descriptor.name === name)!;
    expect(node(TYPES.stream, "clicks").descriptor.inputs).toEqual({ shardCount: 2, streamMode: "PROVISIONED", retentionPeriod: 24 });
    const { eventSourceArn: _arn, functionName: _fn, ...settings } = node(TYPES.eventSourceMapping, "reader").descriptor.inputs;
    expect(settings).toEqual({ enabled: true, startingPosition: "AT_TIMESTAMP", startingPositionTimestamp: "2026-12-07T00:00:00Z", batchSize: 50 });
    const arn = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks-1234567";
    const lookup: ValueLookup = { property: (_resource, key) => (key === "arn" ? arn : UNKNOWN), context: () => UNKNOWN };
    expect(JSON.parse(resolveValue(node(TYPES.rolePolicy, "reader-kinesis").descriptor.inputs.policy, lookup) as string)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: [
            "kinesis:DescribeStream",
            "kinesis:DescribeStreamSummary",
            "kinesis:GetRecords",
            "kinesis:GetShardIterator",
            "kinesis:ListShards",
            "kinesis:ListStreams",
            "kinesis:SubscribeToShard",
          ],
          Resource: arn,
        },
      ],
    });
  });
});
