// DynamoDB items over the wire, through @aws-sdk/lib-dynamodb's
// DocumentClient (as users write it), the low-level client and the aws CLI:
// Put/Get/Update/Delete with conditions, update expressions (SET with
// arithmetic, if_not_exists and list_append, REMOVE, ADD, DELETE),
// ReturnValues, Query on keys in both directions with pages, Scan with
// filters, segments and pages, BatchWrite/BatchGet, and DynamoDB's refusals.
import { PutItemCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { createTable, dynamoClients, failure } from "./helpers/dynamodb.js";

let daemon: DaemonProcess;
let clients: ReturnType<typeof dynamoClients>;
let ddb: DynamoDBClient;
let doc: DynamoDBDocumentClient;

beforeAll(async () => {
  daemon = await startDaemon();
  clients = dynamoClients(daemon.endpoint);
  ({ ddb, doc } = clients);
  await createTable(ddb, "things");
  await createTable(ddb, "events", "N");
  await createTable(ddb, "names", "S");
  for (const sk of [3, -5, 1, 2.5, 10, 2, 0]) await doc.send(new PutCommand({ TableName: "events", Item: { pk: "a", sk, n: sk } }));
  await doc.send(new PutCommand({ TableName: "events", Item: { pk: "b", sk: 1 } }));
  for (const sk of ["apple", "apricot", "banana", "Zebra", "éclair"]) await doc.send(new PutCommand({ TableName: "names", Item: { pk: "f", sk } }));
});

afterAll(async () => {
  clients.destroy();
  await daemon.stop();
  removeDataDir(daemon.dataDir);
});

const get = async (table: string, key: Record<string, unknown>) => (await doc.send(new GetCommand({ TableName: table, Key: key }))).Item;

describe("items", () => {
  it("put and get: every type round-trips, numbers in DynamoDB's form", async () => {
    const item = {
      pk: "all",
      s: "x",
      n: 1.5,
      b: new Uint8Array([1, 2]),
      t: true,
      z: null,
      m: { a: [1, "two"] },
      l: [{ x: 1 }],
      ss: new Set(["a", "b"]),
      ns: new Set([1, 2]),
    };
    await doc.send(new PutCommand({ TableName: "things", Item: item }));
    expect(await get("things", { pk: "all" })).toEqual(item);
    await ddb.send(new PutItemCommand({ TableName: "things", Item: { pk: { S: "num" }, n: { N: "0001.500" }, e: { N: "1e3" } } }));
    expect(await get("things", { pk: "num" })).toEqual({ pk: "num", n: 1.5, e: 1000 });
    expect(await get("things", { pk: "none" })).toBeUndefined();
  });

  it("get: a projection of nested paths with names", async () => {
    await doc.send(new PutCommand({ TableName: "things", Item: { pk: "deep", a: { b: [1, 2, 3], c: "x" }, d: 4 } }));
    const { Item } = await doc.send(
      new GetCommand({ TableName: "things", Key: { pk: "deep" }, ProjectionExpression: "a.b[2], #d", ExpressionAttributeNames: { "#d": "d" } }),
    );
    expect(Item).toEqual({ a: { b: [3] }, d: 4 });
  });

  const updates: Array<[string, Record<string, unknown>, string, Record<string, unknown>, Record<string, unknown>]> = [
    ["SET arithmetic and if_not_exists", { n: 1 }, "SET n = n + :one, c = if_not_exists(c, :zero) - :one", { ":one": 1, ":zero": 0 }, { n: 2, c: -1 }],
    [
      "SET list_append (both ends), nested paths, an index past the end appends",
      { l: [1], k: [5], m: { x: 1 } },
      "SET l = list_append(:zero, l), m.y = :one, k[7] = :one",
      { ":zero": [0], ":one": 1 },
      { l: [0, 1], k: [5, 1], m: { x: 1, y: 1 } },
    ],
    ["REMOVE attributes and list elements", { a: 1, l: [1, 2, 3] }, "REMOVE a, l[0], l[2]", undefined as never, { l: [2] }],
    [
      "ADD numbers and sets",
      { n: 5, s: new Set(["a"]) },
      "ADD n :two, s :more, fresh :two",
      { ":two": 2, ":more": new Set(["b", "a"]) },
      { n: 7, s: new Set(["a", "b"]), fresh: 2 },
    ],
    [
      "DELETE from a set, the last member removes it",
      { s: new Set(["a", "b"]), t: new Set(["x"]) },
      "DELETE s :a, t :x",
      { ":a": new Set(["a"]), ":x": new Set(["x"]) },
      { s: new Set(["b"]) },
    ],
    ["exact decimal arithmetic", { n: 0.1 }, "SET n = n + :x", { ":x": 0.2 }, { n: 0.3 }],
  ];
  it.each(updates)("update: %s", async (_name, before, expression, values, after) => {
    await doc.send(new PutCommand({ TableName: "things", Item: { pk: "u", ...before } }));
    const { Attributes } = await doc.send(
      new UpdateCommand({ TableName: "things", Key: { pk: "u" }, UpdateExpression: expression, ExpressionAttributeValues: values, ReturnValues: "ALL_NEW" }),
    );
    expect(Attributes).toEqual({ pk: "u", ...after });
  });

  it("update: a missing item is created from its key; UPDATED_OLD and UPDATED_NEW answer the changed attributes", async () => {
    const created = await doc.send(
      new UpdateCommand({
        TableName: "things",
        Key: { pk: "new" },
        UpdateExpression: "SET a = :a, b = :b",
        ExpressionAttributeValues: { ":a": 1, ":b": 2 },
        ReturnValues: "UPDATED_OLD",
      }),
    );
    expect(created.Attributes).toBeUndefined();
    const changed = await doc.send(
      new UpdateCommand({
        TableName: "things",
        Key: { pk: "new" },
        UpdateExpression: "SET a = :a",
        ExpressionAttributeValues: { ":a": 5 },
        ReturnValues: "UPDATED_OLD",
      }),
    );
    expect(changed.Attributes).toEqual({ a: 1 });
    const fresh = await doc.send(
      new UpdateCommand({
        TableName: "things",
        Key: { pk: "new" },
        UpdateExpression: "REMOVE b SET c = :c",
        ExpressionAttributeValues: { ":c": "x" },
        ReturnValues: "UPDATED_NEW",
      }),
    );
    expect(fresh.Attributes).toEqual({ c: "x" });
    expect(await get("things", { pk: "new" })).toEqual({ pk: "new", a: 5, c: "x" });
  });

  const conditions: Array<[string, string, Record<string, unknown> | undefined, boolean]> = [
    ["attribute_exists", "attribute_exists(n)", undefined, true],
    ["attribute_not_exists", "attribute_not_exists(n)", undefined, false],
    ["= and <>", "n = :five AND s <> :other", { ":five": 5, ":other": "y" }, true],
    ["< on different types is false", "s < :five", { ":five": 5 }, false],
    ["<> on a missing attribute is true", "gone <> :five", { ":five": 5 }, true],
    ["BETWEEN", "n BETWEEN :one AND :five", { ":one": 1, ":five": 5 }, true],
    ["IN", "s IN (:a, :b)", { ":a": "q", ":b": "x" }, true],
    ["begins_with", "begins_with(s, :p)", { ":p": "xy" }, false],
    ["contains on a set and a string", "contains(tags, :t) AND contains(s, :s)", { ":t": "red", ":s": "x" }, true],
    ["size", "size(tags) > :one AND size(s) = :one", { ":one": 1 }, true],
    ["attribute_type", "attribute_type(tags, :ss)", { ":ss": "SS" }, true],
    ["NOT, OR and parentheses", "NOT (n = :five OR s = :other)", { ":five": 5, ":other": "y" }, false],
  ];
  it.each(conditions)("condition: %s", async (_name, expression, values, passes) => {
    await doc.send(new PutCommand({ TableName: "things", Item: { pk: "c", n: 5, s: "x", tags: new Set(["red", "blue"]) } }));
    const put = doc.send(new PutCommand({ TableName: "things", Item: { pk: "c", n: 6 }, ConditionExpression: expression, ExpressionAttributeValues: values }));
    expect(await failure(put)).toBe(passes ? "ok" : "ConditionalCheckFailedException: The conditional request failed");
    expect((await get("things", { pk: "c" }))?.n).toBe(passes ? 6 : 5);
  });

  it("condition: a failed check answers the item when ReturnValuesOnConditionCheckFailure is ALL_OLD; delete with ALL_OLD", async () => {
    await doc.send(new PutCommand({ TableName: "things", Item: { pk: "d", v: 1 } }));
    const refused = doc.send(
      new DeleteCommand({
        TableName: "things",
        Key: { pk: "d" },
        ConditionExpression: "v = :two",
        ExpressionAttributeValues: { ":two": 2 },
        ReturnValuesOnConditionCheckFailure: "ALL_OLD",
      }),
    );
    await expect(refused).rejects.toMatchObject({ name: "ConditionalCheckFailedException", Item: { pk: { S: "d" }, v: { N: "1" } } });
    const deleted = await doc.send(new DeleteCommand({ TableName: "things", Key: { pk: "d" }, ReturnValues: "ALL_OLD" }));
    expect(deleted.Attributes).toEqual({ pk: "d", v: 1 });
    expect(await get("things", { pk: "d" })).toBeUndefined();
  });

  const refusals: Array<[string, () => Promise<unknown>, string]> = [
    ["missing table", () => doc.send(new GetCommand({ TableName: "nothing", Key: { pk: "a" } })), "ResourceNotFoundException: Requested resource not found"],
    [
      "missing key attribute",
      () => doc.send(new PutCommand({ TableName: "events", Item: { pk: "a" } })),
      "ValidationException: One or more parameter values were invalid: Missing the key sk in the item",
    ],
    [
      "key type",
      () => doc.send(new PutCommand({ TableName: "things", Item: { pk: 1 } })),
      "ValidationException: One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N",
    ],
    [
      "empty key",
      () => doc.send(new PutCommand({ TableName: "things", Item: { pk: "" } })),
      "ValidationException: One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk",
    ],
    [
      "key not the schema",
      () => doc.send(new GetCommand({ TableName: "events", Key: { pk: "a" } })),
      "ValidationException: The provided key element does not match the schema",
    ],
    [
      "syntax",
      () => doc.send(new UpdateCommand({ TableName: "things", Key: { pk: "x" }, UpdateExpression: "SET a = = :v", ExpressionAttributeValues: { ":v": 1 } })),
      'ValidationException: Invalid UpdateExpression: Syntax error; token: "=", near: "= = :v"',
    ],
    [
      "reserved word",
      () => doc.send(new UpdateCommand({ TableName: "things", Key: { pk: "x" }, UpdateExpression: "SET status = :v", ExpressionAttributeValues: { ":v": 1 } })),
      "ValidationException: Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status",
    ],
    [
      "undefined value",
      () => doc.send(new UpdateCommand({ TableName: "things", Key: { pk: "x" }, UpdateExpression: "SET a = :v" })),
      "ValidationException: Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :v",
    ],
    [
      "undefined name",
      () => doc.send(new PutCommand({ TableName: "things", Item: { pk: "x" }, ConditionExpression: "attribute_exists(#n)" })),
      "ValidationException: Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #n",
    ],
    [
      "unused value",
      () =>
        doc.send(
          new PutCommand({ TableName: "things", Item: { pk: "x" }, ConditionExpression: "attribute_exists(a)", ExpressionAttributeValues: { ":unused": 1 } }),
        ),
      "ValidationException: Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}",
    ],
    [
      "key attribute updated",
      () => doc.send(new UpdateCommand({ TableName: "things", Key: { pk: "x" }, UpdateExpression: "SET pk = :v", ExpressionAttributeValues: { ":v": "y" } })),
      "ValidationException: One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key",
    ],
    [
      "overlapping paths",
      () =>
        doc.send(
          new UpdateCommand({ TableName: "things", Key: { pk: "x" }, UpdateExpression: "SET a = :v REMOVE a.b", ExpressionAttributeValues: { ":v": 1 } }),
        ),
      "ValidationException: Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]",
    ],
    [
      "arithmetic on a missing attribute",
      () =>
        doc.send(
          new UpdateCommand({ TableName: "things", Key: { pk: "x" }, UpdateExpression: "SET a = nothing + :v", ExpressionAttributeValues: { ":v": 1 } }),
        ),
      "ValidationException: The provided expression refers to an attribute that does not exist in the item",
    ],
    [
      "arithmetic on a string",
      () =>
        doc.send(new UpdateCommand({ TableName: "things", Key: { pk: "x" }, UpdateExpression: "SET a = :v + :v", ExpressionAttributeValues: { ":v": "s" } })),
      "ValidationException: An operand in the update expression has an incorrect data type",
    ],
    [
      "bad ReturnValues",
      () => doc.send(new PutCommand({ TableName: "things", Item: { pk: "x" }, ReturnValues: "ALL_NEW" })),
      "ValidationException: Return values set to invalid value",
    ],
    [
      "unknown function",
      () => doc.send(new PutCommand({ TableName: "things", Item: { pk: "x" }, ConditionExpression: "exists(a)" })),
      "ValidationException: Invalid ConditionExpression: Invalid function name; function: exists",
    ],
  ];
  it.each(refusals)("refused: %s", async (_name, call, message) => {
    expect(await failure(call())).toBe(message);
  });
});

describe("query and scan", () => {
  const ranges: Array<[string, string, Record<string, unknown>, boolean, unknown[]]> = [
    ["whole partition, numeric order", "pk = :p", {}, true, [-5, 0, 1, 2, 2.5, 3, 10]],
    ["backwards", "pk = :p", {}, false, [10, 3, 2.5, 2, 1, 0, -5]],
    ["<", "pk = :p AND sk < :x", { ":x": 2 }, true, [-5, 0, 1]],
    ["<=", "pk = :p AND sk <= :x", { ":x": 2 }, true, [-5, 0, 1, 2]],
    [">", "pk = :p AND sk > :x", { ":x": 2 }, true, [2.5, 3, 10]],
    [">=", "pk = :p AND sk >= :x", { ":x": 2.5 }, true, [2.5, 3, 10]],
    ["=", "sk = :x AND pk = :p", { ":x": 3 }, true, [3]],
    ["BETWEEN", "pk = :p AND sk BETWEEN :x AND :y", { ":x": -1, ":y": 2.5 }, true, [0, 1, 2, 2.5]],
  ];
  it.each(ranges)("query: %s", async (_name, condition, values, forward, expected) => {
    const { Items } = await doc.send(
      new QueryCommand({
        TableName: "events",
        KeyConditionExpression: condition,
        ExpressionAttributeValues: { ":p": "a", ...values },
        ScanIndexForward: forward,
      }),
    );
    expect(Items?.map((item) => item.sk)).toEqual(expected);
  });

  it("query: begins_with and UTF-8 byte order on string sort keys", async () => {
    const all = await doc.send(new QueryCommand({ TableName: "names", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": "f" } }));
    expect(all.Items?.map((item) => item.sk)).toEqual(["Zebra", "apple", "apricot", "banana", "éclair"]);
    const prefixed = await doc.send(
      new QueryCommand({ TableName: "names", KeyConditionExpression: "pk = :p AND begins_with(sk, :b)", ExpressionAttributeValues: { ":p": "f", ":b": "ap" } }),
    );
    expect(prefixed.Items?.map((item) => item.sk)).toEqual(["apple", "apricot"]);
  });

  it("query: pages of Limit with LastEvaluatedKey, a filter counted after the page, Select COUNT", async () => {
    const seen: unknown[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(
        new QueryCommand({
          TableName: "events",
          KeyConditionExpression: "pk = :p",
          ExpressionAttributeValues: { ":p": "a" },
          Limit: 3,
          ExclusiveStartKey: start,
        }),
      );
      seen.push(...(page.Items ?? []).map((item) => item.sk));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    expect(seen).toEqual([-5, 0, 1, 2, 2.5, 3, 10]);
    const filtered = await doc.send(
      new QueryCommand({
        TableName: "events",
        KeyConditionExpression: "pk = :p",
        FilterExpression: "n > :z",
        ExpressionAttributeValues: { ":p": "a", ":z": 1 },
        Limit: 5,
      }),
    );
    expect(filtered).toMatchObject({ Count: 2, ScannedCount: 5, LastEvaluatedKey: { pk: "a", sk: 2.5 } });
    const counted = await doc.send(
      new QueryCommand({ TableName: "events", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": "a" }, Select: "COUNT" }),
    );
    expect(counted.Items).toBeUndefined();
    expect(counted.Count).toBe(7);
  });

  const queryRefusals: Array<[string, string, Record<string, unknown>, string]> = [
    ["no partition key", "sk = :x", { ":x": 1 }, "ValidationException: Query condition missed key schema element: pk"],
    ["OR", "pk = :p OR sk = :x", { ":p": "a", ":x": 1 }, "ValidationException: Invalid operator used in KeyConditionExpression: OR"],
    ["range on the partition key", "pk > :p", { ":p": "a" }, "ValidationException: Query key condition not supported"],
    ["non-key attribute", "pk = :p AND n = :x", { ":p": "a", ":x": 1 }, "ValidationException: Query condition missed key schema element: pk"],
    [
      "value of the wrong type",
      "pk = :p AND sk = :x",
      { ":p": "a", ":x": "1" },
      "ValidationException: One or more parameter values were invalid: Condition parameter type does not match schema type",
    ],
  ];
  it.each(queryRefusals)("query refused: %s", async (_name, condition, values, message) => {
    expect(await failure(doc.send(new QueryCommand({ TableName: "events", KeyConditionExpression: condition, ExpressionAttributeValues: values })))).toBe(
      message,
    );
  });

  it("scan: every item once across pages and across segments, filters on any attribute", async () => {
    const keys = async (extra: Record<string, unknown>) => {
      const out: string[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(new ScanCommand({ TableName: "events", Limit: 2, ExclusiveStartKey: start, ...extra }));
        out.push(...(page.Items ?? []).map((item) => `${item.pk}/${item.sk}`));
        start = page.LastEvaluatedKey;
      } while (start !== undefined);
      return out;
    };
    const all = await keys({});
    expect(all).toHaveLength(8);
    const segments = [...(await keys({ Segment: 0, TotalSegments: 2 })), ...(await keys({ Segment: 1, TotalSegments: 2 }))];
    expect(segments.sort()).toEqual([...all].sort());
    const filtered = await doc.send(new ScanCommand({ TableName: "events", FilterExpression: "pk = :b", ExpressionAttributeValues: { ":b": "b" } }));
    expect(filtered).toMatchObject({ Items: [{ pk: "b", sk: 1 }], Count: 1, ScannedCount: 8 });
  });

  it("batch: BatchWrite puts and deletes across tables, BatchGet reads them back with a projection; duplicates refused", async () => {
    await doc.send(
      new BatchWriteCommand({
        RequestItems: {
          things: [{ PutRequest: { Item: { pk: "b1", v: 1 } } }, { PutRequest: { Item: { pk: "b2", v: 2 } } }],
          events: [{ DeleteRequest: { Key: { pk: "b", sk: 1 } } }],
        },
      }),
    );
    const { Responses } = await doc.send(
      new BatchGetCommand({
        RequestItems: { things: { Keys: [{ pk: "b1" }, { pk: "b2" }, { pk: "b3" }], ProjectionExpression: "v" }, events: { Keys: [{ pk: "b", sk: 1 }] } },
      }),
    );
    expect(Responses?.things?.map((item) => item.v).sort()).toEqual([1, 2]);
    expect(Responses?.events).toEqual([]);
    const duplicate = doc.send(
      new BatchWriteCommand({ RequestItems: { things: [{ PutRequest: { Item: { pk: "b1" } } }, { DeleteRequest: { Key: { pk: "b1" } } }] } }),
    );
    expect(await failure(duplicate)).toBe("ValidationException: Provided list of item keys contains duplicates");
  });

  it("aws CLI: put-item, query and update-item as users type them", async () => {
    const put = await awsCli(daemon.endpoint, ["dynamodb", "put-item", "--table-name", "things", "--item", '{"pk":{"S":"cli"},"n":{"N":"1"}}']);
    expect(put.code).toBe(0);
    const updated = await awsCli(daemon.endpoint, [
      "dynamodb",
      "update-item",
      "--table-name",
      "things",
      "--key",
      '{"pk":{"S":"cli"}}',
      "--update-expression",
      "ADD n :one",
      "--expression-attribute-values",
      '{":one":{"N":"41"}}',
      "--return-values",
      "UPDATED_NEW",
    ]);
    expect(JSON.parse(updated.stdout)).toEqual({ Attributes: { n: { N: "42" } } });
    const queried = await awsCli(daemon.endpoint, [
      "dynamodb",
      "query",
      "--table-name",
      "events",
      "--key-condition-expression",
      "pk = :p AND sk > :x",
      "--expression-attribute-values",
      '{":p":{"S":"a"},":x":{"N":"2.5"}}',
      "--query",
      "Items[].sk.N",
      "--output",
      "text",
    ]);
    expect(queried.stdout.trim().split(/\s+/)).toEqual(["3", "10"]);
    const refused = await awsCli(daemon.endpoint, [
      "dynamodb",
      "put-item",
      "--table-name",
      "things",
      "--item",
      '{"pk":{"S":"cli"}}',
      "--condition-expression",
      "attribute_not_exists(pk)",
    ]);
    expect(refused.stderr.trim()).toBe(
      "An error occurred (ConditionalCheckFailedException) when calling the PutItem operation: The conditional request failed",
    );
  });
});
