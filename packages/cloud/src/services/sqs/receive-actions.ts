// ReceiveMessage (long polling up to 20 s, MaxNumberOfMessages, a visibility
// timeout of its own, the system and message attributes asked for),
// DeleteMessage(Batch) and ChangeMessageVisibility(Batch). Only the latest
// receipt handle of a message deletes it; an older one succeeds and deletes
// nothing, as on SQS.
import type { AwsRequest } from "../../server/aws-request.js";
import { attributesMd5, md5Hex, selectAttributes, type MessageAttributes } from "./message-content.js";
import type { MessageRow } from "./message-store.js";
import { receiveWaiting } from "./long-poll.js";
import { decodeReceipt, type Received } from "./receive.js";
import { sequenceNumber } from "./send-actions.js";
import { batchEntries, batchFailure, invalidParameter, optionalInteger, requiredString, SqsError, stringList, type SqsInput } from "./sqs-protocol.js";
import { requireQueue, unblocked, type SqsAction, type SqsState } from "./sqs-state.js";

const SYSTEM_ATTRIBUTES = [
  "SenderId",
  "SentTimestamp",
  "ApproximateReceiveCount",
  "ApproximateFirstReceiveTimestamp",
  "SequenceNumber",
  "MessageDeduplicationId",
  "MessageGroupId",
  "AWSTraceHeader",
  "DeadLetterQueueSourceArn",
];

const receiveMessage: SqsAction = async (state, input, request) => {
  const queue = requireQueue(state, input, request.region);
  const max = optionalInteger(input, "MaxNumberOfMessages", 1, 10, "Must be between 1 and 10, if provided.") ?? 1;
  const visibility = optionalInteger(input, "VisibilityTimeout", 0, 43200, "Must be >= 0 and <= 43200, if provided.");
  const wait =
    optionalInteger(input, "WaitTimeSeconds", 0, 20, "Must be >= 0 and <= 20, if provided.") ?? Number(queue.attributes.ReceiveMessageWaitTimeSeconds);
  const systemNames = [...stringList(input, "AttributeNames"), ...stringList(input, "MessageSystemAttributeNames")];
  const attributeNames = stringList(input, "MessageAttributeNames");
  const gone = watchClient(request);
  let received: Received[];
  try {
    received = await receiveWaiting(state, {
      queueId: queue.id,
      max,
      visibilityMs: visibility === undefined ? undefined : visibility * 1000,
      waitMs: wait * 1000,
      signal: gone.signal,
    });
  } finally {
    gone.release();
  }
  if (received.length === 0) return {};
  return { Messages: received.map((each) => messageOutput(each, systemNames, attributeNames)) };
};

/** A received message as ReceiveMessage answers it. */
export function messageOutput(each: Received, systemNames: readonly string[], attributeNames: readonly string[]): Record<string, unknown> {
  const { row } = each;
  const attributes = selectAttributes(parseAttributes(row.attributes), attributeNames);
  const system = systemAttributes(row);
  const wanted = systemNames.includes("All") ? Object.keys(system) : systemNames;
  const chosen = Object.fromEntries(Object.entries(system).filter(([name]) => wanted.includes(name)));
  return {
    MessageId: row.messageId,
    ReceiptHandle: each.receiptHandle,
    MD5OfBody: md5Hex(row.body),
    Body: row.body,
    ...(Object.keys(chosen).length > 0 ? { Attributes: chosen } : {}),
    ...(attributes === undefined ? {} : { MD5OfMessageAttributes: attributesMd5(attributes), MessageAttributes: attributes }),
  };
}

/** Every system attribute the message has, as SQS names and writes them (text). */
export function systemAttributes(row: MessageRow): Record<string, string> {
  const trace = parseAttributes(row.systemAttributes)?.AWSTraceHeader?.StringValue;
  const all: Record<string, string | undefined> = {
    SenderId: row.senderId,
    SentTimestamp: String(row.sentAt),
    ApproximateReceiveCount: String(row.receiveCount),
    ApproximateFirstReceiveTimestamp: row.firstReceivedAt === null ? undefined : String(row.firstReceivedAt),
    SequenceNumber: row.dedupId === null ? undefined : sequenceNumber(row.seq),
    MessageDeduplicationId: row.dedupId ?? undefined,
    MessageGroupId: row.groupId ?? undefined,
    AWSTraceHeader: trace,
    DeadLetterQueueSourceArn: row.deadLetterSource ?? undefined,
  };
  return Object.fromEntries(SYSTEM_ATTRIBUTES.flatMap((name) => (all[name] === undefined ? [] : [[name, all[name]]])));
}

