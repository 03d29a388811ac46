// DynamoDB tables over the wire (@aws-sdk/client-dynamodb and the aws CLI):
// CreateTable with DynamoDB's checks and TableDescription, DescribeTable,
// ListTables in pages, UpdateTable (billing, the stream on and off),
// DeleteTable, and errors in DynamoDB's codes, also for malformed requests.
import {
  DeleteTableCommand,
  DescribeTableCommand,
  ListTablesCommand,
  ListTagsOfResourceCommand,
  PutItemCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateTableCommand,
  type DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { createTable, dynamoClients, failure } from "./helpers/dynamodb.js";

let daemon: DaemonProcess;
let clients: ReturnType<typeof dynamoClients>;
let ddb: DynamoDBClient;

beforeAll(async () => {
  daemon = await startDaemon();
  clients = dynamoClients(daemon.endpoint);
  ddb = clients.ddb;
});

afterAll(async () => {
  clients.destroy();
  await daemon.stop();
  removeDataDir(daemon.dataDir);
});

const define = (names: Array<[string, string]>) => names.map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType: AttributeType as "S" }));

describe("tables", () => {
  it("create: answers CREATING, then DescribeTable answers ACTIVE with the key schema, the ARN and the item count", async () => {
    await createTable(ddb, "orders", "N");
    await ddb.send(new PutItemCommand({ TableName: "orders", Item: { pk: { S: "a" }, sk: { N: "1" } } }));
    const { Table } = await ddb.send(new DescribeTableCommand({ TableName: "orders" }));
    expect(Table).toMatchObject({
      TableName: "orders",
      TableStatus: "ACTIVE",
      TableArn: "arn:aws:dynamodb:us-east-1:000000000000:table/orders",
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      BillingModeSummary: { BillingMode: "PAY_PER_REQUEST" },
      ItemCount: 1,
      DeletionProtectionEnabled: false,
    });
    expect(Table?.StreamSpecification).toBeUndefined();
  });

  const refusals: Array<[string, () => Promise<unknown>, string]> = [
    ["exists", () => createTable(ddb, "orders", "N"), "ResourceInUseException: Table already exists: orders"],
    [
      "short name",
      () => createTable(ddb, "ab"),
      "ValidationException: 1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3",
    ],
    [
      "undefined key attribute",
      () => createTable(ddb, "bad1", undefined, { AttributeDefinitions: define([["id", "S"]]) }),
      "ValidationException: One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [pk], AttributeDefinitions: [id]",
    ],
    [
      "unused definition",
      () =>
        createTable(ddb, "bad2", undefined, {
          AttributeDefinitions: define([
            ["pk", "S"],
            ["x", "N"],
          ]),
        }),
      "ValidationException: One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions",
    ],
    [
      "provisioned without throughput",
      () => createTable(ddb, "bad3", undefined, { BillingMode: "PROVISIONED" }),
      "ValidationException: One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED",
    ],
    [
      "stream without a view type",
      () => createTable(ddb, "bad4", undefined, { StreamSpecification: { StreamEnabled: true } }),
      "ValidationException: One or more parameter values were invalid: Enabled stream must have a StreamViewType",
    ],
    [
      "secondary index",
      () =>
        createTable(ddb, "bad5", undefined, {
          GlobalSecondaryIndexes: [{ IndexName: "i", KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }], Projection: { ProjectionType: "ALL" } }],
        }),
      "ValidationException: The local cloud does not support GlobalSecondaryIndexes.",
    ],
    [
      "describe a missing table",
      () => ddb.send(new DescribeTableCommand({ TableName: "missing" })),
      "ResourceNotFoundException: Requested resource not found: Table: missing not found",
    ],
    [
      "delete a missing table",
      () => ddb.send(new DeleteTableCommand({ TableName: "missing" })),
      "ResourceNotFoundException: Requested resource not found: Table: missing not found",
    ],
  ];
  it.each(refusals)("refused: %s", async (_name, call, message) => {
    expect(await failure(call())).toBe(message);
  });

  it("update: the stream is enabled with a label and ARN, refused twice, disabled, and a new one has a new ARN", async () => {
    await createTable(ddb, "streamed");
    const enabled = await ddb.send(
      new UpdateTableCommand({ TableName: "streamed", StreamSpecification: { StreamEnabled: true, StreamViewType: "KEYS_ONLY" } }),
    );
    const arn = enabled.TableDescription?.LatestStreamArn ?? "";
    expect(arn).toBe(`arn:aws:dynamodb:us-east-1:000000000000:table/streamed/stream/${enabled.TableDescription?.LatestStreamLabel}`);
    expect(enabled.TableDescription?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: "KEYS_ONLY" });
    expect(
      await failure(ddb.send(new UpdateTableCommand({ TableName: "streamed", StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_IMAGE" } }))),
    ).toBe("ValidationException: Table already has an enabled stream: TableName: streamed");
    await ddb.send(new UpdateTableCommand({ TableName: "streamed", StreamSpecification: { StreamEnabled: false } }));
    expect((await ddb.send(new DescribeTableCommand({ TableName: "streamed" }))).Table?.LatestStreamArn).toBeUndefined();
  });

  it("update: billing mode to provisioned with throughput", async () => {
    await createTable(ddb, "billing");
    const { TableDescription } = await ddb.send(
      new UpdateTableCommand({ TableName: "billing", BillingMode: "PROVISIONED", ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 2 } }),
    );
    expect(TableDescription?.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 5, WriteCapacityUnits: 2 });
    expect(TableDescription?.BillingModeSummary).toBeUndefined();
  });

  it("list: names in order, in pages of Limit, then delete removes the table and its items", async () => {
    for (const name of ["list-c", "list-a", "list-b"]) await createTable(ddb, name);
    const first = await ddb.send(new ListTablesCommand({ ExclusiveStartTableName: "list", Limit: 2 }));
    expect(first).toMatchObject({ TableNames: ["list-a", "list-b"], LastEvaluatedTableName: "list-b" });
    const second = await ddb.send(new ListTablesCommand({ ExclusiveStartTableName: "list-b", Limit: 2 }));
    expect(second.TableNames?.slice(0, 1)).toEqual(["list-c"]);
    const deleted = await ddb.send(new DeleteTableCommand({ TableName: "list-c" }));
    expect(deleted.TableDescription?.TableStatus).toBe("DELETING");
    expect((await ddb.send(new ListTablesCommand({}))).TableNames).not.toContain("list-c");
  });

  it("tags: CreateTable's tags, TagResource replaces by key, UntagResource removes; a missing table's ARN is refused", async () => {
    await createTable(ddb, "tagged", undefined, { Tags: [{ Key: "stack", Value: "dev" }] });
    const arn = "arn:aws:dynamodb:us-east-1:000000000000:table/tagged";
    await ddb.send(
      new TagResourceCommand({
        ResourceArn: arn,
        Tags: [
          { Key: "stack", Value: "prod" },
          { Key: "team", Value: "a" },
        ],
      }),
    );
    await ddb.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ["team"] }));
    expect((await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: arn }))).Tags).toEqual([{ Key: "stack", Value: "prod" }]);
    expect(await failure(ddb.send(new ListTagsOfResourceCommand({ ResourceArn: `${arn}x` })))).toBe(
      `ResourceNotFoundException: Requested resource not found: ResourceArn: ${arn}x not found`,
    );
  });

  it("aws CLI: create-table, describe-table, and its error text for a missing table", async () => {
    const created = await awsCli(daemon.endpoint, [
      "dynamodb",
      "create-table",
      "--table-name",
      "cli-table",
      "--attribute-definitions",
      "AttributeName=id,AttributeType=S",
      "--key-schema",
      "AttributeName=id,KeyType=HASH",
      "--billing-mode",
      "PAY_PER_REQUEST",
      "--stream-specification",
      "StreamEnabled=true,StreamViewType=NEW_IMAGE",
    ]);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout).TableDescription.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: "NEW_IMAGE" });
    const described = await awsCli(daemon.endpoint, [
      "dynamodb",
      "describe-table",
      "--table-name",
      "cli-table",
      "--query",
      "Table.TableStatus",
      "--output",
      "text",
    ]);
    expect(described.stdout.trim()).toBe("ACTIVE");
    const missing = await awsCli(daemon.endpoint, ["dynamodb", "describe-table", "--table-name", "nope-table"]);
    expect(missing.code).toBe(255);
    expect(missing.stderr.trim()).toBe(
      "An error occurred (ResourceNotFoundException) when calling the DescribeTable operation: Requested resource not found: Table: nope-table not found",
    );
  });

  const malformed: Array<[string, string | undefined, string, { __type: string; message: string }]> = [
    [
      "not JSON",
      "DynamoDB_20120810.ListTables",
      "{",
      { __type: "com.amazonaws.dynamodb.v20120810#SerializationException", message: "Start of structure or map found where not expected." },
    ],
    [
      "unknown operation",
      "DynamoDB_20120810.Frobnicate",
      "{}",
      { __type: "com.amazonaws.dynamodb.v20120810#UnknownOperationException", message: "Unknown operation DynamoDB_20120810.Frobnicate" },
    ],
    [
      "bad attribute value",
      "DynamoDB_20120810.PutItem",
      '{"TableName":"orders","Item":{"pk":{"S":"a","N":"1"},"sk":{"N":"1"}}}',
      {
        __type: "com.amazonaws.dynamodb.v20120810#ValidationException",
        message: "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes",
      },
    ],
    [
      "number that is not one",
      "DynamoDB_20120810.PutItem",
      '{"TableName":"orders","Item":{"pk":{"S":"a"},"sk":{"N":"one"}}}',
      { __type: "com.amazonaws.dynamodb.v20120810#ValidationException", message: "A value provided cannot be converted into a number" },
    ],
  ];
  it.each(malformed)("malformed: %s is answered 400 with DynamoDB's code", async (_name, target, body, expected) => {
    const response = await fetch(daemon.endpoint, {
      method: "POST",
      headers: { "x-amz-target": target ?? "", "content-type": "application/x-amz-json-1.0" },
      body,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(expected);
  });
});
