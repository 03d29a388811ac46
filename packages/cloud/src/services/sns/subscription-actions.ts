// SNS subscriptions: Subscribe (idempotent for the same topic, protocol and
// endpoint; confirmed at once for lambda and sqs, pending for the protocols
// that confirm by message), Unsubscribe, ListSubscriptions(ByTopic), and
// the subscription attributes, with filter policies checked as SNS checks
// them (Subscribe and SetSubscriptionAttributes word the refusal differently).
import { randomUUID } from "node:crypto";
import { parseFilterPolicy, RuleError, type FilterPolicyScope } from "@closure-pack/event-rules";
import { XmlList } from "../../protocols/query.js";
import { ACCOUNT_ID } from "../service.js";
import type { SnsAction, SnsCall, SnsResult } from "./sns-call.js";
import { decodeToken, encodeToken, entriesOf, invalidParameter, PAGE_SIZE, readMap, requireSubscription, requireTopic } from "./sns-input.js";
import type { SubscriptionRow } from "./sns-store.js";

const PROTOCOLS = ["http", "https", "email", "email-json", "sms", "sqs", "application", "lambda", "firehose"];
/** Protocols whose endpoint confirms by answering a message; the local cloud sends none, so they stay pending. */
const CONFIRMED_BY_MESSAGE = ["http", "https", "email", "email-json"];
const SETTABLE = ["DeliveryPolicy", "FilterPolicy", "FilterPolicyScope", "RawMessageDelivery", "RedrivePolicy", "SubscriptionRoleArn", "ReplayPolicy"];
const ENDPOINTS: Readonly<Record<string, RegExp>> = {
  lambda: /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]+)?$/,
  sqs: /^arn:aws[a-z-]*:sqs:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,80}(\.fifo)?$/,
  firehose: /^arn:aws[a-z-]*:firehose:/,
  http: /^http:\/\//,
  https: /^https:\/\//,
};

export const SUBSCRIPTION_ACTIONS: Readonly<Record<string, SnsAction>> = {
  Subscribe: subscribe,
  Unsubscribe: ({ params, store }) => {
    store.deleteSubscription(params.required("SubscriptionArn"));
    return undefined;
  },
  ListSubscriptions: ({ params, store }) => page(store.listSubscriptions(decodeToken(params.get("NextToken")), PAGE_SIZE + 1)),
  ListSubscriptionsByTopic: ({ params, store }) => {
    const topic = requireTopic(store, params.required("TopicArn"));
    const after = decodeToken(params.get("NextToken"));
    return page(
      store
        .subscriptionsOf(topic.arn)
        .filter((subscription) => subscription.arn > after)
        .sort((a, b) => (a.arn < b.arn ? -1 : 1))
        .slice(0, PAGE_SIZE + 1),
    );
  },
  GetSubscriptionAttributes: ({ params, store }) => ({
    Attributes: new XmlList("entry", entriesOf(subscriptionAttributes(requireSubscription(store, params.required("SubscriptionArn"))))),
  }),
  SetSubscriptionAttributes: ({ params, store }) => {
    const subscription = requireSubscription(store, params.required("SubscriptionArn"));
    const name = params.required("AttributeName");
    if (!SETTABLE.includes(name)) throw invalidParameter("AttributeName");
    const attributes = withAttribute(subscription.attributes, name, params.get("AttributeValue") ?? "");
    checkSubscriptionAttributes(subscription.protocol, attributes, "");
    store.updateSubscription(subscription.arn, attributes);
    return undefined;
  },
};

