// S3's metadata in SQLite: buckets (cached in memory, they are few and read
// by every request), objects with their small bodies (the others are blob
// files), multipart uploads and parts, and the event sequencer. Prepared once; every write is a statement the caller runs
// inside its own transaction, so an object, its replaced blob and its
// notification commit together. Keys cross this boundary as strings and are
// stored as UTF-8 BLOBs (see s3-schema.ts).
import type { Database } from "../../store/database.js";
import { migrate } from "../../store/database.js";
import type { Checksum } from "./checksums.js";
import type { NotificationConfig } from "./notification-config.js";
import { S3_MIGRATIONS } from "./s3-schema.js";

export interface Tag {
  Key: string;
  Value: string;
}

export interface BucketRow {
  name: string;
  region: string;
  owner: string;
  createdMs: number;
  tags: Tag[] | undefined;
  notification: NotificationConfig | undefined;
}

/** Stored headers of an object: content-type, cache-control…, x-amz-meta-*. */
export type ObjectHeaders = Record<string, string>;

export interface ObjectRow {
  bucket: string;
  key: string;
  /** The blob file of its bytes; undefined when they are kept in the database (bodies up to INLINE_LIMIT, body-receiver.ts). */
  blob: string | undefined;
  /** The bytes of an object kept in the database: given to putObject, read by objectWithBytes only. */
  bytes?: Buffer | undefined;
  size: number;
  /** Hex, without quotes; `<hex>-<parts>` for multipart objects. */
  etag: string;
  modifiedMs: number;
  headers: ObjectHeaders;
  checksum: Checksum | undefined;
  /** Part sizes of a multipart object, in order. */
  parts: number[] | undefined;
}

interface RawObject {
  key: Buffer;
  blob: string | null;
  body: number | null;
  size: number;
  etag: string;
  modified_ms: number;
  headers: string;
  checksum: string | null;
  parts: string | null;
  /** Only from getObjectWithBytes. */
  bytes?: Buffer | null;
}

interface RawBucket {
  name: string;
  region: string;
  owner: string;
  created_ms: number;
  tags: string | null;
  notification: string | null;
}

/** S3's key order: by UTF-8 bytes (JavaScript's < compares UTF-16 units, which differs above U+FFFF). */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

const OBJECT_COLUMNS = "key, blob, body, size, etag, modified_ms, headers, checksum, parts";

export class S3Store {
  readonly db: Database.Database;
  readonly #buckets = new Map<string, BucketRow>();
  readonly #statements;

  constructor(db: Database.Database) {
    this.db = db;
    migrate(db, "s3", S3_MIGRATIONS);
    this.#statements = prepare(db);
    for (const raw of db.prepare("SELECT * FROM s3_buckets").all() as RawBucket[]) this.#buckets.set(raw.name, bucketFromRaw(raw));
  }

