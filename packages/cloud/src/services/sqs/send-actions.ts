// SendMessage and SendMessageBatch. A message is checked first (body
// characters, attributes, size, FIFO's group and deduplication ids, delays
// a FIFO queue refuses), then stored in the next group commit and answered
// once on disk; receivers long-polling the queue wake then. On a FIFO queue
// a deduplication id seen in the last 5 minutes answers the first message's
// id and stores nothing.
import { createHash, randomUUID } from "node:crypto";
import { ACCOUNT_ID, type DeliveredMessage } from "../service.js";
import { attributesMd5, checkCharacters, md5Hex, messageSize, readMessageAttributes, type MessageAttributes } from "./message-content.js";
import type { QueueRow } from "./queue-store.js";
import { batchEntries, batchFailure, invalidParameter, missingParameter, optionalInteger, optionalString, SqsError, type SqsInput } from "./sqs-protocol.js";
import { requireQueue, type SqsAction, type SqsState } from "./sqs-state.js";

const DEDUP_WINDOW_MS = 5 * 60_000;
const BATCH_LIMIT = 1_048_576;

/** A checked message, ready to store. */
interface Prepared {
  body: string;
  attributes: MessageAttributes | undefined;
  systemAttributes: MessageAttributes | undefined;
  delaySeconds: number;
  groupId: string | null;
  dedupId: string | null;
  size: number;
}

export interface SendResult {
  MessageId: string;
  MD5OfMessageBody: string;
  MD5OfMessageAttributes?: string;
  MD5OfMessageSystemAttributes?: string;
  SequenceNumber?: string;
}

