// SNS topics: CreateTopic (idempotent for the same attributes; FIFO topics
// by name and FifoTopic), DeleteTopic, ListTopics, Get/SetTopicAttributes
// and the tags (by ARN).
import { AwsError } from "../../errors.js";
import { XmlList } from "../../protocols/query.js";
import { ACCOUNT_ID } from "../service.js";
import type { SnsAction, SnsCall, SnsResult } from "./sns-call.js";
import { decodeToken, encodeToken, entriesOf, invalidParameter, PAGE_SIZE, readMap, readTags, requireTopic } from "./sns-input.js";
import type { TopicRow } from "./sns-store.js";

const SETTABLE = [
  "DeliveryPolicy",
  "DisplayName",
  "Policy",
  "SignatureVersion",
  "TracingConfig",
  "KmsMasterKeyId",
  "ContentBasedDeduplication",
  "ArchivePolicy",
  "DataProtectionPolicy",
  "FifoThroughputScope",
];

export const TOPIC_ACTIONS: Readonly<Record<string, SnsAction>> = {
  CreateTopic: createTopic,
  DeleteTopic: ({ params, store }) => {
    // Deleting a topic that does not exist succeeds, as on SNS.
    store.deleteTopic(params.required("TopicArn"));
    return undefined;
  },
  ListTopics: ({ params, store }) => {
    const topics = store.listTopics(decodeToken(params.get("NextToken")), PAGE_SIZE + 1);
    const page = topics.slice(0, PAGE_SIZE);
    return { Topics: page.map((topic) => ({ TopicArn: topic.arn })), NextToken: topics.length > PAGE_SIZE ? encodeToken(page.at(-1)!.arn) : undefined };
  },
  GetTopicAttributes: ({ params, store }) => ({
    Attributes: new XmlList(
      "entry",
      entriesOf(topicAttributes(requireTopic(store, params.required("TopicArn")), store.subscriptionsOf(params.required("TopicArn")).length)),
    ),
  }),
  SetTopicAttributes: ({ params, store }) => {
    const topic = requireTopic(store, params.required("TopicArn"));
    const name = params.required("AttributeName");
    const attributes = { ...topic.attributes, [name]: params.get("AttributeValue") ?? "" };
    checkAttributes(attributes, topic.name, name === "FifoTopic" ? ["FifoTopic"] : [name]);
    store.updateTopic(topic.arn, { attributes });
    return undefined;
  },
  TagResource: ({ params, store }) => {
    const topic = requireTaggable(params.required("ResourceArn"), store);
    const tags = { ...topic.tags, ...readTags(params) };
    if (Object.keys(tags).length > 50) throw new AwsError("TagLimitExceeded", "Could not complete request: tag quota of per resource exceeded", 400);
    store.updateTopic(topic.arn, { tags });
    return undefined;
  },
  UntagResource: ({ params, store }) => {
    const topic = requireTaggable(params.required("ResourceArn"), store);
    const removed = new Set(params.list("TagKeys"));
    store.updateTopic(topic.arn, { tags: Object.fromEntries(Object.entries(topic.tags).filter(([key]) => !removed.has(key))) });
    return undefined;
  },
  ListTagsForResource: ({ params, store }) => {
    const topic = requireTaggable(params.required("ResourceArn"), store);
    return {
      Tags: Object.keys(topic.tags)
        .sort()
        .map((Key) => ({ Key, Value: topic.tags[Key]! })),
    };
  },
};

function createTopic({ params, store, region, now }: SnsCall): SnsResult {
  const name = params.required("Name");
  const attributes = readMap(params, "Attributes");
  checkAttributes(attributes, name, Object.keys(attributes));
  const arn = `arn:aws:sns:${region}:${ACCOUNT_ID}:${name}`;
  const tags = readTags(params);
  store.transaction(() => {
    const existing = store.getTopic(arn);
    if (existing === undefined) {
      store.insertTopic({ arn, name, attributes, tags, created: now, sequence: 0 });
      return;
    }
    // Creating an existing topic returns it, unless the attributes asked for differ.
    const differs = Object.entries(attributes).some(([key, value]) => (existing.attributes[key] ?? defaultOf(key)) !== value);
    if (differs) throw invalidParameter("Attributes Reason: Topic already exists with different attributes");
    if (Object.keys(tags).length > 0) store.updateTopic(arn, { tags: { ...existing.tags, ...tags } });
  });
  return { TopicArn: arn };
}

