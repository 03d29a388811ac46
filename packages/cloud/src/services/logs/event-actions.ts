// Log events: PutLogEvents, GetLogEvents (one stream, forward and backward
// tokens) and FilterLogEvents (a group, in time then ingestion order, with a
// filter pattern). Cursor semantics, for followers such as
// `closure-pack logs -f`: an event is visible to every read as soon as the
// daemon has it (reads first write what is buffered); it is stored with the
// time the function wrote it, which is never after the moment it becomes
// visible; so a follower that asks again from its last event's timestamp
// (and skips eventIds it has seen) misses nothing a function writes, and
// only PutLogEvents with an older timestamp can land behind it.
import { AwsError } from "../../errors.js";
import { compileFilterPattern } from "./filter-pattern.js";
import type { LogsAction, LogsCall } from "./group-actions.js";
import { decodeToken, encodeToken, groupNameOf, invalid, limitOf, optionalString, requireGroup, requiredString, type LogsInput } from "./logs-input.js";
import type { EventKey, EventRow } from "./logs-store.js";

// Rows one FilterLogEvents call reads before it answers with what it found
// and a nextToken (as CloudWatch answers partial pages): bounds a call's time.
const SCAN_BUDGET = 20_000;
const DAY_MS = 86_400_000;

export const EVENT_ACTIONS: Readonly<Record<string, LogsAction>> = {
  PutLogEvents: putLogEvents,
  GetLogEvents: getLogEvents,
  FilterLogEvents: filterLogEvents,
};

function putLogEvents({ input, store, delivery, now }: LogsCall): unknown {
  const group = requireGroup(store, groupNameOf(input));
  const streamName = requiredString(input, "logStreamName");
  if (store.getStream(group.name, streamName) === undefined) throw new AwsError("ResourceNotFoundException", "The specified log stream does not exist.", 400);
  const events = readEvents(input.logEvents);
  // CloudWatch keeps events from 14 days (or the retention) back to 2 hours ahead.
  const oldest = now - Math.min(14, group.retentionDays ?? 14) * DAY_MS;
  const tooOld = events.findLastIndex((event) => event.timestamp < oldest);
  const tooNew = events.findIndex((event) => event.timestamp > now + 2 * 3_600_000);
  const accepted = events.slice(tooOld + 1, tooNew === -1 ? undefined : tooNew);
  // The deliveries to subscription filters are queued with the events, in one transaction.
  const last = store.transaction(() => {
    const ids = store.appendEvents(group.name, streamName, accepted, now);
    delivery.deliver(
      group.name,
      streamName,
      accepted.map((event, index) => ({ ...event, id: ids[index]! })),
    );
    return ids.at(-1) ?? 0;
  });
  const rejected = { ...(tooOld === -1 ? {} : { tooOldLogEventEndIndex: tooOld }), ...(tooNew === -1 ? {} : { tooNewLogEventStartIndex: tooNew }) };
  return { nextSequenceToken: String(last).padStart(56, "0"), ...(Object.keys(rejected).length > 0 ? { rejectedLogEventsInfo: rejected } : {}) };
}

function readEvents(value: unknown): Array<{ timestamp: number; message: string }> {
  if (!Array.isArray(value) || value.length === 0 || value.length > 10_000) {
    throw invalid("1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member must have length between 1 and 10000");
  }
  const events = value.map((item: { timestamp?: unknown; message?: unknown }) => {
    if (typeof item?.timestamp !== "number" || typeof item.message !== "string" || item.message === "") {
      throw invalid("1 validation error detected: each log event needs a timestamp (ms) and a non-empty message");
    }
    return { timestamp: item.timestamp, message: item.message };
  });
  for (let index = 1; index < events.length; index++) {
    if (events[index]!.timestamp < events[index - 1]!.timestamp) throw invalid("Log events in a single PutLogEvents request must be in chronological order.");
  }
  return events;
}

