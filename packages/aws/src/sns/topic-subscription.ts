// sns.TopicSubscription: one subscription of an endpoint (a function, a
// queue, a URL) to a topic. SNS allows one subscription per topic, protocol
// and endpoint and makes its ARN itself, so the physical id is
// `<topic ARN>|<protocol>|<endpoint>` (outputs carry the ARN); changing any
// of the three replaces it, the filter policy and the other attributes are
// updated in place. SNS's refusals are made when the program loads.
import { checkObject, checkString, defined, invalidArgument } from "../core/check.js";
import { isOutput, type Input, type Output } from "../core/output.js";
import { descriptorOf } from "../core/registry.js";
import { Resource, type ResourceOptions } from "../core/resource.js";
import { TYPES } from "../core/types.js";
import type { FilterPolicyScope } from "./events.js";
import { checkFilterPolicy } from "./filter-policy.js";

export type SubscriptionProtocol = "lambda" | "sqs" | "http" | "https" | "email" | "email-json" | "sms" | "application" | "firehose";

export interface TopicSubscriptionArgs {
  /** The topic (a resource) or its ARN. */
  topic: Input<string> | { arn: Output<string> };
  protocol: Input<SubscriptionProtocol>;
  /** The function's or queue's ARN, the URL, the address. */
  endpoint: Input<string>;
  /** An object or its JSON text. */
  filterPolicy?: Input<string> | Record<string, unknown>;
  filterPolicyScope?: Input<FilterPolicyScope>;
  /** sqs, http/s and firehose only: deliver the message itself instead of SNS's JSON envelope. */
  rawMessageDelivery?: boolean;
  /** Where undeliverable messages go: `{"deadLetterTargetArn": "<queue ARN>"}` (JSON). */
  redrivePolicy?: Input<string>;
  /** HTTP/S retry policy (JSON). */
  deliveryPolicy?: Input<string>;
  /** firehose only: the role SNS uses. */
  subscriptionRoleArn?: Input<string>;
}

const PROTOCOLS: readonly string[] = ["lambda", "sqs", "http", "https", "email", "email-json", "sms", "application", "firehose"];
const RAW_PROTOCOLS: readonly string[] = ["sqs", "http", "https", "firehose"];

export class TopicSubscription extends Resource {
  /** The subscription's ARN, known once SNS made it. */
  readonly arn: Output<string>;

  constructor(name: string, args: TopicSubscriptionArgs, options: ResourceOptions = {}) {
    const read = (options as { readId?: unknown }).readId !== undefined;
    super(TYPES.topicSubscription, name, read ? {} : subscriptionInputs(name, args), options, ["arn"]);
    this.arn = this.output("arn");
  }

  /** The existing subscription with this ARN, read and never changed. */
  static get(name: string, id: Input<string>): TopicSubscription {
    return new TopicSubscription(name, { topic: "", protocol: "lambda", endpoint: "" }, { readId: id } as ResourceOptions);
  }
}

function subscriptionInputs(name: string, args: TopicSubscriptionArgs): Record<string, unknown> {
  const type = TYPES.topicSubscription;
  const given = checkObject(type, name, args) as Partial<TopicSubscriptionArgs>;
  const refuse = (problem: string, hint?: string) => invalidArgument(type, name, problem, hint);
  if (given.topic === undefined) throw refuse(`"topic" is required`);
  if (given.protocol === undefined) throw refuse(`"protocol" is required`);
  if (given.endpoint === undefined) throw refuse(`"endpoint" is required`);
  const protocol = given.protocol;
  if (!isOutput(protocol) && !PROTOCOLS.includes(protocol)) throw refuse(`"protocol" must be one of ${PROTOCOLS.join(", ")}, got ${JSON.stringify(protocol)}`);
  checkString(type, name, "endpoint", given.endpoint);
  if (given.rawMessageDelivery !== undefined && typeof given.rawMessageDelivery !== "boolean") throw refuse(`"rawMessageDelivery" must be true or false`);
  if (given.rawMessageDelivery === true && !isOutput(protocol) && !RAW_PROTOCOLS.includes(protocol)) {
    throw refuse(`SNS delivers raw messages to ${RAW_PROTOCOLS.join(", ")} only, not to ${protocol}`, "leave rawMessageDelivery out");
  }
  const topic = descriptorOf(given.topic)?.type === TYPES.topic ? (given.topic as { arn: Output<string> }).arn : given.topic;
  return defined({
    topic,
    protocol,
    endpoint: given.endpoint,
    filterPolicy: checkFilterPolicy(given.filterPolicy, given.filterPolicyScope, refuse),
    filterPolicyScope: given.filterPolicyScope,
    rawMessageDelivery: given.rawMessageDelivery,
    redrivePolicy: given.redrivePolicy,
    deliveryPolicy: given.deliveryPolicy,
    subscriptionRoleArn: given.subscriptionRoleArn,
  });
}
