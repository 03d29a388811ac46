// SNS's tables: topics (attributes and tags as JSON, a sequence for FIFO
// topics), subscriptions (by topic, in creation order), and the
// deduplication ids FIFO topics remember for five minutes.
import type { Database } from "../../store/database.js";
import { migrate } from "../../store/database.js";

export interface TopicRow {
  arn: string;
  name: string;
  attributes: Record<string, string>;
  tags: Record<string, string>;
  created: number;
  /** The last SequenceNumber a FIFO topic gave. */
  sequence: number;
}

export interface SubscriptionRow {
  arn: string;
  topicArn: string;
  protocol: string;
  endpoint: string;
  attributes: Record<string, string>;
  created: number;
}

const MIGRATIONS = [
  `CREATE TABLE sns_topics (
     arn TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     attributes TEXT NOT NULL,
     tags TEXT NOT NULL,
     created INTEGER NOT NULL,
     sequence INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE sns_subscriptions (
     arn TEXT PRIMARY KEY,
     topic_arn TEXT NOT NULL,
     protocol TEXT NOT NULL,
     endpoint TEXT NOT NULL,
     attributes TEXT NOT NULL,
     created INTEGER NOT NULL
   );
   CREATE INDEX sns_subscriptions_topic ON sns_subscriptions (topic_arn, created, arn);
   CREATE TABLE sns_deduplication (
     topic_arn TEXT NOT NULL,
     deduplication_id TEXT NOT NULL,
     message_id TEXT NOT NULL,
     sequence TEXT NOT NULL,
     expires INTEGER NOT NULL,
     PRIMARY KEY (topic_arn, deduplication_id)
   );`,
];

type Stored<T> = Omit<T, "attributes" | "tags"> & { attributes: string; tags?: string };

const TOPIC_COLUMNS = "arn, name, attributes, tags, created, sequence";
const SUBSCRIPTION_COLUMNS = "arn, topic_arn AS topicArn, protocol, endpoint, attributes, created";

export class SnsStore {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
    migrate(db, "sns", MIGRATIONS);
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  getTopic(arn: string): TopicRow | undefined {
    const row = this.#db.prepare(`SELECT ${TOPIC_COLUMNS} FROM sns_topics WHERE arn = ?`).get(arn) as Stored<TopicRow> | undefined;
    return row === undefined ? undefined : topicOf(row);
  }

  /** Topics in ARN order after `after`, at most `limit`. */
  listTopics(after: string, limit: number): TopicRow[] {
    const rows = this.#db.prepare(`SELECT ${TOPIC_COLUMNS} FROM sns_topics WHERE arn > ? ORDER BY arn LIMIT ?`).all(after, limit) as Array<Stored<TopicRow>>;
    return rows.map(topicOf);
  }

  insertTopic(topic: TopicRow): void {
    this.#db
      .prepare("INSERT INTO sns_topics (arn, name, attributes, tags, created, sequence) VALUES (?, ?, ?, ?, ?, ?)")
      .run(topic.arn, topic.name, JSON.stringify(topic.attributes), JSON.stringify(topic.tags), topic.created, topic.sequence);
  }

  updateTopic(arn: string, fields: { attributes?: Record<string, string>; tags?: Record<string, string> }): void {
    if (fields.attributes !== undefined) this.#db.prepare("UPDATE sns_topics SET attributes = ? WHERE arn = ?").run(JSON.stringify(fields.attributes), arn);
    if (fields.tags !== undefined) this.#db.prepare("UPDATE sns_topics SET tags = ? WHERE arn = ?").run(JSON.stringify(fields.tags), arn);
  }

  /** The next SequenceNumber of a FIFO topic (call inside the publish's transaction). */
  nextSequence(arn: string): number {
    return (this.#db.prepare("UPDATE sns_topics SET sequence = sequence + 1 WHERE arn = ? RETURNING sequence").get(arn) as { sequence: number }).sequence;
  }

  deleteTopic(arn: string): void {
    this.transaction(() => {
      this.#db.prepare("DELETE FROM sns_subscriptions WHERE topic_arn = ?").run(arn);
      this.#db.prepare("DELETE FROM sns_deduplication WHERE topic_arn = ?").run(arn);
      this.#db.prepare("DELETE FROM sns_topics WHERE arn = ?").run(arn);
    });
  }

  getSubscription(arn: string): SubscriptionRow | undefined {
    const row = this.#db.prepare(`SELECT ${SUBSCRIPTION_COLUMNS} FROM sns_subscriptions WHERE arn = ?`).get(arn) as Stored<SubscriptionRow> | undefined;
    return row === undefined ? undefined : subscriptionOf(row);
  }

  /** The topic's subscriptions in creation order. */
  subscriptionsOf(topicArn: string): SubscriptionRow[] {
    const rows = this.#db.prepare(`SELECT ${SUBSCRIPTION_COLUMNS} FROM sns_subscriptions WHERE topic_arn = ? ORDER BY created, arn`).all(topicArn) as Array<
      Stored<SubscriptionRow>
    >;
    return rows.map(subscriptionOf);
  }

  /** All subscriptions, in ARN order after `after`, at most `limit`. */
  listSubscriptions(after: string, limit: number): SubscriptionRow[] {
    const rows = this.#db.prepare(`SELECT ${SUBSCRIPTION_COLUMNS} FROM sns_subscriptions WHERE arn > ? ORDER BY arn LIMIT ?`).all(after, limit) as Array<
      Stored<SubscriptionRow>
    >;
    return rows.map(subscriptionOf);
  }

  insertSubscription(subscription: SubscriptionRow): void {
    this.#db
      .prepare("INSERT INTO sns_subscriptions (arn, topic_arn, protocol, endpoint, attributes, created) VALUES (?, ?, ?, ?, ?, ?)")
      .run(
        subscription.arn,
        subscription.topicArn,
        subscription.protocol,
        subscription.endpoint,
        JSON.stringify(subscription.attributes),
        subscription.created,
      );
  }

  updateSubscription(arn: string, attributes: Record<string, string>): void {
    this.#db.prepare("UPDATE sns_subscriptions SET attributes = ? WHERE arn = ?").run(JSON.stringify(attributes), arn);
  }

  deleteSubscription(arn: string): void {
    this.#db.prepare("DELETE FROM sns_subscriptions WHERE arn = ?").run(arn);
  }

  /** The message a deduplication id already published within its five minutes, if any. */
  duplicateOf(topicArn: string, id: string, now: number): { messageId: string; sequence: string } | undefined {
    return this.#db
      .prepare("SELECT message_id AS messageId, sequence FROM sns_deduplication WHERE topic_arn = ? AND deduplication_id = ? AND expires > ?")
      .get(topicArn, id, now) as { messageId: string; sequence: string } | undefined;
  }

  rememberDeduplication(topicArn: string, id: string, messageId: string, sequence: string, expires: number): void {
    this.#db
      .prepare(
        "INSERT INTO sns_deduplication VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET message_id = excluded.message_id, sequence = excluded.sequence, expires = excluded.expires",
      )
      .run(topicArn, id, messageId, sequence, expires);
  }

  forgetExpired(now: number): void {
    this.#db.prepare("DELETE FROM sns_deduplication WHERE expires <= ?").run(now);
  }
}

function topicOf(row: Stored<TopicRow>): TopicRow {
  return { ...row, attributes: JSON.parse(row.attributes) as Record<string, string>, tags: JSON.parse(row.tags!) as Record<string, string> };
}

function subscriptionOf(row: Stored<SubscriptionRow>): SubscriptionRow {
  return { ...row, attributes: JSON.parse(row.attributes) as Record<string, string> };
}
