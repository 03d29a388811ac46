// topic.subscribeQueue: a queue subscribed to a topic. SNS delivers to a
// queue only when the queue's policy lets sns.amazonaws.com SendMessage to it
// for that topic (aws:SourceArn), so the subscription comes with that
// statement, added to the queue's one sqs.QueuePolicy (made at its first
// subscription, named after the queue): a queue subscribed to several topics
// has one policy holding every statement, never two policies overwriting
// each other.
import { invalidArgument } from "../core/check.js";
import { descriptorOf } from "../core/registry.js";
import { TYPES } from "../core/types.js";
import { describeResource } from "../errors.js";
import type { PolicyStatement } from "../sqs/policy-document.js";
import type { Queue } from "../sqs/queue.js";
import { policyOfQueue, QueuePolicy, statementsOf } from "../sqs/queue-policy.js";
import type { TopicEventSubscriptionArgs } from "./events.js";
import { checkFilterPolicy } from "./filter-policy.js";
import type { Topic } from "./topic.js";
import { TopicSubscription } from "./topic-subscription.js";

export interface QueueSubscriptionArgs extends TopicEventSubscriptionArgs {
  /** Deliver the message itself instead of SNS's JSON envelope. Default false. */
  rawMessageDelivery?: boolean;
}

/** What a queue subscription made: the subscription, and the queue's policy that now allows the topic. */
export interface TopicQueueSubscription {
  subscription: TopicSubscription;
  policy: QueuePolicy;
}

export function subscribeQueue(topic: Topic, name: string, queue: Queue, args: QueueSubscriptionArgs): TopicQueueSubscription {
  const topicName = descriptorOf(topic)!.name;
  const refuse = (problem: string, hint?: string) => invalidArgument(TYPES.topic, topicName, `subscribeQueue "${name}": ${problem}`, hint);
  if (typeof args !== "object" || args === null) throw refuse("the subscription's arguments must be an object");
  if (descriptorOf(queue)?.type !== TYPES.queue)
    throw refuse(
      "the queue must be an sqs.Queue (new sqs.Queue(...) or sqs.Queue.get(...))",
      "for a queue of another program, use sns.TopicSubscription with protocol sqs and that queue's own policy",
    );
  if (args.rawMessageDelivery !== undefined && typeof args.rawMessageDelivery !== "boolean") throw refuse(`"rawMessageDelivery" must be true or false`);
  const filterPolicy = checkFilterPolicy(args.filterPolicy, args.filterPolicyScope, refuse);
  const policy = addToPolicy(queue, allowTopic(name, topic, queue), refuse);
  const subscription = new TopicSubscription(
    name,
    {
      topic,
      protocol: "sqs",
      endpoint: queue.arn,
      ...(filterPolicy === undefined ? {} : { filterPolicy }),
      ...(args.filterPolicyScope === undefined ? {} : { filterPolicyScope: args.filterPolicyScope }),
      ...(args.rawMessageDelivery === undefined ? {} : { rawMessageDelivery: args.rawMessageDelivery }),
    },
    // A message published before the policy allows the topic would be dropped.
    { dependsOn: policy },
  );
  return { subscription, policy };
}

/** Adds the statement to the queue's one policy: the program's (given as a document), else a new one named after the queue. */
function addToPolicy(queue: Queue, statement: PolicyStatement, refuse: (problem: string, hint?: string) => Error): QueuePolicy {
  const existing = policyOfQueue(queue.url);
  if (existing === undefined)
    return new QueuePolicy(descriptorOf(queue)!.name, { queueUrl: queue.url, policy: { Version: "2012-10-17", Statement: [statement] } });
  const statements = statementsOf(existing);
  if (statements !== undefined) {
    statements.push(statement);
    return existing;
  }
  const declared = descriptorOf(existing)!;
  throw refuse(
    `the queue's policy ${describeResource(declared.type, declared.name)} is given as text, so the statement that lets the topic send cannot be added to it`,
    "give that QueuePolicy's policy as an object ({ Version, Statement: [...] }): subscribeQueue adds its statement to it",
  );
}

/** SendMessage for sns.amazonaws.com, to this queue, for this topic only. */
function allowTopic(name: string, topic: Topic, queue: Queue): PolicyStatement {
  return {
    Sid: name,
    Effect: "Allow",
    Principal: { Service: "sns.amazonaws.com" },
    Action: "sqs:SendMessage",
    Resource: queue.arn,
    Condition: { ArnEquals: { "aws:SourceArn": topic.arn } },
  };
}
