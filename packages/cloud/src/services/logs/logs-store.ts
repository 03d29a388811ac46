// CloudWatch Logs' tables: groups (retention, tags), streams (first and last
// event times), and events, indexed by group and time so that a reader
// following a group from a start time (`closure-pack logs -f`) reads a short
// index range, never the whole table. An event's id is its ingestion order.
import type { Database } from "../../store/database.js";
import { migrate, transactionWithoutFlush } from "../../store/database.js";

export interface GroupRow {
  name: string;
  created: number;
  retentionDays: number | null;
  tags: Record<string, string>;
  storedBytes: number;
}

export interface StreamRow {
  groupName: string;
  name: string;
  created: number;
  firstEvent: number | null;
  lastEvent: number | null;
  lastIngestion: number | null;
  storedBytes: number;
}

export interface EventRow {
  id: number;
  streamName: string;
  timestamp: number;
  ingestionTime: number;
  message: string;
}

/** Where a read of events resumes: after this (timestamp, id). */
export interface EventKey {
  timestamp: number;
  id: number;
}

const MIGRATIONS = [
  `CREATE TABLE logs_groups (
     name TEXT PRIMARY KEY,
     created INTEGER NOT NULL,
     retention_days INTEGER,
     tags TEXT NOT NULL,
     stored_bytes INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE logs_streams (
     group_name TEXT NOT NULL,
     name TEXT NOT NULL,
     created INTEGER NOT NULL,
     first_event INTEGER,
     last_event INTEGER,
     last_ingestion INTEGER,
     stored_bytes INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (group_name, name)
   );
   CREATE TABLE logs_events (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     group_name TEXT NOT NULL,
     stream_name TEXT NOT NULL,
     timestamp INTEGER NOT NULL,
     ingestion_time INTEGER NOT NULL,
     message TEXT NOT NULL
   );
   CREATE INDEX logs_events_group_time ON logs_events (group_name, timestamp, id);
   CREATE INDEX logs_events_stream_time ON logs_events (group_name, stream_name, timestamp, id);`,
];

const GROUP_COLUMNS = "name, created, retention_days AS retentionDays, tags, stored_bytes AS storedBytes";
const STREAM_COLUMNS =
  "group_name AS groupName, name, created, first_event AS firstEvent, last_event AS lastEvent, last_ingestion AS lastIngestion, stored_bytes AS storedBytes";
const EVENT_COLUMNS = "id, stream_name AS streamName, timestamp, ingestion_time AS ingestionTime, message";

export class LogsStore {
  readonly #db: Database.Database;
  readonly #insertEvent: Database.Statement;
  readonly #touchStream: Database.Statement;

