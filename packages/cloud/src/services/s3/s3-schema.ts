// S3's tables in the cloud's database (migrate(db, "s3", S3_MIGRATIONS)).
// Keys are BLOBs of their UTF-8 bytes: SQLite compares BLOBs with memcmp,
// which is S3's listing order (UTF-8 binary), and a listing can seek to any
// byte string, even one that is not valid UTF-8 (the end of a prefix range).
// Objects are clustered by (bucket, key) so ListObjectsV2 is an index range
// scan whatever the bucket's size. Steps are append-only.
//
// Step 2: small bodies live in the database (s3_bodies, see INLINE_LIMIT in
// body-receiver.ts): an object names either a blob file (`blob`) or a body
// row (`body`), never both. The bodies are a table of their own, not a
// column of s3_objects: a WITHOUT ROWID row keeps at most about 1 KiB on its
// page, so a 1 KiB body would spill to an overflow page per object and thin
// out the leaves a listing reads; a rowid table keeps up to about 4 KiB per
// row on its page.

export const S3_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE s3_buckets (
    name TEXT PRIMARY KEY,
    region TEXT NOT NULL,
    owner TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    tags TEXT,
    notification TEXT
  );
  CREATE TABLE s3_objects (
    bucket TEXT NOT NULL,
    key BLOB NOT NULL,
    blob TEXT NOT NULL,
    size INTEGER NOT NULL,
    etag TEXT NOT NULL,
    modified_ms INTEGER NOT NULL,
    headers TEXT NOT NULL,
    checksum TEXT,
    parts TEXT,
    PRIMARY KEY (bucket, key)
  ) WITHOUT ROWID;
  CREATE TABLE s3_uploads (
    upload_id TEXT PRIMARY KEY,
    bucket TEXT NOT NULL,
    key BLOB NOT NULL,
    initiated_ms INTEGER NOT NULL,
    headers TEXT NOT NULL,
    checksum_algorithm TEXT,
    checksum_type TEXT
  );
  CREATE INDEX s3_uploads_by_key ON s3_uploads (bucket, key, upload_id);
  CREATE TABLE s3_parts (
    upload_id TEXT NOT NULL,
    part_number INTEGER NOT NULL,
    blob TEXT NOT NULL,
    size INTEGER NOT NULL,
    etag TEXT NOT NULL,
    modified_ms INTEGER NOT NULL,
    checksum TEXT,
    PRIMARY KEY (upload_id, part_number)
  ) WITHOUT ROWID;
  CREATE TABLE s3_sequence (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
  INSERT INTO s3_sequence (id, value) VALUES (1, 0);
  `,
  `
  CREATE TABLE s3_bodies (id INTEGER PRIMARY KEY, bytes BLOB NOT NULL);
  CREATE TABLE s3_objects_2 (
    bucket TEXT NOT NULL,
    key BLOB NOT NULL,
    blob TEXT,
    body INTEGER,
    size INTEGER NOT NULL,
    etag TEXT NOT NULL,
    modified_ms INTEGER NOT NULL,
    headers TEXT NOT NULL,
    checksum TEXT,
    parts TEXT,
    PRIMARY KEY (bucket, key),
    CHECK ((blob IS NULL) <> (body IS NULL))
  ) WITHOUT ROWID;
  INSERT INTO s3_objects_2 (bucket, key, blob, size, etag, modified_ms, headers, checksum, parts)
    SELECT bucket, key, blob, size, etag, modified_ms, headers, checksum, parts FROM s3_objects;
  DROP TABLE s3_objects;
  ALTER TABLE s3_objects_2 RENAME TO s3_objects;
  `,
];
