// The event records S3 sends, from the pure function that makes them: each
// kind of change against a configuration gives exactly these records (whole,
// but for eventTime, sequencer and request ids, checked for shape), typed as
// @types/aws-lambda's S3Event; and which configurations a change matches
// (event types and wildcards, prefix and suffix against the encoded key).
import type { S3Event } from "aws-lambda";
import { describe, expect, it } from "vitest";
import type { NotificationConfig, NotificationRule } from "../src/services/s3/notification-config.js";
import { deliveriesFor, formatSequencer, keyMatches, type ObjectChange } from "../src/services/s3/notification-events.js";

const FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:docs-handler";

function rule(id: string, events: string[], filter: { prefix?: string; suffix?: string } = {}): NotificationRule {
  return { kind: "lambda", id, arn: FUNCTION, events, ...filter };
}

const CONFIG: NotificationConfig = {
  eventBridge: false,
  rules: [rule("created", ["s3:ObjectCreated:*"], { prefix: "uploads/" }), rule("removed", ["s3:ObjectRemoved:Delete"], { prefix: "uploads/" })],
};

function change(name: ObjectChange["name"], key: string, created?: { size: number; eTag: string }): ObjectChange {
  return {
    name,
    key,
    ...created,
    bucket: "docs-4f64efc",
    region: "us-east-1",
    time: Date.parse("2026-12-07T11:10:48.617Z"),
    sequencer: formatSequencer(0x2a),
    requestId: "C3D13FE58DE4C810",
    hostId: "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD",
    sourceIp: "127.0.0.1",
    principalId: "AWS:test",
  };
}

/** The record AWS documents, for a change to `key` under configuration `id`. */
function expected(eventName: string, configurationId: string, object: Record<string, unknown>) {
  return {
    eventVersion: "2.1",
    eventSource: "aws:s3",
    awsRegion: "us-east-1",
    eventTime: "<time>",
    eventName,
    userIdentity: { principalId: "AWS:test" },
    requestParameters: { sourceIPAddress: "127.0.0.1" },
    responseElements: { "x-amz-request-id": "<request-id>", "x-amz-id-2": "<host-id>" },
    s3: {
      s3SchemaVersion: "1.0",
      configurationId,
      bucket: { name: "docs-4f64efc", ownerIdentity: { principalId: "A3CLOSUREPACKLOCAL" }, arn: "arn:aws:s3:::docs-4f64efc" },
      object: { ...object, sequencer: "<sequencer>" },
    },
  };
}

