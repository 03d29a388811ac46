// The messages of every queue, one row each, kept until deleted, expired or
// moved to a dead-letter queue, so a kill -9 never loses one. Rows are found
// through indexes only: (queue, visible_at, seq) gives the next visible
// messages of a standard queue at the cost of a few index steps whatever the
// queue's length, (queue, seq) the order of a FIFO queue, (queue, sent_at)
// the expired ones. FIFO deduplication ids live in their own table until
// their 5-minute window ends.
import type { Database } from "../../store/database.js";
import { migrate } from "../../store/database.js";

export interface MessageRow {
  seq: number;
  queueId: number;
  messageId: string;
  body: string;
  /** MessageAttributes as JSON, or null. */
  attributes: string | null;
  /** MessageSystemAttributes (AWSTraceHeader) as JSON, or null. */
  systemAttributes: string | null;
  groupId: string | null;
  dedupId: string | null;
  senderId: string;
  sentAt: number;
  visibleAt: number;
  receiveCount: number;
  firstReceivedAt: number | null;
  /** The token of the latest receive: only the latest receipt handle deletes. */
  receipt: string | null;
  /** The queue a dead-lettered message came from. */
  deadLetterSource: string | null;
}

export type NewMessage = Omit<MessageRow, "seq" | "receipt">;

const MIGRATIONS = [
  `CREATE TABLE sqs_messages (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     queue_id INTEGER NOT NULL,
     message_id TEXT NOT NULL,
     body TEXT NOT NULL,
     attributes TEXT,
     system_attributes TEXT,
     group_id TEXT,
     dedup_id TEXT,
     sender_id TEXT NOT NULL,
     sent_at INTEGER NOT NULL,
     visible_at INTEGER NOT NULL,
     receive_count INTEGER NOT NULL DEFAULT 0,
     first_received_at INTEGER,
     receipt TEXT,
     dead_letter_source TEXT
   );
   CREATE INDEX sqs_messages_visible ON sqs_messages (queue_id, visible_at, seq);
   CREATE INDEX sqs_messages_order ON sqs_messages (queue_id, seq);
   CREATE INDEX sqs_messages_sent ON sqs_messages (queue_id, sent_at);
   CREATE TABLE sqs_dedup (
     queue_id INTEGER NOT NULL,
     dedup_key TEXT NOT NULL,
     message_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     PRIMARY KEY (queue_id, dedup_key)
   ) WITHOUT ROWID;`,
];

const COLUMNS = `seq, queue_id AS queueId, message_id AS messageId, body, attributes, system_attributes AS systemAttributes, group_id AS groupId,
  dedup_id AS dedupId, sender_id AS senderId, sent_at AS sentAt, visible_at AS visibleAt, receive_count AS receiveCount,
  first_received_at AS firstReceivedAt, receipt, dead_letter_source AS deadLetterSource`;

/** Counts GetQueueAttributes reports. */
export interface MessageCounts {
  visible: number;
  inFlight: number;
  delayed: number;
}

export class MessageStore {
  readonly #db: Database.Database;
  readonly #statements;

