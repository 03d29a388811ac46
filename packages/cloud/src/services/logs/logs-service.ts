// The CloudWatch Logs service (JSON 1.1, X-Amz-Target Logs_20140328.<Action>):
// groups, streams, events, and the LogsTarget functions write through.
// Lines that functions write are buffered for up to 10 ms and then stored in
// one transaction (one disk flush for a burst, not one per line: at hundreds
// of invocations a second, flushes per line would hold the event loop);
// every read first stores what is buffered, so nothing a function has
// written is ever invisible to a reader. Subscription filters' deliveries
// are queued in the transaction that stores the lines they carry.
import { AwsError } from "../../errors.js";
import type { AwsRequest, AwsResponse } from "../../server/aws-request.js";
import type { CloudContext, LambdaTarget, LogLine, LogsTarget, Service } from "../service.js";
import { EVENT_ACTIONS } from "./event-actions.js";
import { GROUP_ACTIONS, type LogsAction } from "./group-actions.js";
import { LogsStore } from "./logs-store.js";
import { SUBSCRIPTION_ACTIONS } from "./subscription-actions.js";
import { SubscriptionDelivery } from "./subscription-delivery.js";
import { SubscriptionStore } from "./subscription-store.js";

const ACTIONS: Readonly<Record<string, LogsAction>> = { ...GROUP_ACTIONS, ...EVENT_ACTIONS, ...SUBSCRIPTION_ACTIONS };
const TARGET_PREFIX = "Logs_20140328.";
const FLUSH_DELAY_MS = 10;
// Retention is applied at start and then hourly.
const EXPIRY_INTERVAL_MS = 3_600_000;

export function createLogsService(context: CloudContext): Service & LogsTarget {
  const store = new LogsStore(context.db);
  const subscriptions = new SubscriptionStore(context.db);
  const delivery = new SubscriptionDelivery(context, subscriptions);
  const buffer = new Map<string, { group: string; stream: string; lines: LogLine[] }>();
  let flushScheduled = false;
  let closed = false;
  let expiry: NodeJS.Timeout | undefined;

  const flush = (): void => {
    if (buffer.size === 0) return;
    const batches = [...buffer.values()];
    buffer.clear();
    const now = context.clock.now();
    store.transactionWithoutFlush(() => {
      for (const { group, stream, lines } of batches) {
        store.createGroup(group, now, {});
        store.createStream(group, stream, now);
        const ids = store.appendEvents(group, stream, lines, now);
        delivery.deliver(
          group,
          stream,
          lines.map((line, index) => ({ ...line, id: ids[index]! })),
        );
      }
    });
  };

  return {
    name: "logs",
    protocol: "json",
    async handle(request: AwsRequest): Promise<AwsResponse> {
      const target = request.headers["x-amz-target"];
      const name = typeof target === "string" && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : "";
      const action = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
      if (action === undefined) throw new AwsError("UnknownOperationException", `Unknown operation ${name || String(target)}`, 400);
      const input = await readInput(request);
      flush();
      const lambda = context.services.get("lambda") as (Service & Partial<LambdaTarget>) | undefined;
      const output = action({
        input,
        store,
        subscriptions,
        delivery,
        lambda: lambda?.allowsInvoke === undefined ? undefined : (lambda as Service & LambdaTarget),
        request,
        now: context.clock.now(),
      });
      return { status: 200, headers: { "content-type": "application/x-amz-json-1.1" }, body: JSON.stringify(output) };
    },
    appendLogEvents(group, stream, lines) {
      // Instances stopped by close() may still say goodbye; the database is gone by then.
      if (closed) return;
      const key = `${group}\u0000${stream}`;
      const batch = buffer.get(key);
      if (batch === undefined) buffer.set(key, { group, stream, lines: [...lines] });
      else batch.lines.push(...lines);
      if (flushScheduled) return;
      flushScheduled = true;
      setTimeout(() => {
        flushScheduled = false;
        if (!closed) flush();
      }, FLUSH_DELAY_MS);
    },
    start() {
      store.expire(context.clock.now());
      expiry = setInterval(() => store.expire(context.clock.now()), EXPIRY_INTERVAL_MS).unref();
    },
    async close() {
      clearInterval(expiry);
      flush();
      closed = true;
    },
  };
}

async function readInput(request: AwsRequest): Promise<Record<string, unknown>> {
  const text = (await request.body(10 * 1024 * 1024)).toString("utf8");
  if (text === "") return {};
  try {
    const input: unknown = JSON.parse(text);
    if (input !== null && typeof input === "object" && !Array.isArray(input)) return input as Record<string, unknown>;
  } catch {
    // Answered below.
  }
  throw new AwsError("SerializationException", "the request body is not a JSON object", 400);
}
