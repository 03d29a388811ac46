// The queue operations: CreateQueue (idempotent for the same attributes,
// QueueAlreadyExists for others), DeleteQueue, GetQueueUrl, ListQueues,
// Get/SetQueueAttributes, PurgeQueue (one a minute), ListDeadLetterSourceQueues
// and the tag operations.
import {
  SqsError,
  invalidParameter,
  optionalInteger,
  optionalString,
  queueDoesNotExist,
  requiredString,
  stringList,
  stringMap,
  type SqsInput,
} from "./sqs-protocol.js";
import {
  applyAttributes,
  COMPUTED_ATTRIBUTES,
  differingAttribute,
  isKnownAttribute,
  newQueueAttributes,
  readRedrive,
  type QueueAttributes,
} from "./queue-attributes.js";
import { isQueueName, parseQueueArn, queueArn, queueUrl, type QueueRow } from "./queue-store.js";
import { requireQueue, type SqsAction, type SqsState } from "./sqs-state.js";

const PURGE_INTERVAL_MS = 60_000;
const MAX_TAGS = 50;

const createQueue: SqsAction = async (state, input, request) => {
  const name = requiredString(input, "QueueName");
  if (!isQueueName(name)) throw invalidParameter("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
  const given = stringMap(input, "Attributes");
  const tags = stringMap(input, "tags");
  const attributes = newQueueAttributes(name, given);
  checkRedrive(state, request.region, attributes);
  const now = state.context.clock.now();
  const queue = state.queues.find(request.region, name);
  if (queue !== undefined) {
    const differs = differingAttribute(queue.attributes, given, name);
    if (differs !== undefined) {
      throw new SqsError("QueueNameExists", `A queue already exists with the same name and a different value for attribute ${differs}`, "QueueAlreadyExists");
    }
    return { QueueUrl: queueUrl(state.context.endpoint, name) };
  }
  if (Object.keys(tags).length > MAX_TAGS) throw invalidParameter(`Too many tags added for queue ${name}.`);
  state.queues.insert(request.region, name, attributes, tags, now);
  return { QueueUrl: queueUrl(state.context.endpoint, name) };
};

const deleteQueue: SqsAction = async (state, input, request) => {
  const queue = requireQueue(state, input, request.region);
  state.quickly(() => {
    state.messages.purge(queue.id);
    state.queues.delete(queue.id);
  });
  // Long polls on it end now (and answer QueueDoesNotExist).
  state.waiters.notify(queue.id);
  return undefined;
};

const getQueueUrl: SqsAction = async (state, input, request) => {
  const name = requiredString(input, "QueueName");
  if (state.queues.find(request.region, name) === undefined) throw queueDoesNotExist();
  return { QueueUrl: queueUrl(state.context.endpoint, name) };
};

const listQueues: SqsAction = async (state, input, request) => {
  const prefix = optionalString(input, "QueueNamePrefix") ?? "";
  const max = optionalInteger(input, "MaxResults", 1, 1000, "MaxResults must be an integer between 1 and 1000.");
  const after = optionalString(input, "NextToken") === undefined ? "" : Buffer.from(optionalString(input, "NextToken")!, "base64url").toString("utf8");
  const rows = state.queues.list(request.region, prefix, after, (max ?? 1000) + 1);
  const page = rows.slice(0, max ?? 1000);
  const urls = page.map((queue) => queueUrl(state.context.endpoint, queue.name));
  // Without MaxResults, SQS answers at most 1,000 queues and no token.
  const next = max !== undefined && rows.length > max ? Buffer.from(page[page.length - 1]!.name).toString("base64url") : undefined;
  return { ...(urls.length > 0 ? { QueueUrls: urls } : {}), ...(next === undefined ? {} : { NextToken: next }) };
};

const getQueueAttributes: SqsAction = async (state, input, request) => {
  const queue = requireQueue(state, input, request.region);
  const names = stringList(input, "AttributeNames");
  const unknown = names.find((name) => !isKnownAttribute(name));
  if (unknown !== undefined) throw new SqsError("InvalidAttributeName", `Unknown Attribute ${unknown}.`);
  if (names.length === 0) return {};
  const all = allAttributes(state, queue);
  const chosen = names.includes("All") ? all : Object.fromEntries(Object.entries(all).filter(([name]) => names.includes(name)));
  return Object.keys(chosen).length === 0 ? {} : { Attributes: chosen };
};

function allAttributes(state: SqsState, queue: QueueRow): QueueAttributes {
  const counts = state.messages.counts(queue.id, state.context.clock.now());
  const computed: Record<(typeof COMPUTED_ATTRIBUTES)[number], string> = {
    ApproximateNumberOfMessages: String(counts.visible),
    ApproximateNumberOfMessagesNotVisible: String(counts.inFlight),
    ApproximateNumberOfMessagesDelayed: String(counts.delayed),
    CreatedTimestamp: String(Math.floor(queue.createdAt / 1000)),
    LastModifiedTimestamp: String(Math.floor(queue.modifiedAt / 1000)),
    QueueArn: queueArn(queue.region, queue.name),
  };
  return { ...computed, ...queue.attributes };
}

const setQueueAttributes: SqsAction = async (state, input, request) => {
  const queue = requireQueue(state, input, request.region);
  const attributes = applyAttributes(queue.attributes, stringMap(input, "Attributes"));
  checkRedrive(state, request.region, attributes);
  state.queues.setAttributes(queue.id, attributes, state.context.clock.now());
  // A shorter delay or a redrive change may make messages receivable now.
  state.waiters.notify(queue.id);
  return undefined;
};

/** A redrive policy must name an existing queue of the same type (standard or FIFO). */
function checkRedrive(state: SqsState, region: string, attributes: QueueAttributes): void {
  if (attributes.RedrivePolicy === undefined) return;
  const text = attributes.RedrivePolicy;
  const target = parseQueueArn(readRedrive(text).deadLetterTargetArn);
  const dlq = target === undefined ? undefined : state.queues.find(target.region, target.name);
  if (dlq === undefined || target?.region !== region)
    throw invalidParameter(`Value ${text} for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist.`);
  if ((dlq.attributes.FifoQueue === "true") !== (attributes.FifoQueue === "true")) {
    throw invalidParameter(`Value ${text} for parameter RedrivePolicy is invalid. Reason: Dead-letter queue must be same type of queue as the source..`);
  }
}

const purgeQueue: SqsAction = async (state, input, request) => {
  const queue = requireQueue(state, input, request.region);
  const now = state.context.clock.now();
  const last = state.purgedAt.get(queue.id);
  if (last !== undefined && now - last < PURGE_INTERVAL_MS) {
    throw new SqsError(
      "PurgeQueueInProgress",
      `Only one PurgeQueue operation on ${queue.name} is allowed every 60 seconds.`,
      "AWS.SimpleQueueService.PurgeQueueInProgress",
      403,
    );
  }
  state.quickly(() => state.messages.purge(queue.id));
  state.purgedAt.set(queue.id, now);
  return undefined;
};

const listDeadLetterSourceQueues: SqsAction = async (state, input, request) => {
  const queue = requireQueue(state, input, request.region);
  return { queueUrls: state.queues.sourcesOf(queueArn(queue.region, queue.name)).map((source) => queueUrl(state.context.endpoint, source.name)) };
};

const tagQueue: SqsAction = async (state, input, request) => {
  const queue = requireQueue(state, input, request.region);
  const given = stringMap(input, "Tags");
  if (Object.keys(given).length === 0) throw new SqsError("MissingParameter", "The request must contain the parameter Tags.");
  const tags = { ...queue.tags, ...given };
  if (Object.keys(tags).length > MAX_TAGS) throw invalidParameter(`Too many tags added for queue ${queue.name}.`);
  state.queues.setTags(queue.id, tags);
  return undefined;
};

const untagQueue: SqsAction = async (state, input: SqsInput, request) => {
  const queue = requireQueue(state, input, request.region);
  const keys = new Set(stringList(input, "TagKeys"));
  if (keys.size === 0) throw invalidParameter("Tag keys must be between 1 and 128 characters in length.");
  state.queues.setTags(queue.id, Object.fromEntries(Object.entries(queue.tags).filter(([key]) => !keys.has(key))));
  return undefined;
};

const listQueueTags: SqsAction = async (state, input, request) => {
  const queue = requireQueue(state, input, request.region);
  return Object.keys(queue.tags).length === 0 ? {} : { Tags: queue.tags };
};

export const QUEUE_ACTIONS: Readonly<Record<string, SqsAction>> = {
  CreateQueue: createQueue,
  DeleteQueue: deleteQueue,
  GetQueueUrl: getQueueUrl,
  ListQueues: listQueues,
  GetQueueAttributes: getQueueAttributes,
  SetQueueAttributes: setQueueAttributes,
  PurgeQueue: purgeQueue,
  ListDeadLetterSourceQueues: listDeadLetterSourceQueues,
  TagQueue: tagQueue,
  UntagQueue: untagQueue,
  ListQueueTags: listQueueTags,
};
