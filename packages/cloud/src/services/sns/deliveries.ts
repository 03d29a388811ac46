// The fan-out of a published message: every confirmed subscription of the
// topic whose filter policy matches gets it, inside the publish's own
// transaction, so a Publish answered 200 has every delivery queued durably
// (and a crash before the commit queues none). Lambda subscriptions go to
// Lambda's asynchronous queue (its retries, its failed events) as the
// `Records[].Sns` event AWS sends, if the function's resource policy lets
// sns.amazonaws.com invoke it for the topic; sqs subscriptions store the
// envelope (or the raw message) in the queue if its policy lets the topic
// send. As on AWS, a delivery to a function or queue that is gone or does
// not allow it is dropped.
import { matchesFilterPolicy, parseFilterPolicy, type FilterPolicy, type FilterPolicyScope } from "@closure-pack/event-rules";
import { lambdaTarget, queueTarget, type CloudContext } from "../service.js";
import type { MessageAttributes } from "./message-attributes.js";
import { queueMessage, signatureOf, signingCertUrl, unsubscribeUrl } from "./queue-message.js";
import { regionOf } from "./sns-input.js";
import type { SnsStore, SubscriptionRow, TopicRow } from "./sns-store.js";

/** A message as Publish accepted it. */
export interface PublishedMessage {
  id: string;
  /** The message, or for MessageStructure json the message of each protocol ("default" for the rest). */
  message: string | Record<string, string>;
  subject: string | undefined;
  attributes: MessageAttributes;
  timestamp: number;
  /** A FIFO topic's message: its group, deduplication id and SequenceNumber, passed on to FIFO queues. */
  fifo?: { groupId: string; deduplicationId: string; sequence: string };
}

export class Fanout {
  readonly #context: CloudContext;
  readonly #store: SnsStore;
  /** Compiled policies by subscription, kept while the policy text is the same. */
  readonly #policies = new Map<string, { text: string; scope: string; policy: FilterPolicy }>();

  constructor(context: CloudContext, store: SnsStore) {
    this.#context = context;
    this.#store = store;
  }

  /** Queues the message for each matching subscription (call inside the publish's transaction); returns how many were queued. */
  deliver(topic: TopicRow, message: PublishedMessage): number {
    let queued = 0;
    for (const subscription of this.#store.subscriptionsOf(topic.arn)) {
      const body = messageFor(message.message, subscription.protocol);
      if (!this.#matches(subscription, body, message.attributes)) continue;
      if (subscription.protocol === "lambda" && this.#deliverToFunction(topic, subscription, { ...message, message: body })) queued++;
      if (subscription.protocol === "sqs" && this.#deliverToQueue(topic, subscription, { ...message, message: body })) queued++;
    }
    return queued;
  }

  #matches(subscription: SubscriptionRow, body: string, attributes: MessageAttributes): boolean {
    const text = subscription.attributes.FilterPolicy;
    if (text === undefined) return true;
    const scope = subscription.attributes.FilterPolicyScope ?? "MessageAttributes";
    let cached = this.#policies.get(subscription.arn);
    if (cached === undefined || cached.text !== text || cached.scope !== scope) {
      cached = { text, scope, policy: parseFilterPolicy(text, scope as FilterPolicyScope) };
      this.#policies.set(subscription.arn, cached);
    }
    return matchesFilterPolicy(cached.policy, { body, attributes });
  }

  #deliverToFunction(topic: TopicRow, subscription: SubscriptionRow, message: PublishedMessage & { message: string }): boolean {
    const lambda = lambdaTarget(this.#context);
    if (!lambda.allowsInvoke(subscription.endpoint, "sns.amazonaws.com", topic.arn, "")) return false;
    lambda.enqueueInvocation(subscription.endpoint, JSON.stringify(lambdaEvent(topic, subscription, message)), `sns:${topic.name}`);
    return true;
  }

  // As on AWS, a queue that is gone or whose policy does not let the topic send is skipped.
  #deliverToQueue(topic: TopicRow, subscription: SubscriptionRow, message: PublishedMessage & { message: string }): boolean {
    const sqs = queueTarget(this.#context);
    if (sqs === undefined || !sqs.allowsSend(subscription.endpoint, "sns.amazonaws.com", topic.arn)) return false;
    sqs.enqueueMessage(subscription.endpoint, queueMessage(topic, subscription, message));
    return true;
  }
}

/** For MessageStructure json: the protocol's own message, else the default one. */
function messageFor(message: PublishedMessage["message"], protocol: string): string {
  return typeof message === "string" ? message : (message[protocol] ?? message.default!);
}

/** The event Lambda gets from SNS (@types/aws-lambda's SNSEvent), keys in AWS's order. */
export function lambdaEvent(topic: TopicRow, subscription: SubscriptionRow, message: PublishedMessage & { message: string }): object {
  const region = regionOf(topic.arn);
  const attributes: Record<string, { Type: string; Value: string }> = {};
  for (const [name, value] of Object.entries(message.attributes))
    attributes[name] = { Type: value.DataType, Value: value.StringValue ?? value.BinaryValue ?? "" };
  return {
    Records: [
      {
        EventSource: "aws:sns",
        EventVersion: "1.0",
        EventSubscriptionArn: subscription.arn,
        Sns: {
          Type: "Notification",
          MessageId: message.id,
          TopicArn: topic.arn,
          Subject: message.subject ?? null,
          Message: message.message,
          Timestamp: new Date(message.timestamp).toISOString(),
          SignatureVersion: topic.attributes.SignatureVersion ?? "1",
          Signature: signatureOf(message),
          SigningCertUrl: signingCertUrl(region),
          UnsubscribeUrl: unsubscribeUrl(region, subscription.arn),
          MessageAttributes: attributes,
        },
      },
    ],
  };
}
