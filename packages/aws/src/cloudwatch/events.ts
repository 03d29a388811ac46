// The payload EventBridge sends a rule's function, as @types/aws-lambda has
// it, under the names Pulumi's users know.
import type { Context, EventBridgeEvent, ScheduledEvent } from "aws-lambda";

export type EventRuleEvent<TDetail = unknown> = EventBridgeEvent<string, TDetail>;
export type ScheduleEvent = ScheduledEvent;
export type EventRuleEventHandler = (event: EventRuleEvent, context: Context) => void | Promise<void>;
