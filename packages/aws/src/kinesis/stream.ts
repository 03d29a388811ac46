// kinesis.Stream: a data stream (physical name `<name>-<7 hex>` unless
// `name` is given; a new name, shard count or mode replaces it) with
// @pulumi/aws's arguments, outputs name and arn, and its subscription:
// onEvent reads every shard through an event source mapping.
import { checkInteger, checkObject, checkString, checkTags, defined, invalidArgument } from "../core/check.js";
import type { Input, Output } from "../core/output.js";
import { Resource, type ResourceOptions } from "../core/resource.js";
import { TYPES, type Tags } from "../core/types.js";
import type { Handler } from "../lambda/handler.js";
import type { StreamEvent, StreamEventSubscriptionArgs } from "./events.js";
import { subscribeStream, type StreamEventSubscription } from "./subscription.js";

export interface StreamArgs {
  /** The stream's name; default `<name>-<7 hex>`. */
  name?: Input<string>;
  /** Shards of a PROVISIONED stream, 1 to 1,000; required unless streamModeDetails is ON_DEMAND. */
  shardCount?: number;
  /** Hours records are kept, 24 to 8,760. Default 24. */
  retentionPeriod?: number;
  streamModeDetails?: { streamMode: "PROVISIONED" | "ON_DEMAND" };
  tags?: Tags;
}

export class Stream extends Resource {
  readonly name: Output<string>;
  readonly arn: Output<string>;

  constructor(name: string, args: StreamArgs, options: ResourceOptions = {}) {
    const read = (options as { readId?: unknown }).readId !== undefined;
    super(TYPES.stream, name, read ? {} : streamInputs(name, args), options, ["name", "arn"]);
    this.name = this.output("name");
    this.arn = this.output("arn");
  }

  /** The existing stream named `id`, read and never changed. */
  static get(name: string, id: Input<string>): Stream {
    return new Stream(name, {}, { readId: id } as ResourceOptions);
  }

  /** Runs `handler` with batches of the stream's records, per shard in order (Lambda reads it through an event source mapping). */
  onEvent(name: string, handler: Handler<StreamEvent>, args: StreamEventSubscriptionArgs): StreamEventSubscription {
    return subscribeStream(this, name, handler, args);
  }
}

function streamInputs(name: string, args: StreamArgs): Record<string, unknown> {
  const type = TYPES.stream;
  const given = checkObject(type, name, args) as StreamArgs;
  checkString(type, name, "name", given.name);
  checkTags(type, name, given.tags);
  const mode = given.streamModeDetails?.streamMode ?? "PROVISIONED";
  if (mode !== "PROVISIONED" && mode !== "ON_DEMAND")
    throw invalidArgument(type, name, `"streamModeDetails.streamMode" must be "PROVISIONED" or "ON_DEMAND", got ${JSON.stringify(mode)}`);
  if (mode === "PROVISIONED" && given.shardCount === undefined)
    throw invalidArgument(
      type,
      name,
      `"shardCount" is required for a PROVISIONED stream`,
      'set shardCount (e.g. 1), or streamModeDetails: { streamMode: "ON_DEMAND" }',
    );
  if (mode === "ON_DEMAND" && given.shardCount !== undefined)
    throw invalidArgument(type, name, `"shardCount" applies to PROVISIONED streams only`, "leave shardCount out: an ON_DEMAND stream scales its shards itself");
  checkInteger(type, name, "shardCount", given.shardCount, 1, 1000);
  checkInteger(type, name, "retentionPeriod", given.retentionPeriod, 24, 8760);
  return defined({ name: given.name, shardCount: given.shardCount, streamMode: mode, retentionPeriod: given.retentionPeriod ?? 24, tags: given.tags });
}
