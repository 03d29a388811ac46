// s3.Bucket: a bucket (physical name `<name>-<7 hex>`, lowercase, unless
// `bucket` is given; changing `bucket` replaces it) and its subscriptions:
// onObjectCreated / onObjectRemoved / onEvent turn a handler into a function,
// a permission for S3 to invoke it, and an entry of the bucket's one
// notification configuration.
import { callSite } from "../core/call-site.js";
import { checkObject, checkString, checkTags, defined, invalidArgument } from "../core/check.js";
import { contextOutput, type Input, type Output } from "../core/output.js";
import { descriptorOf, registry, resourceKey } from "../core/registry.js";
import { Resource, type ResourceOptions } from "../core/resource.js";
import { TYPES, type Tags } from "../core/types.js";
import { toFunction, type Handler } from "../lambda/handler.js";
import { Permission } from "../lambda/permission.js";
import { BucketNotification } from "./bucket-notification.js";
import {
  CREATED_EVENTS,
  REMOVED_EVENTS,
  S3_EVENT_NAMES,
  type BucketEvent,
  type BucketEventArgs,
  type ObjectCreatedArgs,
  type ObjectRemovedArgs,
} from "./events.js";

export interface BucketArgs {
  /** The bucket's name; default `<name>-<7 hex>`. Changing it replaces the bucket. */
  bucket?: Input<string>;
  /** Delete the objects when the bucket is deleted. Default false: a bucket with objects is kept and reported. */
  forceDestroy?: boolean;
  tags?: Tags;
}

/** What a subscription made: the function and its permission. */
export interface BucketEventSubscription {
  func: { name: Output<string>; arn: Output<string> };
  permission: Permission;
}

export class Bucket extends Resource {
  /** The bucket's name. */
  readonly bucketName: Output<string>;
  /** Same as bucketName (Pulumi's name for it). */
  readonly bucket: Output<string>;
  readonly arn: Output<string>;

  constructor(name: string, args?: BucketArgs, options: ResourceOptions = {}) {
    const given = checkObject(TYPES.bucket, name, args) as BucketArgs;
    checkString(TYPES.bucket, name, "bucket", given.bucket);
    checkTags(TYPES.bucket, name, given.tags);
    if (given.forceDestroy !== undefined && typeof given.forceDestroy !== "boolean")
      throw invalidArgument(TYPES.bucket, name, `"forceDestroy" must be true or false`);
    super(TYPES.bucket, name, defined({ bucket: given.bucket, forceDestroy: given.forceDestroy ?? false, tags: given.tags }), options, ["bucketName", "arn"]);
    this.bucketName = this.output("bucketName");
    this.bucket = this.bucketName;
    this.arn = this.output("arn");
  }

  /** The existing bucket named `id`: read, never changed or deleted; subscriptions merge with its notifications. */
  static get(name: string, id: Input<string>): Bucket {
    return new Bucket(name, {}, { readId: id } as ResourceOptions);
  }

  /** Runs `handler` when objects are created (event "*" by default). */
  onObjectCreated(name: string, handler: Handler<BucketEvent>, args: ObjectCreatedArgs = {}): BucketEventSubscription {
    const event = args.event ?? "*";
    if (!CREATED_EVENTS.includes(event))
      throw invalidArgument(
        TYPES.bucket,
        descriptorOf(this)!.name,
        `onObjectCreated "${name}": "event" must be one of ${CREATED_EVENTS.map((e) => `"${e}"`).join(", ")}, got ${JSON.stringify(event)}`,
      );
    return this.subscribe(name, handler, [`s3:ObjectCreated:${event}`], args);
  }

  /** Runs `handler` when objects are removed (event "*" by default). */
  onObjectRemoved(name: string, handler: Handler<BucketEvent>, args: ObjectRemovedArgs = {}): BucketEventSubscription {
    const event = args.event ?? "*";
    if (!REMOVED_EVENTS.includes(event))
      throw invalidArgument(
        TYPES.bucket,
        descriptorOf(this)!.name,
        `onObjectRemoved "${name}": "event" must be one of ${REMOVED_EVENTS.map((e) => `"${e}"`).join(", ")}, got ${JSON.stringify(event)}`,
      );
    return this.subscribe(name, handler, [`s3:ObjectRemoved:${event}`], args);
  }

  /** Runs `handler` for the S3 event names listed (e.g. "s3:ObjectCreated:*"). */
  onEvent(name: string, handler: Handler<BucketEvent>, args: BucketEventArgs): BucketEventSubscription {
    const events = (args as Partial<BucketEventArgs> | undefined)?.events;
    const unknown = Array.isArray(events) ? events.find((e) => !S3_EVENT_NAMES.includes(e)) : undefined;
    if (!Array.isArray(events) || events.length === 0 || unknown !== undefined) {
      throw invalidArgument(
        TYPES.bucket,
        descriptorOf(this)!.name,
        `onEvent "${name}": "events" must list S3 event names${unknown === undefined ? "" : `, got ${JSON.stringify(unknown)}`}`,
        `events: ["s3:ObjectCreated:*"]`,
      );
    }
    return this.subscribe(name, handler, events, args);
  }

  private subscribe(
    name: string,
    handler: Handler<BucketEvent>,
    events: string[],
    filter: { filterPrefix?: string; filterSuffix?: string },
  ): BucketEventSubscription {
    const declaredAt = callSite();
    const func = toFunction(name, handler);
    const permission = new Permission(name, {
      function: func,
      principal: "s3.amazonaws.com",
      sourceArn: this.arn,
      sourceAccount: contextOutput("accountId"),
    });
    const entry = defined({ id: name, lambdaFunctionArn: func.arn, events, filterPrefix: filter.filterPrefix, filterSuffix: filter.filterSuffix });
    notificationOf(this).addLambda(entry as { id: string; lambdaFunctionArn: Output<string>; events: string[] }, declaredAt, permission);
    return { func, permission };
  }
}

/** The bucket's one notification, named after the bucket, made at its first subscription. */
function notificationOf(bucket: Bucket): BucketNotification {
  const name = descriptorOf(bucket)!.name;
  const existing = registry().byKey.get(resourceKey(TYPES.bucketNotification, name));
  if (existing !== undefined && descriptorOf(existing)!.inputs.bucket === bucket.bucketName) return existing as BucketNotification;
  return new BucketNotification(name, { bucket: bucket.bucketName });
}
