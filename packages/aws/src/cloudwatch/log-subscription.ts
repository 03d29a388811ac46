// logGroup.onEvent and onDecodedEvent: a handler CloudWatch Logs invokes
// asynchronously (Lambda's retries apply) with the events a filter pattern
// matches, through a lambda.Permission for logs.amazonaws.com on this group
// only (source ARN `<group ARN>:*`, as CloudWatch Logs invokes with it) and
// the group's LogSubscriptionFilter after it. The role needs nothing beyond
// the function's own logs: CloudWatch pushes, the function reads nothing.
// onDecodedEvent wraps the closure in one that gunzips and parses the data
// inside the function. A function subscribed to its own group is refused
// when the plan is made (the provider's check), as AWS refuses it.
import { gunzipSync } from "node:zlib";
import { invalidArgument } from "../core/check.js";
import { descriptorOf } from "../core/registry.js";
import { TYPES } from "../core/types.js";
import type { Callback } from "../lambda/callback-function.js";
import { toFunction, type FunctionLike, type Handler } from "../lambda/handler.js";
import { Permission } from "../lambda/permission.js";
import type { DecodedLogGroupEvent, LogGroupEvent, LogGroupEventSubscriptionArgs } from "./log-events.js";
import type { LogGroup } from "./log-group.js";
import { checkFilterPattern, LogSubscriptionFilter } from "./log-subscription-filter.js";

/** What a subscription made: the function, its permission and the subscription filter. */
export interface LogGroupEventSubscription {
  func: FunctionLike;
  permission: Permission;
  logSubscriptionFilter: LogSubscriptionFilter;
}

export function subscribeLogGroup(
  group: LogGroup,
  name: string,
  handler: Handler<LogGroupEvent> | Callback<DecodedLogGroupEvent>,
  args: LogGroupEventSubscriptionArgs,
  decode: boolean,
): LogGroupEventSubscription {
  const groupName = descriptorOf(group)!.name;
  const method = decode ? "onDecodedEvent" : "onEvent";
  const refuse = (problem: string, hint?: string) => invalidArgument(TYPES.logGroup, groupName, `${method} "${name}": ${problem}`, hint);
  if (typeof args !== "object" || args === null) throw refuse("the subscription's arguments must be an object");
  const filterPattern = checkFilterPattern(args.filterPattern ?? "", refuse);
  if (decode && typeof handler !== "function")
    throw refuse(
      "the handler must be a closure: the decoding runs inside it",
      "pass (event) => {...}, or use onEvent with a lambda.Function and decode event.awslogs.data there",
    );
  const func = toFunction(name, decode ? decoding(handler as Callback<DecodedLogGroupEvent>) : (handler as Handler<LogGroupEvent>));
  const permission = new Permission(name, { function: func, principal: "logs.amazonaws.com", sourceArn: group.arn.apply((arn) => `${arn}:*`) });
  // An event written between the two would be lost: CloudWatch Logs refuses a filter whose function does not allow it.
  const logSubscriptionFilter = new LogSubscriptionFilter(name, { logGroup: group, destinationArn: func.arn, filterPattern }, { dependsOn: permission });
  return { func, permission, logSubscriptionFilter };
}

/** The handler the function runs for onDecodedEvent: the payload gunzipped and parsed, then the user's handler. */
function decoding(handler: Callback<DecodedLogGroupEvent>): Callback<LogGroupEvent> {
  return (event, context) => handler(JSON.parse(gunzipSync(Buffer.from(event.awslogs.data, "base64")).toString("utf8")) as DecodedLogGroupEvent, context);
}
