// EventBridge events (EventBridgeEvent): a scheduled rule's event and a
// custom event with its source, detail-type and detail.
import type { EventBridgeEvent, ScheduledEvent } from "aws-lambda";
import { fixedId, parseJsonOption } from "./sample-values.js";
import type { EventContext } from "./sample-event.js";
import { ACCOUNT_ID } from "../environment.js";

export function scheduleEvent(c: EventContext): object {
  return envelope(c, "Scheduled Event", "aws.events", {}, [`arn:aws:events:${c.region}:${ACCOUNT_ID}:rule/example-schedule`]) satisfies ScheduledEvent;
}

export function eventBridgeEvent(c: EventContext): object {
  const detail = c.options.body === undefined ? { orderId: "1234", status: "created" } : parseJsonOption(c.options.body, "the detail", false);
  return envelope(c, c.options.detailType ?? "Order Created", c.options.source ?? "com.example.orders", detail, []);
}

function envelope<T extends string>(c: EventContext, detailType: T, source: string, detail: unknown, resources: string[]) {
  return {
    version: "0",
    id: fixedId(`eventbridge:${source}:${detailType}`),
    "detail-type": detailType,
    source,
    account: ACCOUNT_ID,
    // EventBridge times have no milliseconds.
    time: c.time.toISOString().replace(/\.\d{3}Z$/, "Z"),
    region: c.region,
    resources,
    detail,
  } satisfies EventBridgeEvent<T, unknown>;
}