export function parseAttributes(text: string | null): MessageAttributes | undefined {
  return text === null ? undefined : (JSON.parse(text) as MessageAttributes);
}

// A long poll whose client disconnected stops waiting (it would otherwise
// take messages nobody reads, hiding them for a visibility timeout).
function watchClient(request: AwsRequest): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const socket = request.stream.socket;
  const abort = (): void => controller.abort();
  if (socket === null || socket.destroyed) abort();
  else socket.once("close", abort);
  return { signal: controller.signal, release: () => socket?.off("close", abort) };
}

function deleteOne(state: SqsState, queueId: number, handle: string): void {
  const { seq, token } = decodeReceipt(queueId, handle);
  state.messages.deleteByReceipt(queueId, seq, token);
}

const deleteMessage: SqsAction = async (state, input, request) => {
  const queue = requireQueue(state, input, request.region);
  const handle = requiredString(input, "ReceiptHandle");
  state.quickly(() => deleteOne(state, queue.id, handle));
  unblocked(state, queue.id);
  return undefined;
};

const deleteMessageBatch: SqsAction = async (state, input, request) => {
  const queue = requireQueue(state, input, request.region);
  const entries = batchEntries(input, "Entries", "DeleteMessage");
  const result = state.quickly(() => eachEntry(entries, (entry) => deleteOne(state, queue.id, requiredString(entry, "ReceiptHandle"))));
  unblocked(state, queue.id);
  return result;
};

function changeOne(state: SqsState, queueId: number, handle: string, seconds: number): void {
  const { seq, token } = decodeReceipt(queueId, handle);
  const row = state.messages.get(queueId, seq);
  if (row === undefined || row.receipt !== token) {
    throw invalidParameter(
      `Value ${handle} for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change.`,
    );
  }
  const now = state.context.clock.now();
  if (row.visibleAt <= now) throw new SqsError("MessageNotInflight", "Message is not in flight.", "AWS.SimpleQueueService.MessageNotInflight");
  state.messages.setVisibleAt(seq, now + seconds * 1000);
}

function visibilityOf(input: SqsInput): number {
  const seconds = optionalInteger(input, "VisibilityTimeout", 0, 43200, "Must be >= 0 and <= 43200.");
  if (seconds === undefined) throw new SqsError("MissingParameter", "The request must contain the parameter VisibilityTimeout.");
  return seconds;
}

const changeMessageVisibility: SqsAction = async (state, input, request) => {
  const queue = requireQueue(state, input, request.region);
  const handle = requiredString(input, "ReceiptHandle");
  const seconds = visibilityOf(input);
  state.quickly(() => changeOne(state, queue.id, handle, seconds));
  if (seconds === 0) state.waiters.notify(queue.id);
  return undefined;
};

const changeMessageVisibilityBatch: SqsAction = async (state, input, request) => {
  const queue = requireQueue(state, input, request.region);
  const entries = batchEntries(input, "Entries", "ChangeMessageVisibility");
  const result = state.quickly(() => eachEntry(entries, (entry) => changeOne(state, queue.id, requiredString(entry, "ReceiptHandle"), visibilityOf(entry))));
  state.waiters.notify(queue.id);
  return result;
};

/** Runs `work` per batch entry: Successful ids and Failed entries, as batch actions answer. */
function eachEntry(entries: SqsInput[], work: (entry: SqsInput) => void): { Successful: Array<{ Id: string }>; Failed: unknown[] } {
  const result: { Successful: Array<{ Id: string }>; Failed: unknown[] } = { Successful: [], Failed: [] };
  for (const entry of entries) {
    try {
      work(entry);
      result.Successful.push({ Id: entry.Id as string });
    } catch (error) {
      result.Failed.push(batchFailure(entry.Id as string, error));
    }
  }
  return result;
}

export const RECEIVE_ACTIONS: Readonly<Record<string, SqsAction>> = {
  ReceiveMessage: receiveMessage,
  DeleteMessage: deleteMessage,
  DeleteMessageBatch: deleteMessageBatch,
  ChangeMessageVisibility: changeMessageVisibility,
  ChangeMessageVisibilityBatch: changeMessageVisibilityBatch,
};
