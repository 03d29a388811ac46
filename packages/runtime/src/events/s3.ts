// S3 event notifications (ObjectCreated:Put, ObjectRemoved:Delete) as
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
// and @types/aws-lambda's S3Event describe them.
import type { S3Event, S3EventRecord } from "aws-lambda";
import { md5Hex } from "./sample-values.js";
import type { EventContext } from "./sample-event.js";

// A delete's object has no size or eTag: S3 sends none, while the types
// declare them on every record.
type S3DeleteObject = Omit<S3EventRecord["s3"]["object"], "size" | "eTag">;
interface S3DeleteEvent {
  Records: Array<Omit<S3EventRecord, "s3"> & { s3: Omit<S3EventRecord["s3"], "object"> & { object: S3DeleteObject } }>;
}

/** Keys in S3 events are URL-encoded with spaces as "+" (slashes kept). */
export function encodeS3Key(key: string): string {
  return encodeURIComponent(key).replace(/%2F/g, "/").replace(/%20/g, "+");
}

export function s3Event(kind: "put" | "delete", c: EventContext): object {
  const bucket = c.options.bucket ?? "example-bucket";
  const key = encodeS3Key(c.options.key ?? "incoming/example.json");
  const body = c.options.body ?? '{"hello":"world"}';
  const sequencer = "0A1B2C3D4E5F678901";
  if (kind === "delete") return { Records: [s3Record(c, bucket, "ObjectRemoved:Delete", { key, sequencer })] } satisfies S3DeleteEvent;
  const object = { key, size: Buffer.byteLength(body), eTag: md5Hex(body), sequencer } satisfies S3EventRecord["s3"]["object"];
  return { Records: [s3Record(c, bucket, "ObjectCreated:Put", object)] } satisfies S3Event;
}

function s3Record<O extends S3DeleteObject>(c: EventContext, bucket: string, eventName: string, object: O) {
  return {
    eventVersion: "2.1",
    eventSource: "aws:s3",
    awsRegion: c.region,
    eventTime: c.time.toISOString(),
    eventName,
    userIdentity: { principalId: "AWS:AIDAINPONIXQXHT3IKHL2" },
    requestParameters: { sourceIPAddress: "127.0.0.1" },
    responseElements: { "x-amz-request-id": "C3D13FE58DE4C810", "x-amz-id-2": "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD" },
    s3: {
      s3SchemaVersion: "1.0",
      configurationId: "closure-pack-sample",
      bucket: { name: bucket, ownerIdentity: { principalId: "A3NL1KOZZKExample" }, arn: `arn:aws:s3:::${bucket}` },
      object,
    },
  } satisfies S3DeleteEvent["Records"][number];
}
