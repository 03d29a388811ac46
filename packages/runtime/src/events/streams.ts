// Stream events: DynamoDB Streams (DynamoDBStreamEvent, an INSERT with the
// item as NewImage) and Kinesis (KinesisStreamEvent, data base64-encoded).
import type { DynamoDBRecord, DynamoDBStreamEvent, KinesisStreamEvent, KinesisStreamRecord } from "aws-lambda";
import { fixedId, nth, parseJsonOption, records } from "./sample-values.js";
import type { EventContext } from "./sample-event.js";
import { ACCOUNT_ID } from "../environment.js";

type AttributeValue = { S: string } | { N: string } | { BOOL: boolean } | { NULL: true } | { L: AttributeValue[] } | { M: Record<string, AttributeValue> };

/** A JSON value in DynamoDB's attribute-value form. */
export function marshall(value: unknown): AttributeValue {
  if (value === null || value === undefined) return { NULL: true };
  if (typeof value === "string") return { S: value };
  if (typeof value === "number") return { N: String(value) };
  if (typeof value === "boolean") return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(marshall) };
  return { M: Object.fromEntries(Object.entries(value as object).map(([key, each]) => [key, marshall(each)])) };
}

export function dynamodbEvent(c: EventContext): object {
  const table = c.options.table ?? "ExampleTable";
  const item = parseItem(c.options.body);
  const [keyName, keyValue] = Object.entries(item)[0] ?? ["Id", 101];
  const keys = { [keyName]: marshall(keyValue) };
  const newImage = (marshall(item) as { M: Record<string, AttributeValue> }).M;
  return {
    Records: records(
      c.options.count,
      (index) =>
        ({
          eventID: fixedId(nth(`dynamodb:${table}`, index)).replace(/-/g, ""),
          eventName: "INSERT",
          eventVersion: "1.1",
          eventSource: "aws:dynamodb",
          awsRegion: c.region,
          dynamodb: {
            ApproximateCreationDateTime: Math.floor(c.time.getTime() / 1000),
            Keys: keys,
            NewImage: newImage,
            SequenceNumber: String(111000000000000000000001n + BigInt(index)),
            // An approximation: DynamoDB counts attribute names and values.
            SizeBytes: Buffer.byteLength(JSON.stringify(item)),
            StreamViewType: "NEW_AND_OLD_IMAGES",
          },
          eventSourceARN: `arn:aws:dynamodb:${c.region}:${ACCOUNT_ID}:table/${table}/stream/2024-01-01T00:00:00.000`,
        }) satisfies DynamoDBRecord,
    ),
  } satisfies DynamoDBStreamEvent;
}

function parseItem(body: string | undefined): Record<string, unknown> {
  if (body === undefined) return { Id: 101, Message: "New item!" };
  return parseJsonOption(body, "the item", true) as Record<string, unknown>;
}

export function kinesisEvent(c: EventContext): object {
  const stream = c.options.stream ?? "example-stream";
  const data = c.options.body ?? "Hello from Kinesis!";
  return {
    Records: records(c.options.count, (index) => {
      // Sequence numbers grow within a shard, as a batch's records come in order.
      const sequenceNumber = String(FIRST_SEQUENCE + BigInt(index));
      return {
        kinesis: {
          kinesisSchemaVersion: "1.0",
          partitionKey: "partition-1",
          sequenceNumber,
          data: Buffer.from(data).toString("base64"),
          approximateArrivalTimestamp: c.time.getTime() / 1000,
        },
        eventSource: "aws:kinesis",
        eventVersion: "1.0",
        eventID: `shardId-000000000000:${sequenceNumber}`,
        eventName: "aws:kinesis:record",
        invokeIdentityArn: `arn:aws:iam::${ACCOUNT_ID}:role/lambda-kinesis-role`,
        awsRegion: c.region,
        eventSourceARN: `arn:aws:kinesis:${c.region}:${ACCOUNT_ID}:stream/${stream}`,
      } satisfies KinesisStreamRecord;
    }),
  } satisfies KinesisStreamEvent;
}

const FIRST_SEQUENCE = 49590338271490256608559692538361571095921575989136588898n;