function defaultOf(key: string): string | undefined {
  return key === "FifoTopic" || key === "ContentBasedDeduplication" ? "false" : undefined;
}

/** The names (`keys` of them are new) and values SNS accepts, and the name rule of the topic's kind. */
function checkAttributes(attributes: Record<string, string>, name: string, keys: readonly string[]): void {
  for (const key of keys) if (key !== "FifoTopic" && !SETTABLE.includes(key)) throw invalidParameter("AttributeName");
  const fifo = attributes.FifoTopic === "true";
  if (keys.includes("FifoTopic") && !["true", "false"].includes(attributes.FifoTopic ?? ""))
    throw invalidParameter("Attributes Reason: FifoTopic must be true or false");
  if (fifo && !/^[A-Za-z0-9_-]{1,251}\.fifo$/.test(name)) {
    throw invalidParameter(
      "Fifo Topic names must end with .fifo and must be made up of only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long.",
    );
  }
  if (!fifo && !/^[A-Za-z0-9_-]{1,256}$/.test(name)) throw invalidParameter("Topic Name");
  if (!fifo && attributes.ContentBasedDeduplication === "true")
    throw invalidParameter("Attributes Reason: ContentBasedDeduplication can only be set for FIFO topics");
  if (attributes.SignatureVersion !== undefined && !["1", "2"].includes(attributes.SignatureVersion))
    throw invalidParameter("Attributes Reason: SignatureVersion must be 1 or 2");
}

/** What GetTopicAttributes lists: SNS's defaults, what was set, and the counts. */
export function topicAttributes(topic: TopicRow, subscriptions: number): Record<string, string> {
  const account = ACCOUNT_ID;
  return {
    Policy: defaultPolicy(topic.arn, account),
    Owner: account,
    SubscriptionsPending: "0",
    TopicArn: topic.arn,
    EffectiveDeliveryPolicy: EFFECTIVE_DELIVERY_POLICY,
    SubscriptionsConfirmed: String(subscriptions),
    DisplayName: "",
    SubscriptionsDeleted: "0",
    ...(topic.attributes.FifoTopic === "true" ? { FifoTopic: "true", ContentBasedDeduplication: "false" } : {}),
    ...topic.attributes,
  };
}

function defaultPolicy(arn: string, account: string): string {
  const actions = [
    "GetTopicAttributes",
    "SetTopicAttributes",
    "AddPermission",
    "RemovePermission",
    "DeleteTopic",
    "Subscribe",
    "ListSubscriptionsByTopic",
    "Publish",
  ];
  return JSON.stringify({
    Version: "2008-10-17",
    Id: "__default_policy_ID",
    Statement: [
      {
        Sid: "__default_statement_ID",
        Effect: "Allow",
        Principal: { AWS: "*" },
        Action: actions.map((action) => `SNS:${action}`),
        Resource: arn,
        Condition: { StringEquals: { "AWS:SourceOwner": account } },
      },
    ],
  });
}

const EFFECTIVE_DELIVERY_POLICY = JSON.stringify({
  http: {
    defaultHealthyRetryPolicy: {
      minDelayTarget: 20,
      maxDelayTarget: 20,
      numRetries: 3,
      numMaxDelayRetries: 0,
      numNoDelayRetries: 0,
      numMinDelayRetries: 0,
      backoffFunction: "linear",
    },
    disableSubscriptionOverrides: false,
    defaultRequestPolicy: { headerContentType: "text/plain; charset=UTF-8" },
  },
});

function requireTaggable(arn: string, store: SnsCall["store"]): TopicRow {
  const topic = store.getTopic(arn);
  if (topic === undefined) throw new AwsError("ResourceNotFound", "Resource does not exist", 404);
  return topic;
}
