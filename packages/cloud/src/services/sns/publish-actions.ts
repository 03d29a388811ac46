// Publish and PublishBatch: the message checked as SNS checks it (size,
// subject, MessageStructure json with its default, attributes, FIFO's
// group and deduplication ids), then fanned out to the topic's
// subscriptions in one transaction with the FIFO bookkeeping, so what was
// answered is queued durably. A FIFO message seen again within five minutes
// (same deduplication id) is answered with the first one's id and not
// delivered again.
import { createHash, randomUUID } from "node:crypto";
import { AwsError } from "../../errors.js";
import { QueryParams } from "../../protocols/query.js";
import type { PublishedMessage } from "./deliveries.js";
import { attributeBytes, readMessageAttributes, type MessageAttributes } from "./message-attributes.js";
import type { SnsAction, SnsCall, SnsResult } from "./sns-call.js";
import { invalidParameter, requireTopic } from "./sns-input.js";
import type { TopicRow } from "./sns-store.js";

const MAX_BYTES = 262_144;
const DEDUPLICATION_MS = 5 * 60_000;
const MAX_BATCH = 10;

interface Entry {
  message: PublishedMessage["message"];
  subject: string | undefined;
  attributes: MessageAttributes;
  groupId: string | undefined;
  deduplicationId: string | undefined;
}

export const PUBLISH_ACTIONS: Readonly<Record<string, SnsAction>> = {
  Publish: publish,
  PublishBatch: publishBatch,
};

function publish(call: SnsCall): SnsResult {
  const { params, store } = call;
  const arn = params.get("TopicArn") ?? params.get("TargetArn");
  // SMS to a phone number: accepted, and sent nowhere (the local cloud has no phones).
  if (arn === undefined && params.get("PhoneNumber") !== undefined) return { MessageId: randomUUID() };
  if (arn === undefined) throw invalidParameter("TopicArn or TargetArn Reason: no value for required parameter");
  const topic = requireTopic(store, arn);
  const entry = readEntry(params, topic);
  return store.transaction(() => publishOne(call, topic, entry));
}

function publishBatch(call: SnsCall): SnsResult {
  const { params, store } = call;
  const topic = requireTopic(store, params.required("TopicArn"));
  const members = params.structList("PublishBatchRequestEntries");
  if (members.length === 0) throw new AwsError("EmptyBatchRequest", "The batch request doesn't contain any entries.", 400);
  if (members.length > MAX_BATCH) throw new AwsError("TooManyEntriesInBatchRequest", "The batch request contains more entries than permissible.", 400);
  const ids = members.map((member) => member.Id ?? "");
  if (ids.some((id) => !/^[A-Za-z0-9_-]{1,80}$/.test(id)))
    throw new AwsError("InvalidBatchEntryId", "The Id of a batch entry in a batch request doesn't abide by the specification.", 400);
  if (new Set(ids).size !== ids.length) throw new AwsError("BatchEntryIdsNotDistinct", "Two or more batch entries in the request have the same Id.", 400);
  if (topic.attributes.FifoTopic === "true" && members.some((member) => member.MessageGroupId === undefined))
    throw invalidParameter("The MessageGroupId parameter is required for FIFO topics");
  const entries = members.map((member) => {
    try {
      return readEntry(new QueryParams(new Map(Object.entries(member))), topic);
    } catch (error) {
      if (error instanceof AwsError && error.status < 500) return { code: error.code, message: error.message };
      throw error;
    }
  });
  const total = entries.reduce((sum, entry) => sum + ("attributes" in entry ? entryBytes(entry) : 0), 0);
  if (total > MAX_BYTES) throw new AwsError("BatchRequestTooLong", "The length of all the messages put together is more than the limit.", 400);
  const successful: Array<Record<string, string | undefined>> = [];
  const failed: Array<Record<string, string | boolean>> = [];
  store.transaction(() => {
    entries.forEach((entry, index) => {
      if ("code" in entry) failed.push({ Id: ids[index]!, Code: entry.code, Message: entry.message, SenderFault: true });
      else successful.push({ Id: ids[index]!, ...(publishOne(call, topic, entry) as Record<string, string | undefined>) });
    });
  });
  return { Successful: successful, Failed: failed };
}

function publishOne({ store, now, fanout }: SnsCall, topic: TopicRow, entry: Entry): SnsResult {
  if (topic.attributes.FifoTopic !== "true") {
    const id = randomUUID();
    fanout.deliver(topic, { id, message: entry.message, subject: entry.subject, attributes: entry.attributes, timestamp: now });
    return { MessageId: id };
  }
  const deduplicationId =
    entry.deduplicationId ??
    createHash("sha256")
      .update(typeof entry.message === "string" ? entry.message : JSON.stringify(entry.message))
      .digest("hex");
  const duplicate = store.duplicateOf(topic.arn, deduplicationId, now);
  if (duplicate !== undefined) return { MessageId: duplicate.messageId, SequenceNumber: duplicate.sequence };
  const id = randomUUID();
  const sequence = String(store.nextSequence(topic.arn)).padStart(20, "0");
  store.rememberDeduplication(topic.arn, deduplicationId, id, sequence, now + DEDUPLICATION_MS);
  const fifo = { groupId: entry.groupId!, deduplicationId, sequence };
  fanout.deliver(topic, { id, message: entry.message, subject: entry.subject, attributes: entry.attributes, timestamp: now, fifo });
  return { MessageId: id, SequenceNumber: sequence };
}

function readEntry(params: QueryParams, topic: TopicRow): Entry {
  const text = params.get("Message") ?? "";
  if (text === "") throw invalidParameter("Empty message");
  const subject = params.get("Subject");
  // Printable ASCII without line breaks, at most 100 characters.
  if (subject !== undefined && !/^[\x20-\x7e]{1,100}$/.test(subject)) throw invalidParameter("Subject");
  const attributes = readMessageAttributes(params);
  const entry: Entry = {
    message: messageOf(text, params.get("MessageStructure")),
    subject,
    attributes,
    groupId: params.get("MessageGroupId"),
    deduplicationId: params.get("MessageDeduplicationId"),
  };
  if (entryBytes(entry) > MAX_BYTES) throw invalidParameter("Message too long");
  checkFifo(topic, entry);
  return entry;
}

function messageOf(text: string, structure: string | undefined): PublishedMessage["message"] {
  if (structure === undefined) return text;
  if (structure !== "json") throw invalidParameter("MessageStructure");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidParameter("Message Structure - JSON message body failed to parse");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw invalidParameter("Message Structure - JSON message body failed to parse");
  const messages = parsed as Record<string, unknown>;
  if (typeof messages.default !== "string") throw invalidParameter("Message Structure - No default entry in JSON message body");
  if (Object.values(messages).some((value) => typeof value !== "string"))
    throw invalidParameter("Message Structure - every protocol's message must be a string");
  return messages as Record<string, string>;
}

function checkFifo(topic: TopicRow, entry: Entry): void {
  if (topic.attributes.FifoTopic !== "true") {
    if (entry.deduplicationId !== undefined) {
      throw invalidParameter("MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type");
    }
    return;
  }
  if (entry.groupId === undefined || entry.groupId === "") throw invalidParameter("The MessageGroupId parameter is required for FIFO topics");
  if (entry.deduplicationId === undefined && topic.attributes.ContentBasedDeduplication !== "true") {
    throw invalidParameter("The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
  }
}

function entryBytes(entry: Entry): number {
  const text = typeof entry.message === "string" ? entry.message : JSON.stringify(entry.message);
  return Buffer.byteLength(text) + attributeBytes(entry.attributes);
}
