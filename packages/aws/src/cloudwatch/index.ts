// aws.cloudwatch
export { EventRule, type EventRuleArgs } from "./event-rule.js";
export { EventTarget, type EventTargetArgs } from "./event-target.js";
export { onSchedule } from "./on-schedule.js";
export type { EventRuleEventSubscription } from "./subscription.js";
export type { EventRuleEvent, ScheduleEvent, EventRuleEventHandler } from "./events.js";
