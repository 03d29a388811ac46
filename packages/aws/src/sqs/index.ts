// aws.sqs
export { Queue, type QueueArgs, type RedrivePolicy } from "./queue.js";
export type { QueueEventSubscription } from "./subscription.js";
export type { QueueEvent, QueueRecord, QueueBatchResponse, QueueEventHandler, QueueEventSubscriptionArgs } from "./events.js";
