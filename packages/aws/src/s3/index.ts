// aws.s3
export { Bucket, type BucketArgs, type BucketEventSubscription } from "./bucket.js";
export { BucketNotification, type BucketNotificationArgs, type LambdaFunctionNotification } from "./bucket-notification.js";
export type {
  BucketEvent,
  BucketRecord,
  BucketEventHandler,
  BucketEventArgs,
  ObjectCreatedArgs,
  ObjectRemovedArgs,
  ObjectCreatedEvent,
  ObjectRemovedEvent,
} from "./events.js";
