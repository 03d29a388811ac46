// aws.cloudwatch
export { EventRule, type EventRuleArgs } from "./event-rule.js";
export { EventTarget, type EventTargetArgs } from "./event-target.js";
export { onSchedule } from "./on-schedule.js";
export type { EventRuleEventSubscription } from "./subscription.js";
export type { EventRuleEvent, ScheduleEvent, EventRuleEventHandler } from "./events.js";
export { LogGroup, type LogGroupArgs } from "./log-group.js";
export { LogSubscriptionFilter, type LogSubscriptionFilterArgs } from "./log-subscription-filter.js";
export type { LogGroupEventSubscription } from "./log-subscription.js";
export type {
  LogGroupEvent,
  DecodedLogGroupEvent,
  LogGroupLogEvent,
  LogGroupEventHandler,
  DecodedLogGroupEventHandler,
  LogGroupEventSubscriptionArgs,
} from "./log-events.js";
