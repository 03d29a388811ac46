// sns.Topic: a topic (physical name `<name>-<7 hex>`, with `.fifo` for a
// FIFO topic, unless `name` is given; changing the name or the topic type
// replaces it), outputs name and arn, and its subscription: onEvent turns
// a handler into a function SNS invokes (subscription.ts); subscribeQueue
// subscribes a queue with the policy it needs (queue-subscription.ts).
import { checkObject, checkString, checkTags, defined, invalidArgument } from "../core/check.js";
import type { Input, Output } from "../core/output.js";
import { Resource, type ResourceOptions } from "../core/resource.js";
import { TYPES, type Tags } from "../core/types.js";
import type { Handler } from "../lambda/handler.js";
import type { TopicEvent, TopicEventSubscriptionArgs } from "./events.js";
import { subscribeTopic, type TopicEventSubscription } from "./subscription.js";
import { subscribeQueue, type QueueSubscriptionArgs, type TopicQueueSubscription } from "./queue-subscription.js";
import type { Queue } from "../sqs/queue.js";

export interface TopicArgs {
  /** The topic's name; default `<name>-<7 hex>` (with `.fifo` for a FIFO topic). */
  name?: Input<string>;
  /** The name shown in SMS and email "From" lines. */
  displayName?: Input<string>;
  fifoTopic?: boolean;
  /** FIFO only: deduplicate by a SHA-256 of the message. */
  contentBasedDeduplication?: boolean;
  /** The topic's access policy (JSON); default SNS's, the account's principals only. */
  policy?: Input<string>;
  /** Retry policy of HTTP/S deliveries (JSON). */
  deliveryPolicy?: Input<string>;
  /** A KMS key for encryption at rest. */
  kmsMasterKeyId?: Input<string>;
  /** 1 (SHA1) or 2 (SHA256) for signed notifications. */
  signatureVersion?: number;
  tags?: Tags;
}

export class Topic extends Resource {
  readonly name: Output<string>;
  readonly arn: Output<string>;
  readonly fifoTopic: boolean;

  constructor(name: string, args?: TopicArgs, options: ResourceOptions = {}) {
    const read = (options as { readId?: unknown }).readId !== undefined;
    const given = checkObject(TYPES.topic, name, args) as TopicArgs;
    super(TYPES.topic, name, read ? {} : topicInputs(name, given), options, ["name", "arn"]);
    this.name = this.output("name");
    this.arn = this.output("arn");
    this.fifoTopic = given.fifoTopic === true;
  }

  /** The existing topic `id` (its ARN, or its name in the target's account and region), read and never changed. */
  static get(name: string, id: Input<string>): Topic {
    return new Topic(name, {}, { readId: id } as ResourceOptions);
  }

  /** Runs `handler` with every message published to the topic (that `filterPolicy` matches); SNS invokes it asynchronously. */
  onEvent(name: string, handler: Handler<TopicEvent>, args: TopicEventSubscriptionArgs = {}): TopicEventSubscription {
    return subscribeTopic(this, name, handler, args);
  }

  /**
   * Subscribes `queue` (protocol sqs) and adds to the queue's one QueuePolicy
   * the statement that lets this topic send to it, without which SNS delivers nothing.
   */
  subscribeQueue(name: string, queue: Queue, args: QueueSubscriptionArgs = {}): TopicQueueSubscription {
    return subscribeQueue(this, name, queue, args);
  }
}

function topicInputs(name: string, given: TopicArgs): Record<string, unknown> {
  const type = TYPES.topic;
  for (const key of ["name", "policy", "deliveryPolicy", "kmsMasterKeyId"] as const) checkString(type, name, key, given[key]);
  checkTags(type, name, given.tags);
  for (const key of ["fifoTopic", "contentBasedDeduplication"] as const) {
    if (given[key] !== undefined && typeof given[key] !== "boolean") throw invalidArgument(type, name, `"${key}" must be true or false`);
  }
  const fifo = given.fifoTopic === true;
  if (given.contentBasedDeduplication === true && !fifo)
    throw invalidArgument(type, name, `"contentBasedDeduplication" applies to FIFO topics only`, "set fifoTopic: true, or leave contentBasedDeduplication out");
  if (typeof given.name === "string") {
    if (given.name.endsWith(".fifo") !== fifo)
      throw invalidArgument(
        type,
        name,
        fifo ? `the name of a FIFO topic must end in ".fifo", got ${JSON.stringify(given.name)}` : `a name ending in ".fifo" needs fifoTopic: true`,
      );
    if (!/^[A-Za-z0-9_-]{1,256}$/.test(given.name.replace(/\.fifo$/, "")) || given.name.length > 256) {
      throw invalidArgument(type, name, `"name" may hold letters, digits, "-" and "_" only (1 to 256 characters), got ${JSON.stringify(given.name)}`);
    }
  }
  if (given.signatureVersion !== undefined && given.signatureVersion !== 1 && given.signatureVersion !== 2) {
    throw invalidArgument(type, name, `"signatureVersion" must be 1 or 2, got ${JSON.stringify(given.signatureVersion)}`);
  }
  return defined({
    name: given.name,
    fifoTopic: fifo,
    contentBasedDeduplication: fifo ? (given.contentBasedDeduplication ?? false) : undefined,
    displayName: given.displayName,
    policy: given.policy,
    deliveryPolicy: given.deliveryPolicy,
    kmsMasterKeyId: given.kmsMasterKeyId,
    signatureVersion: given.signatureVersion,
    tags: given.tags,
  });
}
