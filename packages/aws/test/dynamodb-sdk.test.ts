// dynamodb.Table and table.onEvent in a program: what AWS would refuse is
// refused when the program loads (each a whole message naming the table and
// the subscription), the table's inputs with @pulumi/aws's defaults, and
// what a subscription makes (a role policy with exactly the stream-reading
// actions on this table's stream, a mapping with the stream settings).
import { describe, expect, test } from "vitest";
import * as aws from "../src/index.js";
import { UNKNOWN } from "../src/core/brand.js";
import { resolveValue, type ValueLookup } from "../src/core/output.js";
import { TYPES } from "../src/core/types.js";
import { declare, messageOf } from "./support/program.js";

const handler = async () => undefined;
const WHERE = 'packages/aws/test/dynamodb-sdk.test.ts:N: aws:dynamodb:Table "orders"';
const KEY = { attributes: [{ name: "id", type: "S" as const }], hashKey: "id", billingMode: "PAY_PER_REQUEST" as const };
const STREAMED = { ...KEY, streamEnabled: true, streamViewType: "NEW_AND_OLD_IMAGES" as const };

const REFUSALS: Array<[string, () => void, string]> = [
  [
    "table: no attributes",
    () => new aws.dynamodb.Table("orders", { attributes: [], hashKey: "id" }),
    `${WHERE}: "attributes" must list the key attributes\nhint: attributes: [{ name: "id", type: "S" }]`,
  ],
  [
    "table: a hash key not among the attributes",
    () => new aws.dynamodb.Table("orders", { ...KEY, hashKey: "pk" }),
    `${WHERE}: the key "pk" is not among the attributes\nhint: add { name: "pk", type: "S" } to attributes`,
  ],
  [
    "table: an attribute that is not a key",
    () => new aws.dynamodb.Table("orders", { ...KEY, attributes: [...KEY.attributes, { name: "total", type: "N" }] }),
    `${WHERE}: attribute "total" is not a key: AWS refuses attribute definitions that no key uses\nhint: list only hashKey and rangeKey in attributes (items may hold any other attribute)`,
  ],
  [
    "table: a bad attribute type",
    () => new aws.dynamodb.Table("orders", { ...KEY, attributes: [{ name: "id", type: "X" as "S" }] }),
    `${WHERE}: attribute "id" must have type "S", "N" or "B", got "X"`,
  ],
  [
    "table: provisioned without capacities (the default billing mode)",
    () => new aws.dynamodb.Table("orders", { attributes: KEY.attributes, hashKey: "id" }),
    `${WHERE}: billingMode PROVISIONED needs readCapacity and writeCapacity\nhint: set readCapacity and writeCapacity, or billingMode: "PAY_PER_REQUEST"`,
  ],
  [
    "table: a stream without a view type",
    () => new aws.dynamodb.Table("orders", { ...KEY, streamEnabled: true }),
    `${WHERE}: a stream needs "streamViewType": one of KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES\nhint: streamViewType: "NEW_AND_OLD_IMAGES"`,
  ],
  [
    "onEvent: a table without a stream",
    () => new aws.dynamodb.Table("orders", KEY).onEvent("changes", handler, { startingPosition: "LATEST" }),
    `${WHERE}: onEvent "changes": the table has no stream to read\nhint: declare the table with streamEnabled: true and a streamViewType (e.g. "NEW_AND_OLD_IMAGES")`,
  ],
  [
    "onEvent: no starting position",
    () => new aws.dynamodb.Table("orders", STREAMED).onEvent("changes", handler, {} as aws.dynamodb.TableEventSubscriptionArgs),
    `${WHERE}: onEvent "changes": "startingPosition" must be "TRIM_HORIZON" or "LATEST", got undefined\nhint: startingPosition: "LATEST" (new records only) or "TRIM_HORIZON" (the oldest kept)`,
  ],
  [
    "onEvent: a batch above 10,000",
    () => new aws.dynamodb.Table("orders", STREAMED).onEvent("changes", handler, { startingPosition: "LATEST", batchSize: 10001 }),
    `${WHERE}: onEvent "changes": "batchSize" must be a whole number from 1 to 10000, got 10001`,
  ],
  [
    "onEvent: a record age below a minute",
    () => new aws.dynamodb.Table("orders", STREAMED).onEvent("changes", handler, { startingPosition: "LATEST", maximumRecordAgeInSeconds: 30 }),
    `${WHERE}: onEvent "changes": "maximumRecordAgeInSeconds" must be -1 or from 60 to 604800, got 30`,
  ],
];

