// The event records S3 sends for a change to an object: which configurations
// of the bucket a change matches (event type, wildcards, the key filter) and
// the record each gets, shaped as
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
// A pure function of the change and the configuration: delivery is notifier.ts.
import { encodeS3Key } from "@closure-pack/runtime";
import type { NotificationConfig, NotificationRule } from "./notification-config.js";

export type ObjectEventName =
  | "ObjectCreated:Put"
  | "ObjectCreated:Post"
  | "ObjectCreated:Copy"
  | "ObjectCreated:CompleteMultipartUpload"
  | "ObjectRemoved:Delete"
  | "ObjectRemoved:DeleteMarkerCreated";

/** A change to one object, with the request that made it. */
export interface ObjectChange {
  name: ObjectEventName;
  bucket: string;
  region: string;
  key: string;
  /** Creations only. */
  size?: number;
  eTag?: string;
  versionId?: string;
  /** Milliseconds since the epoch (the cloud's clock). */
  time: number;
  /** 18 hex digits, growing with every change to the key. */
  sequencer: string;
  requestId: string;
  hostId: string;
  sourceIp: string;
  /** `AWS:<access key id>` of the caller, or `Anonymous`. */
  principalId: string;
}

/** One record of the `Records` array S3 sends. */
export interface S3EventRecord {
  eventVersion: "2.1";
  eventSource: "aws:s3";
  awsRegion: string;
  eventTime: string;
  eventName: ObjectEventName;
  userIdentity: { principalId: string };
  requestParameters: { sourceIPAddress: string };
  responseElements: { "x-amz-request-id": string; "x-amz-id-2": string };
  s3: {
    s3SchemaVersion: "1.0";
    configurationId: string;
    bucket: { name: string; ownerIdentity: { principalId: string }; arn: string };
    object: { key: string; size?: number; eTag?: string; versionId?: string; sequencer: string };
  };
}

/** A record and the configuration (destination) it goes to. */
export interface Delivery {
  rule: NotificationRule;
  record: S3EventRecord;
}

/** The bucket owner's id in records (the local cloud has one account). */
export const OWNER_PRINCIPAL_ID = "A3CLOSUREPACKLOCAL";

/** True when configured type (`s3:ObjectCreated:*`) covers the event (`ObjectCreated:Put`). */
export function eventMatches(configured: string, event: ObjectEventName): boolean {
  const full = `s3:${event}`;
  return configured === full || (configured.endsWith(":*") && full.startsWith(configured.slice(0, -1)));
}

/**
 * Whether a key passes a configuration's filter. S3 compares the prefix and
 * suffix with the key as events carry it (URL-encoded, `+` for a space),
 * which is why AWS asks for special characters in filters to be encoded.
 */
export function keyMatches(rule: Pick<NotificationRule, "prefix" | "suffix">, key: string): boolean {
  const encoded = encodeS3Key(key);
  return encoded.startsWith(rule.prefix ?? "") && encoded.endsWith(rule.suffix ?? "");
}

/** The records a change produces: one per matching configuration. */
export function deliveriesFor(config: NotificationConfig | undefined, change: ObjectChange): Delivery[] {
  if (config === undefined) return [];
  return config.rules
    .filter((rule) => rule.events.some((event) => eventMatches(event, change.name)) && keyMatches(rule, change.key))
    .map((rule) => ({ rule, record: recordFor(rule.id, change) }));
}

export function recordFor(configurationId: string, change: ObjectChange): S3EventRecord {
  // Key order as AWS writes it: key, size, eTag, versionId, sequencer.
  const object: S3EventRecord["s3"]["object"] = {
    key: encodeS3Key(change.key),
    ...(change.size === undefined ? {} : { size: change.size }),
    ...(change.eTag === undefined ? {} : { eTag: change.eTag }),
    ...(change.versionId === undefined ? {} : { versionId: change.versionId }),
    sequencer: change.sequencer,
  };
  return {
    eventVersion: "2.1",
    eventSource: "aws:s3",
    awsRegion: change.region,
    eventTime: new Date(change.time).toISOString(),
    eventName: change.name,
    userIdentity: { principalId: change.principalId },
    requestParameters: { sourceIPAddress: change.sourceIp },
    responseElements: { "x-amz-request-id": change.requestId, "x-amz-id-2": change.hostId },
    s3: {
      s3SchemaVersion: "1.0",
      configurationId,
      bucket: { name: change.bucket, ownerIdentity: { principalId: OWNER_PRINCIPAL_ID }, arn: `arn:aws:s3:::${change.bucket}` },
      object,
    },
  };
}

/** The sequencer of a change: a counter as 18 upper-case hex digits, so later changes sort after earlier ones. */
export function formatSequencer(sequence: number): string {
  return sequence.toString(16).toUpperCase().padStart(18, "0");
}