  /** Runs `fn` in one transaction (nested calls join the outer one). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  // ---- buckets ----

  bucket(name: string): BucketRow | undefined {
    return this.#buckets.get(name);
  }

  buckets(): BucketRow[] {
    return [...this.#buckets.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  insertBucket(row: BucketRow): void {
    this.#statements.insertBucket.run(row.name, row.region, row.owner, row.createdMs);
    this.#buckets.set(row.name, { ...row });
  }

  /** Removes the bucket and its multipart uploads; returns the blobs of their parts. */
  deleteBucket(name: string): string[] {
    const blobs = (this.#statements.bucketPartBlobs.all(name) as Array<{ blob: string }>).map((row) => row.blob);
    this.#statements.deleteBucketParts.run(name);
    this.#statements.deleteBucketUploads.run(name);
    this.#statements.deleteBucket.run(name);
    this.#buckets.delete(name);
    return blobs;
  }

  setTags(name: string, tags: Tag[] | undefined): void {
    this.#statements.setTags.run(tags === undefined ? null : JSON.stringify(tags), name);
    this.#update(name, { tags });
  }

  setNotification(name: string, config: NotificationConfig | undefined): void {
    this.#statements.setNotification.run(config === undefined ? null : JSON.stringify(config), name);
    this.#update(name, { notification: config });
  }

  hasObjects(bucket: string): boolean {
    return this.#statements.anyObject.get(bucket) !== undefined;
  }

  // ---- objects ----

  /** The object's row, without the bytes of an inline body. */
  object(bucket: string, key: string): ObjectRow | undefined {
    const raw = this.#statements.getObject.get(bucket, Buffer.from(key)) as RawObject | undefined;
    return raw === undefined ? undefined : objectFromRaw(bucket, raw);
  }

  /** The object's row with `bytes` set when its body is inline: one read for GetObject and copies. */
  objectWithBytes(bucket: string, key: string): ObjectRow | undefined {
    const raw = this.#statements.getObjectWithBytes.get(bucket, Buffer.from(key)) as RawObject | undefined;
    return raw === undefined ? undefined : objectFromRaw(bucket, raw);
  }

  /**
   * Inserts or replaces an object, with its body row when `row.blob` is
   * undefined (then `row.bytes` holds the bytes); the replaced object's body
   * row goes in the same statement group. Returns the blob file it replaced.
   */
  putObject(row: ObjectRow): string | undefined {
    const key = Buffer.from(row.key);
    const previous = this.#statements.objectStorage.get(row.bucket, key) as { blob: string | null; body: number | null } | undefined;
    let body: number | bigint | null = null;
    if (row.blob === undefined) {
      if (row.bytes === undefined) throw new Error(`object ${row.bucket}/${row.key} has neither a blob nor bytes`);
      body = this.#statements.insertBody.run(row.bytes).lastInsertRowid;
    }
    this.#statements.putObject.run(
      row.bucket,
      key,
      row.blob ?? null,
      body,
      row.size,
      row.etag,
      row.modifiedMs,
      JSON.stringify(row.headers),
      row.checksum === undefined ? null : JSON.stringify(row.checksum),
      row.parts === undefined ? null : JSON.stringify(row.parts),
    );
    if (previous?.body != null) this.#statements.deleteBody.run(previous.body);
    return previous?.blob ?? undefined;
  }

  /** Deletes an object (and its body row); returns its row, or undefined when there was none. */
  deleteObject(bucket: string, key: string): ObjectRow | undefined {
    const raw = this.#statements.deleteObject.get(bucket, Buffer.from(key)) as RawObject | undefined;
    if (raw?.body != null) this.#statements.deleteBody.run(raw.body);
    return raw === undefined ? undefined : objectFromRaw(bucket, raw);
  }

  /**
   * Objects of `bucket` with keys from `from` (inclusive or not) to `before`
   * (exclusive; undefined for no bound), in key order: an index range scan,
   * read lazily so a caller may stop at any row.
   */
  *scanObjects(bucket: string, from: Buffer, inclusive: boolean, before: Buffer | undefined): Generator<ObjectRow> {
    const statement = this.#statements.scans[`${inclusive ? "from" : "after"}${before === undefined ? "" : "Before"}`];
    const rows = before === undefined ? statement.iterate(bucket, from) : statement.iterate(bucket, from, before);
    for (const raw of rows as Iterable<RawObject>) yield objectFromRaw(bucket, raw);
  }

  // ---- the event sequencer ----

  /** The next value of the sequencer events carry: larger than every earlier one, across restarts. */
  nextSequence(): number {
    return (this.#statements.nextSequence.get() as { value: number }).value;
  }

  // ---- garbage collection ----

  /** Every blob a row names. */
  liveBlobs(): Set<string> {
    const rows = this.db.prepare("SELECT blob FROM s3_objects WHERE blob IS NOT NULL UNION ALL SELECT blob FROM s3_parts").raw().iterate() as Iterable<
      [string]
    >;
    const live = new Set<string>();
    for (const [blob] of rows) live.add(blob);
    return live;
  }

  #update(name: string, change: Partial<BucketRow>): void {
    const row = this.#buckets.get(name);
    if (row !== undefined) this.#buckets.set(name, { ...row, ...change });
  }
}