  constructor(db: Database.Database) {
    this.#db = db;
    migrate(db, "sqs-messages", MIGRATIONS);
    this.#statements = {
      insert: db.prepare(
        `INSERT INTO sqs_messages (queue_id, message_id, body, attributes, system_attributes, group_id, dedup_id, sender_id, sent_at, visible_at, receive_count,
           first_received_at, dead_letter_source)
         VALUES (@queueId, @messageId, @body, @attributes, @systemAttributes, @groupId, @dedupId, @senderId, @sentAt, @visibleAt, @receiveCount,
           @firstReceivedAt, @deadLetterSource)`,
      ),
      get: db.prepare<[number, number], MessageRow>(`SELECT ${COLUMNS} FROM sqs_messages WHERE seq = ? AND queue_id = ?`),
      visible: db.prepare<[number, number, number], MessageRow>(
        `SELECT ${COLUMNS} FROM sqs_messages WHERE queue_id = ? AND visible_at <= ? ORDER BY visible_at, seq LIMIT ?`,
      ),
      inOrder: db.prepare<[number, number, number, number], MessageRow>(
        `SELECT ${COLUMNS} FROM sqs_messages WHERE queue_id = ? AND seq > ? AND visible_at <= ? ORDER BY seq LIMIT ?`,
      ),
      busyGroups: db
        .prepare<[number, number], string>("SELECT DISTINCT group_id FROM sqs_messages WHERE queue_id = ? AND visible_at > ? AND receive_count > 0")
        .pluck(),
      nextVisible: db.prepare<[number, number], number | null>("SELECT min(visible_at) FROM sqs_messages WHERE queue_id = ? AND visible_at > ?").pluck(),
      received: db.prepare(
        "UPDATE sqs_messages SET visible_at = ?, receive_count = receive_count + 1, first_received_at = coalesce(first_received_at, ?), receipt = ? WHERE seq = ?",
      ),
      deleteByReceipt: db.prepare("DELETE FROM sqs_messages WHERE seq = ? AND queue_id = ? AND receipt = ?"),
      deleteOne: db.prepare("DELETE FROM sqs_messages WHERE seq = ?"),
      setVisibleAt: db.prepare("UPDATE sqs_messages SET visible_at = ? WHERE seq = ?"),
      expire: db.prepare("DELETE FROM sqs_messages WHERE queue_id = ? AND sent_at < ?"),
      purge: db.prepare("DELETE FROM sqs_messages WHERE queue_id = ?"),
      purgeDedup: db.prepare("DELETE FROM sqs_dedup WHERE queue_id = ?"),
      counts: db.prepare<[number, number, number, number], MessageCounts>(
        `SELECT coalesce(sum(visible_at <= ?), 0) AS visible, coalesce(sum(visible_at > ? AND receive_count > 0), 0) AS inFlight,
           coalesce(sum(visible_at > ? AND receive_count = 0), 0) AS delayed FROM sqs_messages WHERE queue_id = ?`,
      ),
      dedup: db.prepare<[number, string, number], { messageId: string; seq: number }>(
        "SELECT message_id AS messageId, seq FROM sqs_dedup WHERE queue_id = ? AND dedup_key = ? AND expires_at > ?",
      ),
      remember: db.prepare(
        "INSERT INTO sqs_dedup (queue_id, dedup_key, message_id, seq, expires_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET message_id = excluded.message_id, seq = excluded.seq, expires_at = excluded.expires_at",
      ),
      forgetDedup: db.prepare("DELETE FROM sqs_dedup WHERE expires_at <= ?"),
    };
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  /** Stores a message; returns its sequence number (its order in the queue). */
  insert(message: NewMessage): number {
    return Number(this.#statements.insert.run(message).lastInsertRowid);
  }

  get(queueId: number, seq: number): MessageRow | undefined {
    return this.#statements.get.get(seq, queueId);
  }

  /** Up to `limit` visible messages of a standard queue, those visible longest first. */
  visible(queueId: number, now: number, limit: number): MessageRow[] {
    return this.#statements.visible.all(queueId, now, limit);
  }

  /** Up to `limit` visible messages of a FIFO queue after `afterSeq`, in sending order. */
  visibleInOrder(queueId: number, afterSeq: number, now: number, limit: number): MessageRow[] {
    return this.#statements.inOrder.all(queueId, afterSeq, now, limit);
  }

  /** Message groups of a FIFO queue with a message in flight (received, not yet visible again). */
  busyGroups(queueId: number, now: number): Set<string> {
    return new Set(this.#statements.busyGroups.all(queueId, now));
  }

  /** When the next invisible message of the queue becomes visible, if one does. */
  nextVisibleAt(queueId: number, now: number): number | undefined {
    return this.#statements.nextVisible.get(queueId, now) ?? undefined;
  }

  markReceived(seq: number, visibleAt: number, now: number, receipt: string): void {
    this.#statements.received.run(visibleAt, now, receipt, seq);
  }

  /** Deletes the message if `receipt` is its latest receive's; false when it is gone or was received again since. */
  deleteByReceipt(queueId: number, seq: number, receipt: string): boolean {
    return this.#statements.deleteByReceipt.run(seq, queueId, receipt).changes > 0;
  }

  delete(seq: number): void {
    this.#statements.deleteOne.run(seq);
  }

  setVisibleAt(seq: number, visibleAt: number): void {
    this.#statements.setVisibleAt.run(visibleAt, seq);
  }

  /** Deletes messages sent before `sentBefore`; the number deleted. */
  expire(queueId: number, sentBefore: number): number {
    return this.#statements.expire.run(queueId, sentBefore).changes;
  }

  purge(queueId: number): void {
    this.#statements.purge.run(queueId);
    this.#statements.purgeDedup.run(queueId);
  }

  counts(queueId: number, now: number): MessageCounts {
    return this.#statements.counts.get(now, now, now, queueId)!;
  }

  /** The message a deduplication key of the queue already made, within its window. */
  duplicateOf(queueId: number, key: string, now: number): { messageId: string; seq: number } | undefined {
    return this.#statements.dedup.get(queueId, key, now);
  }

  rememberDedup(queueId: number, key: string, messageId: string, seq: number, expiresAt: number): void {
    this.#statements.remember.run(queueId, key, messageId, seq, expiresAt);
  }

  forgetExpiredDedup(now: number): void {
    this.#statements.forgetDedup.run(now);
  }
}
