// PutEvents: up to 10 entries, each checked as EventBridge checks it (a
// source, a detail-type, a detail that is a JSON object; a failed entry is
// answered in its place, the others go on), made into the event envelope
// and matched against every enabled pattern rule of the bus; all the
// deliveries of one request are queued in one transaction before the answer.
import { randomUUID } from "node:crypto";
import { matchesEventPattern, parseEventPattern, type EventPattern } from "@closure-pack/event-rules";
import { AwsError } from "../../errors.js";
import { ACCOUNT_ID } from "../service.js";
import { deliverToTargets, eventTime, type BusEvent } from "./deliver.js";
import type { EventsAction, EventsCall } from "./events-call.js";
import { busOf } from "./rule-actions.js";

const MAX_ENTRIES = 10;

type Entry = { event: BusEvent; bus: string } | { ErrorCode: string; ErrorMessage: string };

export const PUT_EVENTS_ACTIONS: Readonly<Record<string, EventsAction>> = { PutEvents: putEvents };

function putEvents(call: EventsCall): object {
  const entries = call.input.Entries;
  if (!Array.isArray(entries) || entries.length === 0 || entries.length > MAX_ENTRIES) {
    throw new AwsError(
      "ValidationException",
      `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length less than or equal to ${MAX_ENTRIES} and greater than or equal to 1`,
      400,
    );
  }
  const read = entries.map((entry: unknown) => readEntry(call, entry));
  call.store.transaction(() => {
    const patterns = new Map<string, EventPattern>();
    for (const entry of read) if ("event" in entry) deliver(call, entry, patterns);
  });
  return {
    FailedEntryCount: read.filter((entry) => !("event" in entry)).length,
    Entries: read.map((entry) => ("event" in entry ? { EventId: entry.event.id } : entry)),
  };
}

function deliver(call: EventsCall, entry: { event: BusEvent; bus: string }, patterns: Map<string, EventPattern>): void {
  for (const rule of call.store.patternRules(entry.bus)) {
    let pattern = patterns.get(rule.pattern!);
    if (pattern === undefined) patterns.set(rule.pattern!, (pattern = parseEventPattern(rule.pattern!)));
    if (matchesEventPattern(pattern, entry.event)) deliverToTargets(call.context, call.store, rule, entry.event);
  }
}

function readEntry(call: EventsCall, raw: unknown): Entry {
  const entry = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  let bus: string;
  try {
    bus = busOf(entry);
  } catch (error) {
    if (error instanceof AwsError) return { ErrorCode: "InvalidArgument", ErrorMessage: error.message };
    throw error;
  }
  const source = stringOf(entry.Source);
  const detailType = stringOf(entry.DetailType);
  const detailText = stringOf(entry.Detail);
  if (source === undefined) return missing("Source");
  if (detailType === undefined) return missing("DetailType");
  if (detailText === undefined) return missing("Detail");
  let detail: unknown;
  try {
    detail = JSON.parse(detailText);
  } catch {
    return { ErrorCode: "MalformedDetail", ErrorMessage: "Detail is malformed." };
  }
  if (typeof detail !== "object" || detail === null || Array.isArray(detail)) return { ErrorCode: "MalformedDetail", ErrorMessage: "Detail is malformed." };
  const resources = Array.isArray(entry.Resources) ? entry.Resources.map(String) : [];
  const time = typeof entry.Time === "number" ? entry.Time * 1000 : typeof entry.Time === "string" ? Date.parse(entry.Time) : call.now;
  const event: BusEvent = {
    version: "0",
    id: randomUUID(),
    "detail-type": detailType,
    source,
    account: ACCOUNT_ID,
    time: eventTime(Number.isNaN(time) ? call.now : time),
    region: call.region,
    resources,
    detail,
  };
  return { event, bus };
}

function stringOf(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function missing(field: string): Entry {
  return { ErrorCode: "InvalidArgument", ErrorMessage: `Parameter ${field} is not valid. Reason: ${field} is a required argument.` };
}
