// The payload S3 sends a subscribed function, as @types/aws-lambda has it,
// under the names Pulumi's users know.
import type { Context, S3Event, S3EventRecord } from "aws-lambda";

export type BucketEvent = S3Event;
export type BucketRecord = S3EventRecord;
export type BucketEventHandler = (event: BucketEvent, context: Context) => unknown;

/** onObjectCreated's `event`: which creations fire. */
export type ObjectCreatedEvent = "*" | "Put" | "Post" | "Copy" | "CompleteMultipartUpload";
/** onObjectRemoved's `event`: which removals fire. */
export type ObjectRemovedEvent = "*" | "Delete" | "DeleteMarkerCreated";

export interface SubscriptionFilter {
  filterPrefix?: string;
  filterSuffix?: string;
}

export interface ObjectCreatedArgs extends SubscriptionFilter {
  event?: ObjectCreatedEvent;
}

export interface ObjectRemovedArgs extends SubscriptionFilter {
  event?: ObjectRemovedEvent;
}

/** onEvent's arguments: S3 event names such as "s3:ObjectCreated:*". */
export interface BucketEventArgs extends SubscriptionFilter {
  events: string[];
}

export const CREATED_EVENTS: readonly ObjectCreatedEvent[] = ["*", "Put", "Post", "Copy", "CompleteMultipartUpload"];
export const REMOVED_EVENTS: readonly ObjectRemovedEvent[] = ["*", "Delete", "DeleteMarkerCreated"];

/** The S3 event names a notification configuration may list. */
export const S3_EVENT_NAMES: readonly string[] = [
  "s3:ObjectCreated:*",
  ...CREATED_EVENTS.slice(1).map((e) => `s3:ObjectCreated:${e}`),
  "s3:ObjectRemoved:*",
  ...REMOVED_EVENTS.slice(1).map((e) => `s3:ObjectRemoved:${e}`),
  "s3:ObjectRestore:*",
  "s3:ObjectRestore:Post",
  "s3:ObjectRestore:Completed",
  "s3:ObjectRestore:Delete",
  "s3:ReducedRedundancyLostObject",
  "s3:Replication:*",
  "s3:ObjectTagging:*",
  "s3:ObjectTagging:Put",
  "s3:ObjectTagging:Delete",
  "s3:ObjectAcl:Put",
  "s3:LifecycleExpiration:*",
  "s3:LifecycleExpiration:Delete",
  "s3:LifecycleExpiration:DeleteMarkerCreated",
  "s3:LifecycleTransition",
  "s3:IntelligentTiering",
];
