// cloudwatch.onSchedule: a rule with a schedule expression and a handler
// subscribed to it, both named `name`.
import type { Handler } from "../lambda/handler.js";
import { EventRule } from "./event-rule.js";
import type { EventRuleEvent, ScheduleEvent } from "./events.js";
import type { EventRuleEventSubscription } from "./subscription.js";

/** Runs `handler` on the schedule (`rate(5 minutes)`, `cron(0 12 * * ? *)`), as a rule named `name`. */
export function onSchedule(name: string, scheduleExpression: string, handler: Handler<ScheduleEvent>): EventRuleEventSubscription {
  // A scheduled event is an EventRuleEvent with detail-type "Scheduled Event" and an empty detail.
  return new EventRule(name, { scheduleExpression }).onEvent(name, handler as unknown as Handler<EventRuleEvent>);
}
