// What a matched or scheduled event becomes: the EventBridge envelope
// (version, id, detail-type, source, account, time, region, resources,
// detail), delivered to each Lambda target of the rule through Lambda's
// asynchronous queue, inside the caller's transaction, if the function's
// resource policy lets events.amazonaws.com invoke it for the rule (as on
// AWS, otherwise the delivery is dropped). A target's constant Input
// replaces the event. Targets of other services are not delivered yet.
import { randomUUID } from "node:crypto";
import { ACCOUNT_ID, lambdaTarget, type CloudContext } from "../service.js";
import type { EventsStore, RuleRow } from "./events-store.js";

export interface BusEvent {
  version: "0";
  id: string;
  "detail-type": string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
}

/** EventBridge's times: ISO 8601 to the second. */
export function eventTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

export function regionOfArn(arn: string): string {
  return arn.split(":")[3] ?? "us-east-1";
}

/** The event a schedule rule sends when it fires at `at`. */
export function scheduledEvent(rule: RuleRow, at: number): BusEvent {
  const region = regionOfArn(rule.arn);
  return {
    version: "0",
    id: randomUUID(),
    "detail-type": "Scheduled Event",
    source: "aws.events",
    account: ACCOUNT_ID,
    time: eventTime(at),
    region,
    resources: [rule.arn],
    detail: {},
  };
}

/** Queues `event` for every Lambda target of `rule` that allows it; returns how many. */
export function deliverToTargets(context: CloudContext, store: EventsStore, rule: RuleRow, event: BusEvent): number {
  const lambda = lambdaTarget(context);
  let queued = 0;
  for (const target of store.targetsOf(rule.arn)) {
    if (!target.arn.includes(":lambda:") || !lambda.allowsInvoke(target.arn, "events.amazonaws.com", rule.arn, ACCOUNT_ID)) continue;
    lambda.enqueueInvocation(target.arn, target.input ?? JSON.stringify(event), `events:${rule.name}`);
    queued++;
  }
  return queued;
}
