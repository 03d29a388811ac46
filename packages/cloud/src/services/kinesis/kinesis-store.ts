// Kinesis's durable state in the daemon's database: streams (name, shard
// count, retention, tags) and records per shard. A record's sequence number
// is its row's place in the stream (one counter per stream), so records of
// a shard are ordered by it; shards split the 128-bit hash key space evenly
// and a partition key's MD5 picks its shard, as on Kinesis.
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { migrate } from "../../store/database.js";

const STEPS = [
  `CREATE TABLE kinesis_streams (
     id INTEGER PRIMARY KEY AUTOINCREMENT, region TEXT NOT NULL, name TEXT NOT NULL, shard_count INTEGER NOT NULL,
     retention_hours INTEGER NOT NULL, created_ms INTEGER NOT NULL, tags TEXT NOT NULL, on_demand INTEGER NOT NULL,
     UNIQUE (region, name));
   CREATE TABLE kinesis_records (
     stream_id INTEGER NOT NULL REFERENCES kinesis_streams(id) ON DELETE CASCADE, seq INTEGER NOT NULL, shard INTEGER NOT NULL,
     partition_key TEXT NOT NULL, data BLOB NOT NULL, arrival_ms INTEGER NOT NULL, PRIMARY KEY (stream_id, seq)) WITHOUT ROWID;
   CREATE INDEX kinesis_records_by_shard ON kinesis_records (stream_id, shard, seq);`,
];

const HASH_SPACE = 2n ** 128n;
const BASE = 10n ** 55n;

export interface StreamRow {
  id: number;
  region: string;
  name: string;
  shardCount: number;
  retentionHours: number;
  createdMs: number;
  tags: Record<string, string>;
  onDemand: boolean;
}

export interface RecordRow {
  seq: number;
  shard: number;
  partitionKey: string;
  data: Buffer;
  arrivalMs: number;
}

export const shardId = (index: number): string => `shardId-${String(index).padStart(12, "0")}`;
export const sequenceNumber = (seq: number): string => (BASE + BigInt(seq)).toString();

/** The row number a sequence number stands for, or undefined when it is not one of ours. */
export function parseSequenceNumber(text: string): number | undefined {
  if (!/^\d{1,128}$/.test(text)) return undefined;
  const seq = BigInt(text) - BASE;
  return seq < 0n || seq > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(seq);
}

/** The shard index of `id` ("shardId-000000000001"), or undefined. */
export function shardIndex(id: string, count: number): number | undefined {
  const match = /^shardId-(\d{12})$/.exec(id);
  const index = match === null ? -1 : Number(match[1]);
  return index >= 0 && index < count ? index : undefined;
}

/** The hash key range of shard `index` of `count`. */
export function hashRange(index: number, count: number): { StartingHashKey: string; EndingHashKey: string } {
  const size = HASH_SPACE / BigInt(count);
  const start = size * BigInt(index);
  const end = index === count - 1 ? HASH_SPACE - 1n : start + size - 1n;
  return { StartingHashKey: start.toString(), EndingHashKey: end.toString() };
}

/** The shard a record goes to: its explicit hash key, or the MD5 of its partition key. */
export function shardFor(partitionKey: string, explicitHashKey: string | undefined, count: number): number {
  const hash = explicitHashKey !== undefined ? BigInt(explicitHashKey) : BigInt(`0x${createHash("md5").update(partitionKey).digest("hex")}`);
  return Math.min(count - 1, Number(hash / (HASH_SPACE / BigInt(count))));
}

type Raw = Omit<StreamRow, "tags" | "onDemand"> & { tags: string; onDemand: number };
const COLUMNS = "id, region, name, shard_count AS shardCount, retention_hours AS retentionHours, created_ms AS createdMs, tags, on_demand AS onDemand";
const toRow = (raw: Raw | undefined): StreamRow | undefined =>
  raw === undefined ? undefined : { ...raw, tags: JSON.parse(raw.tags) as Record<string, string>, onDemand: raw.onDemand === 1 };

