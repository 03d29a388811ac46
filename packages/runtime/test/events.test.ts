// Sample events. Their fields are checked by tsc, not here: each generator
// in src/events builds its event with `satisfies` the @types/aws-lambda type
// (S3Event, SQSEvent, ...), so a wrong or misspelled field fails the type
// check. Here: one row per kind for the values, determinism, and the options
// each kind reads.
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { EVENT_KINDS, RuntimeError, sampleEvent, type EventKind } from "../src/index.js";

type Json = Record<string, any>;

const SHAPES: Record<EventKind, (event: Json) => void> = {
  "s3-put": (e) =>
    expect(e.Records[0]).toMatchObject({
      eventSource: "aws:s3",
      eventName: "ObjectCreated:Put",
      s3: { bucket: { name: "example-bucket", arn: "arn:aws:s3:::example-bucket" }, object: { key: "incoming/example.json", size: 17 } },
    }),
  "s3-delete": (e) => expect(e.Records[0]).toMatchObject({ eventName: "ObjectRemoved:Delete", s3: { object: { key: "incoming/example.json" } } }),
  sqs: (e) =>
    expect(e.Records[0]).toMatchObject({
      eventSource: "aws:sqs",
      body: "Hello from SQS!",
      md5OfBody: expect.stringMatching(/^[0-9a-f]{32}$/),
      eventSourceARN: "arn:aws:sqs:us-east-1:123456789012:example-queue",
    }),
  sns: (e) =>
    expect(e.Records[0]).toMatchObject({
      EventSource: "aws:sns",
      Sns: { Type: "Notification", Message: "Hello from SNS!", TopicArn: "arn:aws:sns:us-east-1:123456789012:example-topic" },
    }),
  dynamodb: (e) =>
    expect(e.Records[0]).toMatchObject({
      eventName: "INSERT",
      eventSource: "aws:dynamodb",
      dynamodb: { Keys: { Id: { N: "101" } }, NewImage: { Id: { N: "101" }, Message: { S: "New item!" } }, StreamViewType: "NEW_AND_OLD_IMAGES" },
    }),
  kinesis: (e) => expect(Buffer.from(e.Records[0].kinesis.data, "base64").toString()).toBe("Hello from Kinesis!"),
  schedule: (e) => expect(e).toMatchObject({ "detail-type": "Scheduled Event", source: "aws.events", time: "2024-01-01T00:00:00Z", detail: {} }),
  eventbridge: (e) => expect(e).toMatchObject({ version: "0", "detail-type": "Order Created", source: "com.example.orders", detail: { orderId: "1234" } }),
  logs: (e) =>
    expect(JSON.parse(gunzipSync(Buffer.from(e.awslogs.data, "base64")).toString())).toMatchObject({
      messageType: "DATA_MESSAGE",
      logGroup: "/aws/lambda/example-function",
      logEvents: [{ message: "[INFO] first sample line" }, { message: "[ERROR] second sample line" }],
    }),
  "apigw-v1": (e) =>
    expect(e).toMatchObject({
      httpMethod: "GET",
      path: "/hello",
      body: null,
      isBase64Encoded: false,
      queryStringParameters: null,
      requestContext: { stage: "prod", requestTime: "01/Jan/2024:00:00:00 +0000", requestTimeEpoch: 1704067200000 },
    }),
  "apigw-v2": (e) => {
    expect(e).toMatchObject({
      version: "2.0",
      routeKey: "GET /hello",
      rawPath: "/hello",
      rawQueryString: "",
      requestContext: { http: { method: "GET", path: "/hello" }, timeEpoch: 1704067200000 },
    });
    expect(e).not.toHaveProperty("body");
  },
};

describe("events", () => {
  it.each(Object.keys(EVENT_KINDS) as EventKind[])("%s: the documented shape, the same every time", (kind) => {
    const event = sampleEvent(kind) as Json;
    SHAPES[kind](event);
    expect(JSON.stringify(sampleEvent(kind))).toBe(JSON.stringify(event));
  });

  it("s3-put: key URL-encoded as S3 does, size and eTag from the body", () => {
    const event = sampleEvent("s3-put", { key: "photos/my cat&dog.jpg", body: "abc", bucket: "pics", region: "eu-west-1" }) as Json;
    expect(event.Records[0]).toMatchObject({
      awsRegion: "eu-west-1",
      s3: { bucket: { name: "pics" }, object: { key: "photos/my+cat%26dog.jpg", size: 3, eTag: "900150983cd24fb0d6963f7d28e17f72" } },
    });
  });

  it("dynamodb: the item is marshalled, its first attribute is the key", () => {
    const event = sampleEvent("dynamodb", { body: '{"pk":"user#1","tags":["a"],"active":true,"meta":{"n":1},"gone":null}' }) as Json;
    expect(event.Records[0].dynamodb.Keys).toEqual({ pk: { S: "user#1" } });
    expect(event.Records[0].dynamodb.NewImage).toEqual({
      pk: { S: "user#1" },
      tags: { L: [{ S: "a" }] },
      active: { BOOL: true },
      meta: { M: { n: { N: "1" } } },
      gone: { NULL: true },
    });
  });

  it("apigw-v1: query, method and body", () => {
    const event = sampleEvent("apigw-v1", { path: "/items?tag=a&tag=b", body: '{"x":1}' }) as Json;
    expect(event).toMatchObject({
      httpMethod: "POST",
      path: "/items",
      queryStringParameters: { tag: "b" },
      multiValueQueryStringParameters: { tag: ["a", "b"] },
      body: '{"x":1}',
    });
  });

  it.each(["sqs", "dynamodb", "kinesis"] as const)("count: a %s batch of 3 records, each with ids of its own, the first as without count", (kind) => {
    const batch = sampleEvent(kind, { count: 3 }) as Json;
    const single = sampleEvent(kind) as Json;
    expect(batch.Records).toHaveLength(3);
    expect(batch.Records[0]).toEqual(single.Records[0]);
    const ids = (batch.Records as Json[]).map((record) =>
      JSON.stringify([record.messageId, record.receiptHandle, record.eventID, record.dynamodb?.SequenceNumber, record.kinesis?.sequenceNumber]),
    );
    expect(new Set(ids).size).toBe(3);
  });

  it("time: --time moves every timestamp", () => {
    expect(sampleEvent("sqs", { time: "2030-05-06T07:08:09.000Z" })).toMatchObject({ Records: [{ attributes: { SentTimestamp: "1904281689000" } }] });
  });

  it.each([
    ["dynamodb", { body: "[1]" }, 'option "body": must be a JSON object (the item), got "[1]"'],
    ["eventbridge", { body: "{" }, /^option "body": must be JSON \(the detail\): /],
    ["sqs", { time: "yesterday" }, 'option "time": must be an ISO date, got "yesterday"'],
    ["sqs", { count: 0 }, 'option "count": must be a whole number from 1 to 10000, got 0'],
    ["kinesis", { count: 10_001 }, 'option "count": must be a whole number from 1 to 10000, got 10001'],
    ["sns", { count: 2 }, 'option "count": does not apply to sns: Lambda sends its events one at a time'],
  ] as const)("errors: %s %j", (kind, options, message) => {
    expect(() => sampleEvent(kind, options)).toThrow(RuntimeError);
    expect(() => sampleEvent(kind, options)).toThrow(message);
  });
});
