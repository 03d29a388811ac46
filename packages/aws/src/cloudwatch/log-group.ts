// cloudwatch.LogGroup: a CloudWatch Logs group (physical name `<name>-<7 hex>`
// unless `name` is given; a new name or class replaces it), outputs name and
// arn (without the `:*` some APIs add). A function's own group is
// `/aws/lambda/<function name>`: declare it with that name (to set its
// retention, or subscribe to it) or read it with get(). onEvent and
// onDecodedEvent subscribe a handler (log-subscription.ts).
import { checkObject, checkString, checkTags, defined, invalidArgument } from "../core/check.js";
import { isOutput, type Input, type Output } from "../core/output.js";
import { Resource, type ResourceOptions } from "../core/resource.js";
import { TYPES, type Tags } from "../core/types.js";
import type { Handler } from "../lambda/handler.js";
import type { Callback } from "../lambda/callback-function.js";
import type { DecodedLogGroupEvent, LogGroupEvent, LogGroupEventSubscriptionArgs } from "./log-events.js";
import { subscribeLogGroup, type LogGroupEventSubscription } from "./log-subscription.js";

export interface LogGroupArgs {
  /** The group's name; default `<name>-<7 hex>`. `/aws/lambda/<function>` is that function's own group. */
  name?: Input<string>;
  /** Days events are kept (CloudWatch's values: 1, 3, 5, 7, 14, 30, 60, 90 … 3653); default forever. */
  retentionInDays?: number;
  kmsKeyId?: Input<string>;
  /** Default "STANDARD". */
  logGroupClass?: "STANDARD" | "INFREQUENT_ACCESS" | "DELIVERY";
  /** Leave the group (and its events) in place on destroy. */
  skipDestroy?: boolean;
  tags?: Tags;
}

/** The retention periods CloudWatch Logs accepts, in days. */
export const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
const CLASSES = ["STANDARD", "INFREQUENT_ACCESS", "DELIVERY"];

export class LogGroup extends Resource {
  readonly name: Output<string>;
  readonly arn: Output<string>;

  constructor(name: string, args?: LogGroupArgs, options: ResourceOptions = {}) {
    const read = (options as { readId?: unknown }).readId !== undefined;
    super(TYPES.logGroup, name, read ? {} : groupInputs(name, checkObject(TYPES.logGroup, name, args) as LogGroupArgs), options, ["name", "arn"]);
    this.name = this.output("name");
    this.arn = this.output("arn");
  }

  /** The existing group named `id` (`/aws/lambda/<function>` for a function's), read and never changed. */
  static get(name: string, id: Input<string>): LogGroup {
    return new LogGroup(name, {}, { readId: id } as ResourceOptions);
  }

  /** Runs `handler` with the events `filterPattern` matches, as CloudWatch Logs sends them ({ awslogs: { data } }, gzip + base64); invoked asynchronously. */
  onEvent(name: string, handler: Handler<LogGroupEvent>, args: LogGroupEventSubscriptionArgs = {}): LogGroupEventSubscription {
    return subscribeLogGroup(this, name, handler, args, false);
  }

  /** As onEvent, but the handler (a closure) gets the decoded payload: { logGroup, logStream, logEvents: [{ id, timestamp, message }], … }. */
  onDecodedEvent(name: string, handler: Callback<DecodedLogGroupEvent>, args: LogGroupEventSubscriptionArgs = {}): LogGroupEventSubscription {
    return subscribeLogGroup(this, name, handler, args, true);
  }
}

function groupInputs(name: string, given: LogGroupArgs): Record<string, unknown> {
  const type = TYPES.logGroup;
  checkString(type, name, "name", given.name);
  checkString(type, name, "kmsKeyId", given.kmsKeyId);
  checkTags(type, name, given.tags);
  if (typeof given.name === "string" && !/^[.\-_/#A-Za-z0-9]{1,512}$/.test(given.name)) {
    throw invalidArgument(
      type,
      name,
      `"name" may hold letters, digits, ".", "-", "_", "/" and "#" only (1 to 512 characters), got ${JSON.stringify(given.name)}`,
    );
  }
  const days = given.retentionInDays;
  if (days !== undefined && !isOutput(days) && !RETENTION_DAYS.includes(days)) {
    throw invalidArgument(
      type,
      name,
      `"retentionInDays" must be one of CloudWatch's periods, got ${JSON.stringify(days)}`,
      `one of ${RETENTION_DAYS.join(", ")}; leave it out to keep events forever`,
    );
  }
  if (given.logGroupClass !== undefined && !CLASSES.includes(given.logGroupClass)) {
    throw invalidArgument(type, name, `"logGroupClass" must be one of ${CLASSES.join(", ")}, got ${JSON.stringify(given.logGroupClass)}`);
  }
  if (given.skipDestroy !== undefined && typeof given.skipDestroy !== "boolean") throw invalidArgument(type, name, `"skipDestroy" must be true or false`);
  return defined({
    name: given.name,
    retentionInDays: days,
    kmsKeyId: given.kmsKeyId,
    logGroupClass: given.logGroupClass,
    skipDestroy: given.skipDestroy,
    tags: given.tags,
  });
}