function filterLogEvents({ input, store }: LogsCall): unknown {
  const group = requireGroup(store, groupNameOf(input));
  const limit = limitOf(input, "limit", 1, 10_000, 10_000);
  const matches = compileFilterPattern(optionalString(input, "filterPattern"));
  const streams = streamsOf(input, () => store.listStreams(group.name).map((stream) => stream.name));
  const [start, end] = timeRange(input);
  const token = optionalString(input, "nextToken");
  let after: EventKey = token === undefined ? { timestamp: Number.MIN_SAFE_INTEGER, id: 0 } : readKey(decodeToken(token));
  const events: EventRow[] = [];
  for (let scanned = 0; events.length < limit && scanned < SCAN_BUDGET;) {
    const rows = store.events(group.name, after, start, end, streams, Math.min(1000, SCAN_BUDGET - scanned));
    if (rows.length === 0) return { events: events.map(filteredEvent), searchedLogStreams: [] };
    scanned += rows.length;
    for (const row of rows) {
      after = { timestamp: row.timestamp, id: row.id };
      if (matches(row.message) && events.push(row) === limit) break;
    }
  }
  return { events: events.map(filteredEvent), searchedLogStreams: [], nextToken: encodeToken(writeKey(after)) };
}

function getLogEvents({ input, store }: LogsCall): unknown {
  const group = requireGroup(store, groupNameOf(input));
  const streamName = requiredString(input, "logStreamName");
  if (store.getStream(group.name, streamName) === undefined) throw new AwsError("ResourceNotFoundException", "The specified log stream does not exist.", 400);
  const limit = limitOf(input, "limit", 1, 10_000, 10_000);
  const [start, end] = timeRange(input);
  const token = optionalString(input, "nextToken");
  // Without a token, startFromHead (default false) chooses the oldest or the newest events.
  const backward = token === undefined ? input.startFromHead !== true : token.startsWith("b/");
  const key = token === undefined ? { timestamp: backward ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER, id: 0 } : readKey(token.slice(2));
  const rows = store.streamEvents(group.name, streamName, start, end, backward ? { before: key } : { after: key }, limit);
  if (backward) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  return {
    events: rows.map((row) => ({ timestamp: row.timestamp, message: row.message, ingestionTime: row.ingestionTime })),
    // At either end the token comes back unchanged, as CloudWatch does: a follower polls it.
    nextForwardToken: last === undefined ? (token?.startsWith("f/") ? token : `f/${writeKey(key)}`) : `f/${writeKey(last)}`,
    nextBackwardToken: first === undefined ? (token?.startsWith("b/") ? token : `b/${writeKey(key)}`) : `b/${writeKey(first)}`,
  };
}

function filteredEvent(row: EventRow): Record<string, unknown> {
  return { logStreamName: row.streamName, timestamp: row.timestamp, message: row.message, ingestionTime: row.ingestionTime, eventId: String(row.id) };
}

function streamsOf(input: LogsInput, all: () => string[]): string[] | undefined {
  const names = input.logStreamNames;
  const prefix = optionalString(input, "logStreamNamePrefix");
  if (Array.isArray(names) && prefix !== undefined) throw invalid("logStreamNames and logStreamNamePrefix are mutually exclusive");
  if (Array.isArray(names)) return names.map(String);
  return prefix === undefined ? undefined : all().filter((name) => name.startsWith(prefix));
}

function timeRange(input: LogsInput): [number, number] {
  const start = typeof input.startTime === "number" ? input.startTime : 0;
  const end = typeof input.endTime === "number" ? input.endTime : Number.MAX_SAFE_INTEGER;
  return [start, end];
}

function writeKey(key: EventKey): string {
  return `${key.timestamp}:${key.id}`;
}

function readKey(text: string): EventKey {
  const [timestamp, id] = text.split(":").map(Number);
  if (!Number.isSafeInteger(timestamp) || !Number.isSafeInteger(id)) throw invalid("The specified nextToken is invalid.");
  return { timestamp: timestamp!, id: id! };
}