function prepare(queue: QueueRow, input: SqsInput): Prepared {
  const body = input.MessageBody;
  if (typeof body !== "string" || body === "") throw missingParameter("MessageBody");
  checkCharacters(body);
  const attributes = readMessageAttributes(input.MessageAttributes);
  const systemAttributes = readMessageAttributes(input.MessageSystemAttributes, true);
  const size = messageSize(body, attributes);
  const limit = Number(queue.attributes.MaximumMessageSize);
  if (size > limit) throw invalidParameter(`One or more parameters are invalid. Reason: Message must be shorter than ${limit} bytes.`);
  const fifo = queue.attributes.FifoQueue === "true";
  const delay = optionalInteger(input, "DelaySeconds", 0, 900, "DelaySeconds must be >= 0 and <= 900.");
  const notForThisQueue = (field: string, value: unknown): SqsError =>
    invalidParameter(`Value ${String(value)} for parameter ${field} is invalid. Reason: The request include parameter that is not valid for this queue type.`);
  let groupId = optionalString(input, "MessageGroupId") ?? null;
  let dedupId = optionalString(input, "MessageDeduplicationId") ?? null;
  if (fifo) {
    if (delay !== undefined && delay !== 0) throw notForThisQueue("DelaySeconds", delay);
    if (groupId === null) throw missingParameter("MessageGroupId");
    if (dedupId === null && queue.attributes.ContentBasedDeduplication !== "true") {
      throw invalidParameter("The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
    }
    dedupId ??= createHash("sha256").update(body, "utf8").digest("hex");
  } else if (dedupId !== null) throw notForThisQueue("MessageDeduplicationId", dedupId);
  for (const [field, value] of [
    ["MessageGroupId", groupId],
    ["MessageDeduplicationId", dedupId],
  ] as const) {
    if (value !== null && !/^[\x21-\x7e]{1,128}$/.test(value))
      throw invalidParameter(
        `Value ${value} for parameter ${field} is invalid. Reason: ${field} can only include alphanumeric and punctuation characters. 1 to 128 in length.`,
      );
  }
  if (!fifo && groupId === "") groupId = null;
  return { body, attributes, systemAttributes, delaySeconds: delay ?? Number(queue.attributes.DelaySeconds), groupId, dedupId, size };
}

// Runs inside the group commit's transaction: the deduplication check and
// the insert are one atomic step.
function store(state: SqsState, queue: QueueRow, message: Prepared, now: number): SendResult {
  const digests = {
    MD5OfMessageBody: md5Hex(message.body),
    ...(message.attributes === undefined ? {} : { MD5OfMessageAttributes: attributesMd5(message.attributes) }),
    ...(message.systemAttributes === undefined ? {} : { MD5OfMessageSystemAttributes: attributesMd5(message.systemAttributes) }),
  };
  const fifo = queue.attributes.FifoQueue === "true";
  const dedupKey = !fifo ? undefined : queue.attributes.DeduplicationScope === "messageGroup" ? `${message.groupId}\u0000${message.dedupId}` : message.dedupId!;
  const earlier = dedupKey === undefined ? undefined : state.messages.duplicateOf(queue.id, dedupKey, now);
  if (earlier !== undefined) return { MessageId: earlier.messageId, ...digests, SequenceNumber: sequenceNumber(earlier.seq) };
  const messageId = randomUUID();
  const seq = state.messages.insert({
    queueId: queue.id,
    messageId,
    body: message.body,
    attributes: message.attributes === undefined ? null : JSON.stringify(message.attributes),
    systemAttributes: message.systemAttributes === undefined ? null : JSON.stringify(message.systemAttributes),
    groupId: message.groupId,
    dedupId: fifo ? message.dedupId : null,
    senderId: ACCOUNT_ID,
    sentAt: now,
    visibleAt: now + message.delaySeconds * 1000,
    receiveCount: 0,
    firstReceivedAt: null,
    deadLetterSource: null,
  });
  if (dedupKey !== undefined) state.messages.rememberDedup(queue.id, dedupKey, messageId, seq, now + DEDUP_WINDOW_MS);
  return { MessageId: messageId, ...digests, ...(fifo ? { SequenceNumber: sequenceNumber(seq) } : {}) };
}

/**
 * Stores a message another service delivers (SNS), inside that service's
 * transaction; the queue's delay applies, FIFO queues take the given group
 * and deduplication ids.
 */
export function storeDelivered(state: SqsState, queue: QueueRow, message: DeliveredMessage, now: number): void {
  const attributes = message.attributes === undefined || Object.keys(message.attributes).length === 0 ? undefined : message.attributes;
  const fifo = queue.attributes.FifoQueue === "true";
  const prepared: Prepared = {
    body: message.body,
    attributes,
    systemAttributes: undefined,
    delaySeconds: fifo ? 0 : Number(queue.attributes.DelaySeconds),
    groupId: fifo ? (message.groupId ?? null) : null,
    dedupId: fifo ? (message.deduplicationId ?? null) : null,
    size: messageSize(message.body, attributes),
  };
  store(state, queue, prepared, now);
}

/** A FIFO message's SequenceNumber: its order in the queue, as the 20-digit text SQS uses. */
export function sequenceNumber(seq: number): string {
  return String(seq).padStart(20, "0");
}

const sendMessage: SqsAction = async (state, input, request) => {
  const queue = requireQueue(state, input, request.region);
  const message = prepare(queue, input);
  const result = await state.durably(() => store(state, queue, message, state.context.clock.now()));
  state.waiters.notify(queue.id);
  return result;
};

const sendMessageBatch: SqsAction = async (state, input, request) => {
  const queue = requireQueue(state, input, request.region);
  const entries = batchEntries(input, "Entries", "SendMessage");
  const prepared = entries.map((entry) => {
    try {
      return { id: entry.Id as string, message: prepare(queue, entry) };
    } catch (error) {
      return { id: entry.Id as string, failure: batchFailure(entry.Id as string, error) };
    }
  });
  const total = prepared.reduce((sum, each) => sum + (each.message?.size ?? 0), 0);
  if (total > BATCH_LIMIT) {
    throw new SqsError(
      "BatchRequestTooLong",
      `Batch requests cannot be longer than ${BATCH_LIMIT} bytes. You have sent ${total} bytes.`,
      "AWS.SimpleQueueService.BatchRequestTooLong",
    );
  }
  const results = await state.durably(() => {
    const now = state.context.clock.now();
    return prepared.map((each) => (each.message === undefined ? undefined : { Id: each.id, ...store(state, queue, each.message, now) }));
  });
  state.waiters.notify(queue.id);
  const failed = prepared.flatMap((each) => (each.failure === undefined ? [] : [each.failure]));
  return { Successful: results.filter((each) => each !== undefined), Failed: failed };
};

export const SEND_ACTIONS: Readonly<Record<string, SqsAction>> = { SendMessage: sendMessage, SendMessageBatch: sendMessageBatch };