function prepare(db: Database.Database) {
  return {
    insertBucket: db.prepare("INSERT INTO s3_buckets (name, region, owner, created_ms) VALUES (?, ?, ?, ?)"),
    deleteBucket: db.prepare("DELETE FROM s3_buckets WHERE name = ?"),
    bucketPartBlobs: db.prepare("SELECT p.blob FROM s3_parts p JOIN s3_uploads u ON u.upload_id = p.upload_id WHERE u.bucket = ?"),
    deleteBucketParts: db.prepare("DELETE FROM s3_parts WHERE upload_id IN (SELECT upload_id FROM s3_uploads WHERE bucket = ?)"),
    deleteBucketUploads: db.prepare("DELETE FROM s3_uploads WHERE bucket = ?"),
    setTags: db.prepare("UPDATE s3_buckets SET tags = ? WHERE name = ?"),
    setNotification: db.prepare("UPDATE s3_buckets SET notification = ? WHERE name = ?"),
    anyObject: db.prepare("SELECT 1 FROM s3_objects WHERE bucket = ? LIMIT 1"),
    getObject: db.prepare(`SELECT ${OBJECT_COLUMNS} FROM s3_objects WHERE bucket = ? AND key = ?`),
    getObjectWithBytes: db.prepare(
      `SELECT ${OBJECT_COLUMNS.replace(/\w+/g, "o.$&")}, b.bytes FROM s3_objects o LEFT JOIN s3_bodies b ON b.id = o.body WHERE o.bucket = ? AND o.key = ?`,
    ),
    objectStorage: db.prepare("SELECT blob, body FROM s3_objects WHERE bucket = ? AND key = ?"),
    insertBody: db.prepare("INSERT INTO s3_bodies (bytes) VALUES (?)"),
    deleteBody: db.prepare("DELETE FROM s3_bodies WHERE id = ?"),
    putObject: db.prepare(
      `INSERT OR REPLACE INTO s3_objects (bucket, key, blob, body, size, etag, modified_ms, headers, checksum, parts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    deleteObject: db.prepare(`DELETE FROM s3_objects WHERE bucket = ? AND key = ? RETURNING ${OBJECT_COLUMNS}`),
    scans: {
      from: db.prepare(`SELECT ${OBJECT_COLUMNS} FROM s3_objects WHERE bucket = ? AND key >= ? ORDER BY key`),
      after: db.prepare(`SELECT ${OBJECT_COLUMNS} FROM s3_objects WHERE bucket = ? AND key > ? ORDER BY key`),
      fromBefore: db.prepare(`SELECT ${OBJECT_COLUMNS} FROM s3_objects WHERE bucket = ? AND key >= ? AND key < ? ORDER BY key`),
      afterBefore: db.prepare(`SELECT ${OBJECT_COLUMNS} FROM s3_objects WHERE bucket = ? AND key > ? AND key < ? ORDER BY key`),
    },
    nextSequence: db.prepare("UPDATE s3_sequence SET value = value + 1 WHERE id = 1 RETURNING value"),
  };
}

function bucketFromRaw(raw: RawBucket): BucketRow {
  return {
    name: raw.name,
    region: raw.region,
    owner: raw.owner,
    createdMs: raw.created_ms,
    tags: raw.tags === null ? undefined : (JSON.parse(raw.tags) as Tag[]),
    notification: raw.notification === null ? undefined : (JSON.parse(raw.notification) as NotificationConfig),
  };
}

function objectFromRaw(bucket: string, raw: RawObject): ObjectRow {
  return {
    bucket,
    key: raw.key.toString("utf8"),
    blob: raw.blob ?? undefined,
    ...(raw.bytes == null ? {} : { bytes: raw.bytes }),
    size: raw.size,
    etag: raw.etag,
    modifiedMs: raw.modified_ms,
    headers: JSON.parse(raw.headers) as ObjectHeaders,
    checksum: raw.checksum === null ? undefined : (JSON.parse(raw.checksum) as Checksum),
    parts: raw.parts === null ? undefined : (JSON.parse(raw.parts) as number[]),
  };
}