  constructor(db: Database.Database) {
    this.#db = db;
    migrate(db, "logs", MIGRATIONS);
    this.#insertEvent = db.prepare("INSERT INTO logs_events (group_name, stream_name, timestamp, ingestion_time, message) VALUES (?, ?, ?, ?, ?)");
    this.#touchStream = db.prepare(
      `UPDATE logs_streams SET first_event = min(coalesce(first_event, ?), ?), last_event = max(coalesce(last_event, ?), ?),
         last_ingestion = ?, stored_bytes = stored_bytes + ? WHERE group_name = ? AND name = ?`,
    );
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  /** For lines functions write: a power cut may lose the last of them, a crash does not. */
  transactionWithoutFlush<T>(work: () => T): T {
    return transactionWithoutFlush(this.#db, work);
  }

  getGroup(name: string): GroupRow | undefined {
    const row = this.#db.prepare(`SELECT ${GROUP_COLUMNS} FROM logs_groups WHERE name = ?`).get(name) as
      (Omit<GroupRow, "tags"> & { tags: string }) | undefined;
    return row === undefined ? undefined : { ...row, tags: JSON.parse(row.tags) as Record<string, string> };
  }

  /** Groups whose name starts with `prefix`, in name order, after `after`. */
  listGroups(prefix: string, after: string, limit: number): GroupRow[] {
    const rows = this.#db
      .prepare(`SELECT ${GROUP_COLUMNS} FROM logs_groups WHERE substr(name, 1, length(?)) = ? AND name > ? ORDER BY name LIMIT ?`)
      .all(prefix, prefix, after, limit) as Array<Omit<GroupRow, "tags"> & { tags: string }>;
    return rows.map((row) => ({ ...row, tags: JSON.parse(row.tags) as Record<string, string> }));
  }

  createGroup(name: string, created: number, tags: Record<string, string>): boolean {
    return this.#db.prepare("INSERT OR IGNORE INTO logs_groups (name, created, tags) VALUES (?, ?, ?)").run(name, created, JSON.stringify(tags)).changes > 0;
  }

  updateGroup(name: string, fields: { retentionDays?: number | null; tags?: Record<string, string> }): void {
    if (fields.retentionDays !== undefined) this.#db.prepare("UPDATE logs_groups SET retention_days = ? WHERE name = ?").run(fields.retentionDays, name);
    if (fields.tags !== undefined) this.#db.prepare("UPDATE logs_groups SET tags = ? WHERE name = ?").run(JSON.stringify(fields.tags), name);
  }

  deleteGroup(name: string): void {
    this.transaction(() => {
      for (const table of ["logs_events", "logs_streams"]) this.#db.prepare(`DELETE FROM ${table} WHERE group_name = ?`).run(name);
      this.#db.prepare("DELETE FROM logs_groups WHERE name = ?").run(name);
    });
  }

  getStream(group: string, name: string): StreamRow | undefined {
    return this.#db.prepare(`SELECT ${STREAM_COLUMNS} FROM logs_streams WHERE group_name = ? AND name = ?`).get(group, name) as StreamRow | undefined;
  }

  listStreams(group: string): StreamRow[] {
    return this.#db.prepare(`SELECT ${STREAM_COLUMNS} FROM logs_streams WHERE group_name = ? ORDER BY name`).all(group) as StreamRow[];
  }

  createStream(group: string, name: string, created: number): boolean {
    return this.#db.prepare("INSERT OR IGNORE INTO logs_streams (group_name, name, created) VALUES (?, ?, ?)").run(group, name, created).changes > 0;
  }

  deleteStream(group: string, name: string): void {
    this.transaction(() => {
      this.#db.prepare("DELETE FROM logs_events WHERE group_name = ? AND stream_name = ?").run(group, name);
      this.#db.prepare("DELETE FROM logs_streams WHERE group_name = ? AND name = ?").run(group, name);
    });
  }

  /** Appends events to an existing stream (call inside a transaction); returns their ids, in order. */
  appendEvents(group: string, stream: string, events: ReadonlyArray<{ timestamp: number; message: string }>, ingestion: number): number[] {
    const ids: number[] = [];
    let bytes = 0;
    let first = Infinity;
    let latest = -Infinity;
    for (const event of events) {
      ids.push(Number(this.#insertEvent.run(group, stream, event.timestamp, ingestion, event.message).lastInsertRowid));
      bytes += Buffer.byteLength(event.message) + 26;
      first = Math.min(first, event.timestamp);
      latest = Math.max(latest, event.timestamp);
    }
    if (events.length > 0) {
      this.#touchStream.run(first, first, latest, latest, ingestion, bytes, group, stream);
      this.#db.prepare("UPDATE logs_groups SET stored_bytes = stored_bytes + ? WHERE name = ?").run(bytes, group);
    }
    return ids;
  }

  /**
   * Events of `group` in (timestamp, id) order after `after`, with timestamps
   * in [start, end], from `streams` only when given; at most `limit`.
   */
  events(group: string, after: EventKey, start: number, end: number, streams: readonly string[] | undefined, limit: number): EventRow[] {
    const streamFilter = streams === undefined ? "" : `AND stream_name IN (${streams.map(() => "?").join(", ")})`;
    const sql = `SELECT ${EVENT_COLUMNS} FROM logs_events
      WHERE group_name = ? AND (timestamp, id) > (?, ?) AND timestamp >= ? AND timestamp <= ? ${streamFilter}
      ORDER BY timestamp, id LIMIT ?`;
    return this.#db.prepare(sql).all(group, after.timestamp, after.id, start, end, ...(streams ?? []), limit) as EventRow[];
  }

  /** Events of one stream in [start, end]: after `after` ascending, or before `before` descending. */
  streamEvents(group: string, stream: string, start: number, end: number, bound: { after: EventKey } | { before: EventKey }, limit: number): EventRow[] {
    const [comparison, order, key] = "after" in bound ? [">", "ASC", bound.after] : ["<", "DESC", bound.before];
    const sql = `SELECT ${EVENT_COLUMNS} FROM logs_events
      WHERE group_name = ? AND stream_name = ? AND (timestamp, id) ${comparison} (?, ?) AND timestamp >= ? AND timestamp <= ?
      ORDER BY timestamp ${order}, id ${order} LIMIT ?`;
    return this.#db.prepare(sql).all(group, stream, key.timestamp, key.id, start, end, limit) as EventRow[];
  }

  /** Removes events older than each group's retention. */
  expire(now: number): void {
    this.#db
      .prepare(
        `DELETE FROM logs_events WHERE id IN (SELECT e.id FROM logs_events e JOIN logs_groups g ON g.name = e.group_name
           WHERE g.retention_days IS NOT NULL AND e.timestamp < ? - g.retention_days * 86400000)`,
      )
      .run(now);
  }
}
