// topic.onEvent: a handler subscribed to a topic. SNS invokes the function
// asynchronously (Lambda's retries apply), through a lambda.Permission for
// sns.amazonaws.com on this topic only; the function's role needs nothing
// more than its own logs (SNS pushes, the function reads nothing). A FIFO
// topic delivers to SQS queues only, and a filter policy SNS would refuse
// is refused when the program loads, naming the topic and the subscription.
import { invalidArgument } from "../core/check.js";
import { descriptorOf } from "../core/registry.js";
import { TYPES } from "../core/types.js";
import { toFunction, type FunctionLike, type Handler } from "../lambda/handler.js";
import { Permission } from "../lambda/permission.js";
import type { TopicEvent, TopicEventSubscriptionArgs } from "./events.js";
import { checkFilterPolicy } from "./filter-policy.js";
import type { Topic } from "./topic.js";
import { TopicSubscription } from "./topic-subscription.js";

/** What a subscription made: the function, its permission and the subscription. */
export interface TopicEventSubscription {
  func: FunctionLike;
  permission: Permission;
  subscription: TopicSubscription;
}

export function subscribeTopic(topic: Topic, name: string, handler: Handler<TopicEvent>, args: TopicEventSubscriptionArgs): TopicEventSubscription {
  const topicName = descriptorOf(topic)!.name;
  const refuse = (problem: string, hint?: string) => invalidArgument(TYPES.topic, topicName, `onEvent "${name}": ${problem}`, hint);
  if (typeof args !== "object" || args === null) throw refuse("the subscription's arguments must be an object");
  if (topic.fifoTopic)
    throw refuse(
      "a FIFO topic delivers to SQS queues only, not to functions",
      "subscribe a FIFO queue (sns.TopicSubscription with protocol sqs) and queue.onEvent, or make the topic standard",
    );
  const filterPolicy = checkFilterPolicy(args.filterPolicy, args.filterPolicyScope, refuse);
  const func = toFunction(name, handler);
  const permission = new Permission(name, { function: func, principal: "sns.amazonaws.com", sourceArn: topic.arn });
  const subscription = new TopicSubscription(
    name,
    {
      topic,
      protocol: "lambda",
      endpoint: func.arn,
      ...(filterPolicy === undefined ? {} : { filterPolicy }),
      ...(args.filterPolicyScope === undefined ? {} : { filterPolicyScope: args.filterPolicyScope }),
    },
    // A message published between the two would be dropped: SNS finds no permission.
    { dependsOn: permission },
  );
  return { func, permission, subscription };
}
