// Receiving: picks the next visible messages of a queue and makes them
// invisible for the visibility timeout, each with a new receipt handle. A
// standard queue hands out the messages visible longest first; a FIFO queue
// hands them out in sending order, skipping every message group that has a
// message in flight. A message already received maxReceiveCount times goes
// to the dead-letter queue instead. Messages past the retention period are
// dropped first. The caller runs this in one transaction.
import { randomBytes } from "node:crypto";
import type { MessageRow, MessageStore } from "./message-store.js";
import { readRedrive } from "./queue-attributes.js";
import { parseQueueArn, queueArn, type QueueRow, type QueueStore } from "./queue-store.js";
import { invalidReceipt } from "./sqs-protocol.js";

export interface Received {
  row: MessageRow;
  receiptHandle: string;
}

export interface ReceiveResult {
  received: Received[];
  /** Dead-letter queues that got messages (their waiters should wake). */
  deadLettered: number[];
}

// FIFO scans walk the queue in pages of this many rows.
const FIFO_PAGE = 100;

export function receiveNow(queues: QueueStore, messages: MessageStore, queue: QueueRow, max: number, visibilityMs: number, now: number): ReceiveResult {
  const retentionMs = Number(queue.attributes.MessageRetentionPeriod) * 1000;
  messages.expire(queue.id, now - retentionMs);
  const redrive = deadLetterTarget(queues, queue);
  const received: Received[] = [];
  const deadLettered: number[] = [];
  const take = (row: MessageRow): boolean => {
    if (redrive !== undefined && row.receiveCount >= redrive.maxReceiveCount) {
      moveToDeadLetter(messages, row, redrive.queue, queueArn(queue.region, queue.name), now);
      if (!deadLettered.includes(redrive.queue.id)) deadLettered.push(redrive.queue.id);
      return false;
    }
    const token = randomBytes(12).toString("base64url");
    messages.markReceived(row.seq, now + visibilityMs, now, token);
    received.push({
      row: { ...row, receiveCount: row.receiveCount + 1, firstReceivedAt: row.firstReceivedAt ?? now, receipt: token },
      receiptHandle: encodeReceipt(queue.id, row.seq, token),
    });
    return true;
  };
  if (queue.attributes.FifoQueue === "true") takeInOrder(messages, queue.id, max, now, take);
  else takeVisible(messages, queue.id, max, now, take);
  return { received, deadLettered };
}

function takeVisible(messages: MessageStore, queueId: number, max: number, now: number, take: (row: MessageRow) => boolean): void {
  let taken = 0;
  for (;;) {
    const rows = messages.visible(queueId, now, max - taken);
    if (rows.length === 0) return;
    for (const row of rows) if (take(row)) taken++;
    // Only dead-lettered rows make a second page necessary.
    if (taken >= max) return;
  }
}

// A group is blocked while any of its messages is in flight; within a
// receive, the messages of one group come in order, so once a message of a
// group was skipped the rest of that group is skipped too.
function takeInOrder(messages: MessageStore, queueId: number, max: number, now: number, take: (row: MessageRow) => boolean): void {
  const blocked = messages.busyGroups(queueId, now);
  let taken = 0;
  let after = 0;
  for (;;) {
    const rows = messages.visibleInOrder(queueId, after, now, FIFO_PAGE);
    for (const row of rows) {
      after = row.seq;
      const group = row.groupId ?? "";
      if (blocked.has(group)) continue;
      if (take(row)) taken++;
      else continue;
      if (taken >= max) return;
    }
    if (rows.length < FIFO_PAGE) return;
  }
}

function deadLetterTarget(queues: QueueStore, queue: QueueRow): { queue: QueueRow; maxReceiveCount: number } | undefined {
  const text = queue.attributes.RedrivePolicy;
  if (text === undefined) return undefined;
  const policy = readRedrive(text);
  const target = parseQueueArn(policy.deadLetterTargetArn);
  // A dead-letter queue deleted since: messages stay where they are, as on AWS.
  const dlq = target === undefined ? undefined : queues.find(target.region, target.name);
  return dlq === undefined ? undefined : { queue: dlq, maxReceiveCount: policy.maxReceiveCount };
}

// The message keeps its id, body, attributes, sending time (retention counts
// from the first enqueue) and receive count; it is visible in the DLQ at once.
function moveToDeadLetter(messages: MessageStore, row: MessageRow, dlq: QueueRow, sourceArn: string, now: number): void {
  messages.delete(row.seq);
  const { seq: _seq, receipt: _receipt, ...kept } = row;
  messages.insert({ ...kept, queueId: dlq.id, visibleAt: now, deadLetterSource: sourceArn });
}

/** A receipt handle: the queue, the message's sequence number and the receive's token, base64url. */
export function encodeReceipt(queueId: number, seq: number, token: string): string {
  return Buffer.from(`${queueId}:${seq}:${token}`).toString("base64url");
}

/** The parts of a receipt handle of `queueId`; ReceiptHandleIsInvalid when it is not one. */
export function decodeReceipt(queueId: number, handle: string): { seq: number; token: string } {
  const match = /^(\d+):(\d+):([A-Za-z0-9_-]+)$/.exec(/^[A-Za-z0-9_-]+$/.test(handle) ? Buffer.from(handle, "base64url").toString("latin1") : "");
  if (match === null || Number(match[1]) !== queueId) throw invalidReceipt(handle);
  return { seq: Number(match[2]), token: match[3]! };
}
