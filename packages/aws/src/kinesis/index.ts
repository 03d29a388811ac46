// aws.kinesis
export { Stream, type StreamArgs } from "./stream.js";
export type { StreamEventSubscription } from "./subscription.js";
export type { StreamEvent, StreamRecord, StreamBatchResponse, StreamEventHandler, StreamEventSubscriptionArgs } from "./events.js";