export class KinesisStore {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
    migrate(db, "kinesis", STEPS);
  }

  find(region: string, name: string): StreamRow | undefined {
    return toRow(this.#db.prepare(`SELECT ${COLUMNS} FROM kinesis_streams WHERE region = ? AND name = ?`).get(region, name) as Raw | undefined);
  }

  byId(id: number): StreamRow | undefined {
    return toRow(this.#db.prepare(`SELECT ${COLUMNS} FROM kinesis_streams WHERE id = ?`).get(id) as Raw | undefined);
  }

  names(region: string): string[] {
    return (this.#db.prepare("SELECT name FROM kinesis_streams WHERE region = ? ORDER BY name").all(region) as Array<{ name: string }>).map((row) => row.name);
  }

  create(stream: Omit<StreamRow, "id">): void {
    this.#db
      .prepare("INSERT INTO kinesis_streams (region, name, shard_count, retention_hours, created_ms, tags, on_demand) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run(stream.region, stream.name, stream.shardCount, stream.retentionHours, stream.createdMs, JSON.stringify(stream.tags), stream.onDemand ? 1 : 0);
  }

  setTags(id: number, tags: Record<string, string>): void {
    this.#db.prepare("UPDATE kinesis_streams SET tags = ? WHERE id = ?").run(JSON.stringify(tags), id);
  }

  setRetention(id: number, hours: number): void {
    this.#db.prepare("UPDATE kinesis_streams SET retention_hours = ? WHERE id = ?").run(hours, id);
  }

  delete(id: number): void {
    this.#db.prepare("DELETE FROM kinesis_records WHERE stream_id = ?").run(id);
    this.#db.prepare("DELETE FROM kinesis_streams WHERE id = ?").run(id);
  }

  /** Appends records (in order) and answers their rows. Call inside a transaction. */
  append(streamId: number, records: ReadonlyArray<Omit<RecordRow, "seq">>): number[] {
    const last = (this.#db.prepare("SELECT MAX(seq) AS seq FROM kinesis_records WHERE stream_id = ?").get(streamId) as { seq: number | null }).seq ?? 0;
    const insert = this.#db.prepare("INSERT INTO kinesis_records (stream_id, seq, shard, partition_key, data, arrival_ms) VALUES (?, ?, ?, ?, ?, ?)");
    return records.map((record, index) => {
      insert.run(streamId, last + index + 1, record.shard, record.partitionKey, record.data, record.arrivalMs);
      return last + index + 1;
    });
  }

  /** Records of a shard after row `after`, arrived at or after `since`, oldest first. */
  read(streamId: number, shard: number, after: number, since: number, max: number): RecordRow[] {
    return this.#db
      .prepare(
        "SELECT seq, shard, partition_key AS partitionKey, data, arrival_ms AS arrivalMs FROM kinesis_records WHERE stream_id = ? AND shard = ? AND seq > ? AND arrival_ms >= ? ORDER BY seq LIMIT ?",
      )
      .all(streamId, shard, after, since, max) as RecordRow[];
  }

  /** The last row of a shard (0 when it has none). */
  lastSeq(streamId: number, shard: number): number {
    return (
      (this.#db.prepare("SELECT MAX(seq) AS seq FROM kinesis_records WHERE stream_id = ? AND shard = ?").get(streamId, shard) as { seq: number | null }).seq ??
      0
    );
  }

  /** The row before the shard's first record that arrived at or after `ms`. */
  seqBefore(streamId: number, shard: number, ms: number): number {
    const row = this.#db
      .prepare("SELECT MIN(seq) AS seq FROM kinesis_records WHERE stream_id = ? AND shard = ? AND arrival_ms >= ?")
      .get(streamId, shard, ms) as { seq: number | null };
    return row.seq === null ? this.lastSeq(streamId, shard) : row.seq - 1;
  }

  /** Forgets records past each stream's retention. */
  trim(now: number): void {
    this.#db
      .prepare("DELETE FROM kinesis_records WHERE arrival_ms < ? - (SELECT retention_hours FROM kinesis_streams WHERE id = stream_id) * 3600000")
      .run(now);
  }
}