// The parts that vary per call, checked for shape and replaced by placeholders.
function normalise(record: S3Event["Records"][number]) {
  expect(record.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(record.s3.object.sequencer).toMatch(/^[0-9A-F]{18}$/);
  return {
    ...record,
    eventTime: "<time>",
    responseElements: { "x-amz-request-id": "<request-id>", "x-amz-id-2": "<host-id>" },
    s3: { ...record.s3, object: { ...record.s3.object, sequencer: "<sequencer>" } },
  };
}

const ETAG = "5d41402abc4b2a76b9719d911017c592";

describe("s3 event records", () => {
  it.each([
    [
      "Put",
      change("ObjectCreated:Put", "uploads/doc1.txt", { size: 5, eTag: ETAG }),
      [expected("ObjectCreated:Put", "created", { key: "uploads/doc1.txt", size: 5, eTag: ETAG })],
    ],
    [
      "Copy",
      change("ObjectCreated:Copy", "uploads/copy.txt", { size: 5, eTag: ETAG }),
      [expected("ObjectCreated:Copy", "created", { key: "uploads/copy.txt", size: 5, eTag: ETAG })],
    ],
    [
      "CompleteMultipartUpload",
      change("ObjectCreated:CompleteMultipartUpload", "uploads/big.bin", { size: 5242884, eTag: `${ETAG}-2` }),
      [expected("ObjectCreated:CompleteMultipartUpload", "created", { key: "uploads/big.bin", size: 5242884, eTag: `${ETAG}-2` })],
    ],
    ["Delete", change("ObjectRemoved:Delete", "uploads/doc1.txt"), [expected("ObjectRemoved:Delete", "removed", { key: "uploads/doc1.txt" })]],
    [
      "a key with spaces, plus and unicode",
      change("ObjectCreated:Put", "uploads/my doc+1 ü.txt", { size: 1, eTag: ETAG }),
      [expected("ObjectCreated:Put", "created", { key: "uploads/my+doc%2B1+%C3%BC.txt", size: 1, eTag: ETAG })],
    ],
    ["a key outside the prefix", change("ObjectCreated:Put", "other/doc1.txt", { size: 5, eTag: ETAG }), []],
    ["an event no configuration names", change("ObjectRemoved:DeleteMarkerCreated", "uploads/doc1.txt"), []],
  ])("record: %s", (_, objectChange, records) => {
    const deliveries = deliveriesFor(CONFIG, objectChange);
    // Typed as Lambda handlers receive it.
    const event = { Records: deliveries.map((delivery) => delivery.record) } as S3Event;
    expect(event.Records.map(normalise)).toEqual(records);
    expect(deliveries.every((delivery) => delivery.rule.arn === FUNCTION)).toBe(true);
  });

  it("record: is the JSON AWS sends, keys in AWS's order", () => {
    const [delivery] = deliveriesFor(CONFIG, change("ObjectCreated:Put", "uploads/a b", { size: 3, eTag: ETAG }));
    expect(JSON.stringify(delivery!.record.s3.object)).toBe(`{"key":"uploads/a+b","size":3,"eTag":"${ETAG}","sequencer":"00000000000000002A"}`);
    expect(Object.keys(delivery!.record)).toEqual([
      "eventVersion",
      "eventSource",
      "awsRegion",
      "eventTime",
      "eventName",
      "userIdentity",
      "requestParameters",
      "responseElements",
      "s3",
    ]);
    expect(delivery!.record.eventTime).toBe("2026-12-07T11:10:48.617Z");
  });

  it.each([
    ["a wildcard covers its family", ["s3:ObjectCreated:*"], "ObjectCreated:Copy", true],
    ["a wildcard covers no other family", ["s3:ObjectCreated:*"], "ObjectRemoved:Delete", false],
    ["an exact type", ["s3:ObjectRemoved:Delete"], "ObjectRemoved:Delete", true],
    ["another exact type", ["s3:ObjectCreated:Put"], "ObjectCreated:Post", false],
    ["one of several types", ["s3:ObjectCreated:Copy", "s3:ObjectRemoved:*"], "ObjectRemoved:DeleteMarkerCreated", true],
  ] as const)("match: %s", (_, events, name, matches) => {
    const config: NotificationConfig = { eventBridge: false, rules: [rule("only", [...events])] };
    expect(deliveriesFor(config, change(name, "k", { size: 1, eTag: ETAG })).length).toBe(matches ? 1 : 0);
  });

  it.each([
    ["prefix", { prefix: "images/" }, "images/cat.jpg", true],
    ["prefix missing", { prefix: "images/" }, "docs/cat.jpg", false],
    ["suffix", { suffix: ".jpg" }, "images/cat.jpg", true],
    ["suffix missing", { suffix: ".jpg" }, "images/cat.png", false],
    ["prefix and suffix", { prefix: "images/", suffix: ".jpg" }, "images/cat.jpg", true],
    ["prefix and another suffix", { prefix: "images/", suffix: ".jpg" }, "images/cat.png", false],
    // AWS compares with the key as events carry it: special characters in filters are written encoded.
    ["an encoded space in the prefix", { prefix: "my+folder/" }, "my folder/x", true],
    ["a raw space in the prefix", { prefix: "my folder/" }, "my folder/x", false],
    ["no filter", {}, "anything", true],
  ])("filter: %s", (_, filter, key, matches) => {
    expect(keyMatches(filter, key)).toBe(matches);
  });

  it("sequencer: later changes sort after earlier ones as text", () => {
    const values = [1, 15, 16, 255, 4096, 2 ** 40].map(formatSequencer);
    expect([...values].sort()).toEqual(values);
    expect(values.every((value) => value.length === 18)).toBe(true);
  });
});
