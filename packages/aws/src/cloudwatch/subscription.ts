// rule.onEvent and cloudwatch.onSchedule: a handler EventBridge invokes
// asynchronously (Lambda's retries apply) for a rule, through a
// lambda.Permission for events.amazonaws.com on that rule only, and the
// rule's EventTarget after it; the function's role needs nothing beyond its
// own logs (EventBridge pushes, the function reads nothing).
import { toFunction, type FunctionLike, type Handler } from "../lambda/handler.js";
import { Permission } from "../lambda/permission.js";
import type { EventRule } from "./event-rule.js";
import { EventTarget } from "./event-target.js";
import type { EventRuleEvent } from "./events.js";

/** What a subscription made: the rule, the function, its permission and the target. */
export interface EventRuleEventSubscription {
  rule: EventRule;
  func: FunctionLike;
  permission: Permission;
  target: EventTarget;
}

export function subscribeRule(rule: EventRule, name: string, handler: Handler<EventRuleEvent>): EventRuleEventSubscription {
  const func = toFunction(name, handler);
  const permission = new Permission(name, { function: func, principal: "events.amazonaws.com", sourceArn: rule.arn });
  // An event matched between the two would be dropped: EventBridge finds no permission.
  const target = new EventTarget(name, { rule, arn: func.arn }, { dependsOn: permission });
  return { rule, func, permission, target };
}
