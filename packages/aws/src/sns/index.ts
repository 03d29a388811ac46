// aws.sns
export { Topic, type TopicArgs } from "./topic.js";
export { TopicSubscription, type TopicSubscriptionArgs, type SubscriptionProtocol } from "./topic-subscription.js";
export type { TopicEventSubscription } from "./subscription.js";
export type { TopicEvent, TopicEventRecord, TopicMessage, TopicEventHandler, TopicEventSubscriptionArgs, FilterPolicyScope } from "./events.js";
export type { QueueSubscriptionArgs, TopicQueueSubscription } from "./queue-subscription.js";
