// aws.sqs
export { Queue, type QueueArgs, type RedrivePolicy } from "./queue.js";
export type { QueueEventSubscription } from "./subscription.js";
export type { QueueEvent, QueueRecord, QueueBatchResponse, QueueEventHandler, QueueEventSubscriptionArgs } from "./events.js";
export { QueuePolicy, type QueuePolicyArgs } from "./queue-policy.js";
export type { PolicyDocument, PolicyStatement } from "./policy-document.js";
