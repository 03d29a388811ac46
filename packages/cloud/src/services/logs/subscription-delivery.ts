// Delivery of log events to subscription filters, as CloudWatch Logs sends
// them to a Lambda function: the events of one write to one stream that a
// filter's pattern matches, as `{ awslogs: { data } }` where data is
// base64(gzip(JSON {messageType, owner, logGroup, logStream,
// subscriptionFilters, logEvents})). Queued on Lambda's asynchronous queue
// inside the transaction that stores the events, so a kill -9 either loses
// both or neither (at least once). Delivered only while the function lets
// logs.amazonaws.com invoke it for the group, as on AWS.
import { gzipSync } from "node:zlib";
import { ACCOUNT_ID, type CloudContext, type LambdaTarget, type Service } from "../service.js";
import { compileFilterPattern, type MessageFilter } from "./filter-pattern.js";
import { groupArn } from "./logs-input.js";
import type { SubscriptionStore } from "./subscription-store.js";

/** One stored log event, with the id CloudWatch gives it. */
export interface StoredEvent {
  id: number;
  timestamp: number;
  message: string;
}

// Messages per invocation, before compression: keeps base64(gzip(...)) within
// Lambda's 256 KB asynchronous payload even for text gzip cannot shrink.
const BATCH_BYTES = 180 * 1024;
const EVENT_OVERHEAD = 64;

export class SubscriptionDelivery {
  readonly #context: CloudContext;
  readonly #subscriptions: SubscriptionStore;
  /** Compiled patterns by their text (a filter's pattern was checked when it was put). */
  readonly #filters = new Map<string, MessageFilter>();

  constructor(context: CloudContext, subscriptions: SubscriptionStore) {
    this.#context = context;
    this.#subscriptions = subscriptions;
  }

  /** Queues the deliveries `events` (just written to group/stream) cause; call inside the transaction that stored them. */
  deliver(group: string, stream: string, events: readonly StoredEvent[]): number {
    const filters = this.#subscriptions.ofGroup(group);
    if (filters.length === 0 || events.length === 0) return 0;
    const lambda = this.#lambda();
    if (lambda === undefined) return 0;
    let queued = 0;
    for (const filter of filters) {
      const matches = this.#filter(filter.filterPattern);
      const kept = events.filter((event) => matches(event.message));
      if (kept.length === 0) continue;
      // The source ARN Logs invokes with is the group's ARN with `:*`, in the function's region.
      const sourceArn = `${groupArn(filter.destinationArn.split(":")[3] ?? "us-east-1", group)}:*`;
      if (!lambda.allowsInvoke(filter.destinationArn, "logs.amazonaws.com", sourceArn, ACCOUNT_ID)) continue;
      for (const batch of batches(kept)) {
        lambda.enqueueInvocation(
          filter.destinationArn,
          JSON.stringify({ awslogs: { data: encodeData(group, stream, filter.filterName, batch) } }),
          `logs:${group}`,
        );
        queued++;
      }
    }
    return queued;
  }

  #filter(pattern: string): MessageFilter {
    let filter = this.#filters.get(pattern);
    if (filter === undefined) {
      filter = compileFilterPattern(pattern);
      this.#filters.set(pattern, filter);
    }
    return filter;
  }

  #lambda(): LambdaTarget | undefined {
    const lambda = this.#context.services.get("lambda") as (Service & Partial<LambdaTarget>) | undefined;
    return lambda?.enqueueInvocation === undefined ? undefined : (lambda as Service & LambdaTarget);
  }
}

/** The `data` of one delivery: base64 of the gzipped DATA_MESSAGE. */
export function encodeData(group: string, stream: string, filterName: string, events: readonly StoredEvent[]): string {
  const message = {
    messageType: "DATA_MESSAGE",
    owner: ACCOUNT_ID,
    logGroup: group,
    logStream: stream,
    subscriptionFilters: [filterName],
    logEvents: events.map((event) => ({ id: String(event.id), timestamp: event.timestamp, message: event.message })),
  };
  return gzipSync(JSON.stringify(message)).toString("base64");
}

function* batches(events: readonly StoredEvent[]): Generator<StoredEvent[]> {
  let batch: StoredEvent[] = [];
  let bytes = 0;
  for (const event of events) {
    const size = Buffer.byteLength(event.message) + EVENT_OVERHEAD;
    if (batch.length > 0 && bytes + size > BATCH_BYTES) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(event);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}