function subscribe({ params, store, now }: SnsCall): SnsResult {
  const topic = requireTopic(store, params.required("TopicArn"));
  const protocol = params.required("Protocol");
  if (!PROTOCOLS.includes(protocol)) throw invalidParameter(`Invalid protocol type: ${protocol}`);
  const endpoint = params.get("Endpoint") ?? "";
  if (ENDPOINTS[protocol] !== undefined && !ENDPOINTS[protocol].test(endpoint))
    throw invalidParameter(`${protocol === "sqs" ? "SQS" : protocol[0]!.toUpperCase() + protocol.slice(1)} endpoint ARN`);
  if (protocol === "sqs" && topic.attributes.FifoTopic !== "true" && endpoint.endsWith(".fifo"))
    throw invalidParameter("Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics");
  if (topic.attributes.FifoTopic === "true" && protocol !== "sqs")
    throw invalidParameter(`Invalid protocol type: ${protocol} (a FIFO topic delivers to SQS queues only)`);
  let attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(readMap(params, "Attributes"))) {
    if (!SETTABLE.includes(name)) throw invalidParameter(`Attributes Reason: Unknown attribute ${name}`);
    attributes = withAttribute(attributes, name, value);
  }
  checkSubscriptionAttributes(protocol, attributes, "Attributes Reason: ");
  const arn = store.transaction(() => {
    const existing = store.subscriptionsOf(topic.arn).find((each) => each.protocol === protocol && each.endpoint === endpoint);
    if (existing === undefined) {
      const made: SubscriptionRow = { arn: `${topic.arn}:${randomUUID()}`, topicArn: topic.arn, protocol, endpoint, attributes, created: now };
      store.insertSubscription(made);
      return made.arn;
    }
    if (Object.entries(attributes).some(([key, value]) => existing.attributes[key] !== value))
      throw invalidParameter("Attributes Reason: Subscription already exists with different attributes");
    return existing.arn;
  });
  const pending = CONFIRMED_BY_MESSAGE.includes(protocol) && params.get("ReturnSubscriptionArn") !== "true";
  return { SubscriptionArn: pending ? "pending confirmation" : arn };
}

// An empty FilterPolicy removes the policy (and its scope).
function withAttribute(attributes: Record<string, string>, name: string, value: string): Record<string, string> {
  const next = { ...attributes, [name]: value };
  if (name === "FilterPolicy" && value === "") {
    delete next.FilterPolicy;
    delete next.FilterPolicyScope;
  }
  return next;
}

/** SNS's checks of a subscription's attributes; `prefix` is "Attributes Reason: " on Subscribe. */
function checkSubscriptionAttributes(protocol: string, attributes: Record<string, string>, prefix: string): void {
  const raw = attributes.RawMessageDelivery;
  if (raw !== undefined && !["true", "false"].includes(raw))
    throw invalidParameter(`${prefix}RawMessageDelivery: Invalid value [${raw}]. Must be true or false.`);
  if (raw === "true" && !["sqs", "http", "https", "firehose"].includes(protocol))
    throw invalidParameter(`${prefix}Delivery protocol [${protocol}] does not support raw message delivery.`);
  const scope = attributes.FilterPolicyScope;
  if (scope !== undefined && scope !== "MessageAttributes" && scope !== "MessageBody") {
    throw invalidParameter(`${prefix}FilterPolicyScope: Invalid value [${scope}]. Please use either MessageBody or MessageAttributes`);
  }
  const policy = attributes.FilterPolicy;
  if (policy === undefined) return;
  try {
    parseFilterPolicy(policy, (scope ?? "MessageAttributes") as FilterPolicyScope);
  } catch (error) {
    if (error instanceof RuleError) throw invalidParameter(`${prefix}${error.message}`);
    throw error;
  }
}

/** What GetSubscriptionAttributes lists; the scope only once there is a policy, defaulting to MessageAttributes. */
export function subscriptionAttributes(subscription: SubscriptionRow): Record<string, string> {
  const { FilterPolicyScope, ...set } = subscription.attributes;
  return {
    Owner: ACCOUNT_ID,
    RawMessageDelivery: "false",
    TopicArn: subscription.topicArn,
    Endpoint: subscription.endpoint,
    Protocol: subscription.protocol,
    PendingConfirmation: CONFIRMED_BY_MESSAGE.includes(subscription.protocol) ? "true" : "false",
    ConfirmationWasAuthenticated: "true",
    SubscriptionArn: subscription.arn,
    SubscriptionPrincipal: `arn:aws:iam::${ACCOUNT_ID}:root`,
    ...set,
    ...(set.FilterPolicy === undefined ? {} : { FilterPolicyScope: FilterPolicyScope ?? "MessageAttributes" }),
  };
}

function page(rows: SubscriptionRow[]): SnsResult {
  const shown = rows.slice(0, PAGE_SIZE);
  return {
    Subscriptions: shown.map((row) => ({
      SubscriptionArn: row.arn,
      Owner: ACCOUNT_ID,
      Protocol: row.protocol,
      Endpoint: row.endpoint,
      TopicArn: row.topicArn,
    })),
    NextToken: rows.length > PAGE_SIZE ? encodeToken(shown.at(-1)!.arn) : undefined,
  };
}
