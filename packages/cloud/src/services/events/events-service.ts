// The EventBridge service (JSON 1.1, X-Amz-Target AWSEvents.<Action>) on
// the default bus: rules with event patterns or schedules, their Lambda
// targets, PutEvents; schedule rules fire on the daemon's clock
// (scheduler.ts). What each action does lives in rule-actions.ts and
// put-events.ts.
import { AwsError } from "../../errors.js";
import type { AwsRequest, AwsResponse } from "../../server/aws-request.js";
import type { CloudContext, Service } from "../service.js";
import type { EventsAction } from "./events-call.js";
import { EventsStore } from "./events-store.js";
import { PUT_EVENTS_ACTIONS } from "./put-events.js";
import { RULE_ACTIONS } from "./rule-actions.js";
import { Scheduler } from "./scheduler.js";

const ACTIONS: Readonly<Record<string, EventsAction>> = { ...RULE_ACTIONS, ...PUT_EVENTS_ACTIONS };
const TARGET_PREFIX = "AWSEvents.";

export function createEventsService(context: CloudContext): Service {
  const store = new EventsStore(context.db);
  const scheduler = new Scheduler(context, store);
  return {
    name: "events",
    protocol: "json",
    async handle(request: AwsRequest): Promise<AwsResponse> {
      const target = request.headers["x-amz-target"];
      const name = typeof target === "string" && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : "";
      const action = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
      if (action === undefined) throw new AwsError("UnknownOperationException", `Unknown operation ${name || String(target)}`, 400);
      const input = await readInput(request);
      const output = action({ input, store, scheduler, context, region: request.region, now: context.clock.now() });
      return { status: 200, headers: { "content-type": "application/x-amz-json-1.1" }, body: JSON.stringify(output) };
    },
    start() {
      scheduler.start();
    },
    async close() {
      scheduler.close();
    },
  };
}

async function readInput(request: AwsRequest): Promise<Record<string, unknown>> {
  const text = (await request.body(1024 * 1024)).toString("utf8");
  if (text === "") return {};
  try {
    const input: unknown = JSON.parse(text);
    if (input !== null && typeof input === "object" && !Array.isArray(input)) return input as Record<string, unknown>;
  } catch {
    // Answered below.
  }
  throw new AwsError("SerializationException", "the request body is not a JSON object", 400);
}
