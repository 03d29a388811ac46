// The queues table: one row per queue (region and name unique), its
// settable attributes as JSON, tags, and when it was made and last changed.
// Queue URLs and ARNs are made and read here too: the URL points at the
// daemon itself (`http://127.0.0.1:<port>/000000000000/<name>`), because the
// SDK sends each request to the QueueUrl it is given.
import type { Database } from "../../store/database.js";
import { migrate } from "../../store/database.js";
import { ACCOUNT_ID } from "../service.js";
import type { QueueAttributes } from "./queue-attributes.js";
import { queueDoesNotExist } from "./sqs-protocol.js";

export interface QueueRow {
  id: number;
  region: string;
  name: string;
  attributes: QueueAttributes;
  tags: Record<string, string>;
  createdAt: number;
  modifiedAt: number;
}

const MIGRATIONS = [
  `CREATE TABLE sqs_queues (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     region TEXT NOT NULL,
     name TEXT NOT NULL,
     attributes TEXT NOT NULL,
     tags TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     modified_at INTEGER NOT NULL,
     UNIQUE (region, name)
   );`,
];

interface QueueRecord {
  id: number;
  region: string;
  name: string;
  attributes: string;
  tags: string;
  created_at: number;
  modified_at: number;
}

export const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;
const FIFO_NAME = /^[A-Za-z0-9_-]{1,75}\.fifo$/;

export function isQueueName(name: string): boolean {
  return QUEUE_NAME.test(name) || FIFO_NAME.test(name);
}

export function queueArn(region: string, name: string): string {
  return `arn:aws:sqs:${region}:${ACCOUNT_ID}:${name}`;
}

export function queueUrl(endpoint: string, name: string): string {
  return `${endpoint}/${ACCOUNT_ID}/${name}`;
}

/** The region and name an SQS ARN names, or undefined when it is not one. */
export function parseQueueArn(arn: string): { region: string; name: string } | undefined {
  const match = /^arn:aws[a-z-]*:sqs:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_.-]+)$/.exec(arn);
  return match === null ? undefined : { region: match[1]!, name: match[3]! };
}

/**
 * The queue name a QueueUrl names: its last path segment, whatever the host
 * (an AWS-style URL, LocalStack's, or this daemon's under another port).
 */
export function nameFromUrl(url: string): string {
  const path = url.replace(/^[a-z]+:\/\/[^/]*/i, "").replace(/\/+$/, "");
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (!isQueueName(name)) throw queueDoesNotExist();
  return name;
}

export class QueueStore {
  readonly #db: Database.Database;
  readonly #byName: Database.Statement<[string, string], QueueRecord>;
  readonly #byId: Database.Statement<[number], QueueRecord>;
  // Queues are read on every message operation: cache rows by id, dropped on every write.
  readonly #cache = new Map<number, QueueRow>();

  constructor(db: Database.Database) {
    this.#db = db;
    migrate(db, "sqs-queues", MIGRATIONS);
    this.#byName = db.prepare("SELECT * FROM sqs_queues WHERE region = ? AND name = ?");
    this.#byId = db.prepare("SELECT * FROM sqs_queues WHERE id = ?");
  }

  find(region: string, name: string): QueueRow | undefined {
    const record = this.#byName.get(region, name);
    return record === undefined ? undefined : this.#remember(record);
  }

  byId(id: number): QueueRow | undefined {
    const cached = this.#cache.get(id);
    if (cached !== undefined) return cached;
    const record = this.#byId.get(id);
    return record === undefined ? undefined : this.#remember(record);
  }

  /** Queues of `region` whose name starts with `prefix`, in name order, after `after`, at most `limit`. */
  list(region: string, prefix: string, after: string, limit: number): QueueRow[] {
    const records = this.#db
      .prepare("SELECT * FROM sqs_queues WHERE region = ? AND substr(name, 1, ?) = ? AND name > ? ORDER BY name LIMIT ?")
      .all(region, prefix.length, prefix, after, limit) as QueueRecord[];
    return records.map((record) => this.#remember(record));
  }

  /** Queues whose redrive policy names `deadLetterArn`. */
  sourcesOf(deadLetterArn: string): QueueRow[] {
    const records = this.#db
      .prepare("SELECT * FROM sqs_queues WHERE json_extract(attributes, '$.RedrivePolicy') LIKE ? ORDER BY name")
      .all(`%${deadLetterArn}"%`) as QueueRecord[];
    return records.map((record) => this.#remember(record));
  }

  insert(region: string, name: string, attributes: QueueAttributes, tags: Record<string, string>, now: number): QueueRow {
    const result = this.#db
      .prepare("INSERT INTO sqs_queues (region, name, attributes, tags, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?)")
      .run(region, name, JSON.stringify(attributes), JSON.stringify(tags), now, now);
    return this.byId(Number(result.lastInsertRowid))!;
  }

  setAttributes(id: number, attributes: QueueAttributes, now: number): void {
    this.#db.prepare("UPDATE sqs_queues SET attributes = ?, modified_at = ? WHERE id = ?").run(JSON.stringify(attributes), now, id);
    this.#cache.delete(id);
  }

  setTags(id: number, tags: Record<string, string>): void {
    this.#db.prepare("UPDATE sqs_queues SET tags = ? WHERE id = ?").run(JSON.stringify(tags), id);
    this.#cache.delete(id);
  }

  delete(id: number): void {
    this.#db.prepare("DELETE FROM sqs_queues WHERE id = ?").run(id);
    this.#cache.delete(id);
  }

  #remember(record: QueueRecord): QueueRow {
    const row: QueueRow = {
      id: record.id,
      region: record.region,
      name: record.name,
      attributes: JSON.parse(record.attributes) as QueueAttributes,
      tags: JSON.parse(record.tags) as Record<string, string>,
      createdAt: record.created_at,
      modifiedAt: record.modified_at,
    };
    this.#cache.set(row.id, row);
    return row;
  }
}
