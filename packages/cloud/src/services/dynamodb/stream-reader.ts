// Reading a table's stream: one shard per stream (a single shard keeps every
// item's changes in order, which is all DynamoDB promises), its id and
// sequence numbers as DynamoDB writes them (21+ digits), records in the
// shape GetRecords and Lambda's events carry, the 24-hour retention, and
// the waiters pollers sleep on until a write appends a record.
import { createHash } from "node:crypto";
import type { Clock } from "../../clock.js";
import type { StreamRecord } from "../service.js";
import type { StoredRecord } from "./dynamodb-state.js";
import type { StreamRow, TableStore } from "./table-store.js";
import type Database from "better-sqlite3";

export const RETENTION_MS = 24 * 60 * 60 * 1000;
const BASE = 10n ** 20n;

export function shardIdOf(stream: StreamRow): string {
  return `shardId-${String(stream.createdMs).padStart(20, "0")}-${createHash("md5").update(stream.arn).digest("hex").slice(0, 8)}`;
}

export function sequenceNumber(seq: number): string {
  return (BASE + BigInt(seq)).toString();
}

/** The row number a sequence number stands for, or undefined when it is not one of ours. */
export function parseSequenceNumber(text: string): number | undefined {
  if (!/^\d{21,40}$/.test(text)) return undefined;
  const seq = BigInt(text) - BASE;
  return seq < 0n || seq > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(seq);
}

/** A stored record as GetRecords answers it (and Lambda's events carry it, with eventSourceARN). */
export function wireRecord(stored: StoredRecord, seq: number): Record<string, unknown> {
  return {
    eventID: stored.eventID,
    eventName: stored.eventName,
    eventVersion: "1.1",
    eventSource: "aws:dynamodb",
    awsRegion: stored.awsRegion,
    dynamodb: {
      ApproximateCreationDateTime: stored.approximateCreationSeconds,
      Keys: stored.keys,
      ...(stored.newImage === undefined ? {} : { NewImage: stored.newImage }),
      ...(stored.oldImage === undefined ? {} : { OldImage: stored.oldImage }),
      SequenceNumber: sequenceNumber(seq),
      SizeBytes: stored.sizeBytes,
      StreamViewType: stored.viewType,
    },
  };
}

export class StreamReader {
  readonly #waiting = new Map<number, Set<() => void>>();

  constructor(
    readonly db: Database.Database,
    readonly tables: TableStore,
    readonly clock: Clock,
  ) {}

  /** Records of the stream after row `after`, oldest first, within retention. */
  read(streamId: number, after: number, max: number): StreamRecord[] {
    const since = this.clock.now() - RETENTION_MS;
    const rows = this.db
      .prepare(
        "SELECT seq, created_ms AS createdMs, record FROM dynamodb_stream_records WHERE stream_id = ? AND seq > ? AND created_ms >= ? ORDER BY seq LIMIT ?",
      )
      .all(streamId, after, since, max) as Array<{ seq: number; createdMs: number; record: string }>;
    return rows.map((row) => ({
      sequenceNumber: sequenceNumber(row.seq),
      arrivalMs: row.createdMs,
      record: wireRecord(JSON.parse(row.record) as StoredRecord, row.seq),
    }));
  }

  /** The last row of the stream (0 when it has none). */
  lastSeq(streamId: number): number {
    return (this.db.prepare("SELECT MAX(seq) AS seq FROM dynamodb_stream_records WHERE stream_id = ?").get(streamId) as { seq: number | null }).seq ?? 0;
  }

  /** The row before the first record written at or after `ms`. */
  seqBefore(streamId: number, ms: number): number {
    const row = this.db.prepare("SELECT MIN(seq) AS seq FROM dynamodb_stream_records WHERE stream_id = ? AND created_ms >= ?").get(streamId, ms) as {
      seq: number | null;
    };
    return row.seq === null ? this.lastSeq(streamId) : row.seq - 1;
  }

  /** Forgets records older than the retention. */
  trim(): void {
    this.db.prepare("DELETE FROM dynamodb_stream_records WHERE created_ms < ?").run(this.clock.now() - RETENTION_MS);
  }

  /** Resolves on the stream's next write, after `ms` of the daemon clock, or when `signal` aborts. */
  wait(streamId: number, ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const timer = new AbortController();
      const set = this.#waiting.get(streamId) ?? new Set();
      this.#waiting.set(streamId, set);
      const done = (): void => {
        set.delete(done);
        if (set.size === 0) this.#waiting.delete(streamId);
        signal.removeEventListener("abort", done);
        timer.abort();
        resolve();
      };
      if (signal.aborted) return done();
      set.add(done);
      signal.addEventListener("abort", done, { once: true });
      this.clock.waitUntil(this.clock.now() + ms, timer.signal).then(done, () => {});
    });
  }

  written(streamId: number): void {
    for (const done of [...(this.#waiting.get(streamId) ?? [])]) done();
  }
}
