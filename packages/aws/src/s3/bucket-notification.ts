// s3.BucketNotification: the one notification configuration of a bucket.
// Every subscription of a bucket in the program joins its one notification
// (notificationOf), checked for overlaps as AWS checks them, when declared.
import { checkObject, invalidArgument } from "../core/check.js";
import type { Input, Output } from "../core/output.js";
import { descriptorOf } from "../core/registry.js";
import { Resource, type ResourceOptions } from "../core/resource.js";
import { TYPES } from "../core/types.js";
import { AwsError } from "../errors.js";
import { configurationsOverlap } from "./overlap.js";

export interface LambdaFunctionNotification {
  /** The entry's Id in the configuration; default the subscription's name. */
  id?: string;
  lambdaFunctionArn: Input<string>;
  events: string[];
  filterPrefix?: Input<string>;
  filterSuffix?: Input<string>;
}

export interface BucketNotificationArgs {
  /** The bucket's name. */
  bucket: Input<string>;
  lambdaFunctions?: LambdaFunctionNotification[];
}

/** file:line of each entry's declaration, for overlap messages. */
const DECLARED = Symbol("declared");

export class BucketNotification extends Resource {
  readonly bucket: Output<string>;

  constructor(name: string, args: BucketNotificationArgs, options: ResourceOptions = {}) {
    const given = checkObject(TYPES.bucketNotification, name, args) as Partial<BucketNotificationArgs>;
    if (given.bucket === undefined) throw invalidArgument(TYPES.bucketNotification, name, `"bucket" is required`);
    super(TYPES.bucketNotification, name, { bucket: given.bucket, lambdaFunctions: [] }, options, ["bucket"]);
    this.bucket = this.output("bucket");
    (given.lambdaFunctions ?? []).forEach((entry, i) => this.addLambda({ id: entry.id ?? `${name}-${i}`, ...entry }, ""));
  }

  /** The notification configuration of the existing bucket `id`, read and never changed. */
  static get(name: string, id: Input<string>): BucketNotification {
    return new BucketNotification(name, { bucket: "" }, { readId: id } as ResourceOptions);
  }

  /** Adds an entry; one overlapping an earlier entry is refused, naming both. */
  addLambda(entry: LambdaFunctionNotification & { id: string }, declaredAt: string, dependsOn?: object): void {
    const list = descriptorOf(this)!.inputs.lambdaFunctions as Array<LambdaFunctionNotification & { [DECLARED]?: string }>;
    for (const other of list) {
      if (other.id === entry.id || configurationsOverlap(other, entry)) {
        const what = other.id === entry.id ? "has the same id as" : "overlaps";
        throw new AwsError(
          "OVERLAPPING_SUBSCRIPTIONS",
          declaredAt || `${TYPES.bucketNotification} "${descriptorOf(this)!.name}"`,
          `subscription "${entry.id}" ${what} subscription "${other.id}"${other[DECLARED] ? ` (declared at ${other[DECLARED]})` : ""}: the same event type with overlapping prefix/suffix filters`,
          {
            hint: "AWS refuses overlapping notifications on one bucket: use distinct events or non-overlapping filterPrefix/filterSuffix",
          },
        );
      }
    }
    const stored: LambdaFunctionNotification & { [DECLARED]?: string } = {
      id: entry.id,
      lambdaFunctionArn: entry.lambdaFunctionArn,
      events: [...entry.events],
    };
    if (entry.filterPrefix !== undefined) stored.filterPrefix = entry.filterPrefix;
    if (entry.filterSuffix !== undefined) stored.filterSuffix = entry.filterSuffix;
    Object.defineProperty(stored, DECLARED, { value: declaredAt, enumerable: false });
    list.push(stored);
    if (dependsOn !== undefined) descriptorOf(this)!.dependsOn.push(dependsOn);
  }
}
