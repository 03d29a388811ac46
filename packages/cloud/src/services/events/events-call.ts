// What an EventBridge action is given (the JSON input, the store, the
// scheduler to wake, the region and time) and returns (its JSON output).
import type { CloudContext } from "../service.js";
import type { EventsStore } from "./events-store.js";
import type { Scheduler } from "./scheduler.js";

export interface EventsCall {
  input: Record<string, unknown>;
  store: EventsStore;
  scheduler: Scheduler;
  context: CloudContext;
  region: string;
  now: number;
}

export type EventsAction = (call: EventsCall) => object;