describe("dynamodb refusals", () => {
  test.each(REFUSALS)("%s", (_name, build, message) => {
    expect(messageOf(build)).toBe(message);
  });
});

function nodesOf(build: () => void) {
  const program = declare(build);
  const node = (type: string, name: string) => program.nodes.find((n) => n.descriptor.type === type && n.descriptor.name === name)!;
  return { program, node };
}

describe("dynamodb resources", () => {
  test("table: inputs as given, PROVISIONED with its capacities, the stream off unless enabled", () => {
    const { node } = nodesOf(() => {
      new aws.dynamodb.Table("orders", {
        attributes: [
          { name: "id", type: "S" },
          { name: "at", type: "N" },
        ],
        hashKey: "id",
        rangeKey: "at",
        readCapacity: 5,
        writeCapacity: 2,
      });
      new aws.dynamodb.Table("events", STREAMED);
    });
    expect(node(TYPES.table, "orders").descriptor.inputs).toEqual({
      attributes: [
        { name: "id", type: "S" },
        { name: "at", type: "N" },
      ],
      hashKey: "id",
      rangeKey: "at",
      billingMode: "PROVISIONED",
      readCapacity: 5,
      writeCapacity: 2,
      streamEnabled: false,
    });
    expect(node(TYPES.table, "events").descriptor.inputs).toMatchObject({
      billingMode: "PAY_PER_REQUEST",
      streamEnabled: true,
      streamViewType: "NEW_AND_OLD_IMAGES",
    });
  });

  test("onEvent: a policy with exactly the stream actions on the stream, a mapping with the stream settings after it", () => {
    const { program, node } = nodesOf(() => {
      new aws.dynamodb.Table("orders", STREAMED).onEvent("changes", handler, {
        startingPosition: "TRIM_HORIZON",
        bisectBatchOnFunctionError: true,
        maximumRetryAttempts: 3,
      });
    });
    expect(program.nodes.map((n) => `${n.descriptor.type} ${n.descriptor.name}`).sort()).toEqual([
      "aws:dynamodb:Table orders",
      "aws:iam:Role changes",
      "aws:iam:RolePolicy changes",
      "aws:iam:RolePolicy changes-dynamodb",
      "aws:lambda:EventSourceMapping changes",
      "aws:lambda:Function changes",
    ]);
    const mapping = node(TYPES.eventSourceMapping, "changes");
    expect([...mapping.dependencies].sort()).toEqual([`${TYPES.table}::orders`, `${TYPES.rolePolicy}::changes-dynamodb`, `${TYPES.function}::changes`]);
    const { eventSourceArn: _arn, functionName: _fn, ...settings } = mapping.descriptor.inputs;
    expect(settings).toEqual({ enabled: true, startingPosition: "TRIM_HORIZON", batchSize: 100, bisectBatchOnFunctionError: true, maximumRetryAttempts: 3 });
    const stream = "arn:aws:dynamodb:us-east-1:123456789012:table/orders-1234567/stream/2026-12-07T00:00:00.000";
    const lookup: ValueLookup = { property: (_resource, key) => (key === "streamArn" ? stream : UNKNOWN), context: () => UNKNOWN };
    expect(JSON.parse(resolveValue(node(TYPES.rolePolicy, "changes-dynamodb").descriptor.inputs.policy, lookup) as string)).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"], Resource: stream },
      ],
    });
  });

  test("get: a table read by name can be subscribed to (its stream is checked by Lambda)", () => {
    const { node } = nodesOf(() => {
      aws.dynamodb.Table.get("existing", "orders").onEvent("changes", handler, { startingPosition: "LATEST" });
    });
    expect([node(TYPES.table, "existing").descriptor.readId, node(TYPES.table, "existing").descriptor.inputs]).toEqual(["orders", {}]);
  });
});
