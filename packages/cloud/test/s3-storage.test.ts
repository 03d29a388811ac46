// Where an object's bytes live, seen through the wire API: bodies up to
// INLINE_LIMIT are kept in the database with the object's row, larger ones
// in blob files (body-receiver.ts). Every operation answers the same either
// way and on both sides of the limit: whole and ranged reads with their
// checksums, HEAD, CopyObject (COPY, and REPLACE with another checksum,
// which re-reads the bytes), UploadPartCopy of a range, overwrites that move
// an object from one kind of storage to the other, deletes; an inline body
// makes no file and nothing leaves one behind; a body the client cuts short
// (read whole in memory when small, streamed when large) changes nothing.
// Also: a data folder written before bodies were kept in the database is
// read and written after it.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCopyCommand,
} from "@aws-sdk/client-s3";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INLINE_LIMIT } from "../src/services/s3/body-receiver.js";
import { S3_MIGRATIONS } from "../src/services/s3/s3-schema.js";
import { migrate } from "../src/store/database.js";
import { freshDataDir, removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { s3Client } from "./helpers/s3-clients.js";

let daemon: DaemonProcess;
let s3: S3Client;
const BUCKET = "storage";

beforeAll(async () => {
  daemon = await startDaemon();
  s3 = s3Client(daemon.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

afterAll(async () => {
  s3.destroy();
  await daemon.stop();
  removeDataDir(daemon.dataDir);
});

function blobFiles(dataDir: string): string[] {
  const root = join(dataDir, "s3");
  return readdirSync(root)
    .filter((shard) => shard.length === 2)
    .flatMap((shard) => readdirSync(join(root, shard)));
}

/** `size` bytes that differ at every offset of a period longer than any range read here. */
const bytesOfSize = (size: number, seed: number): Buffer => Buffer.from(Array.from({ length: size }, (_, i) => (i * 131 + seed) % 251));
const md5 = (bytes: Buffer): string => `"${createHash("md5").update(bytes).digest("hex")}"`;
const sha256 = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("base64");
const crc = (bytes: Buffer): string => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(bytes));
  return out.toString("base64");
};

async function read(key: string, extra: Partial<ConstructorParameters<typeof GetObjectCommand>[0]> = {}) {
  const response = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, ...extra }));
  return { response, bytes: Buffer.from(await response.Body!.transformToByteArray()) };
}

const SIZES: ReadonlyArray<readonly [string, number]> = [
  ["empty", 0],
  ["1 KiB", 1024],
  ["at the limit", INLINE_LIMIT],
  ["one byte over the limit", INLINE_LIMIT + 1],
  ["300 KiB", 300 * 1024],
];

describe("s3 storage of object bytes", () => {
  it.each(SIZES)("storage: %s reads whole, by range and by HEAD as written, in a file only above the limit", async (name, size) => {
    const before = blobFiles(daemon.dataDir).length;
    const bytes = bytesOfSize(size, 1);
    const put = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `read/${name}`, Body: bytes }));
    expect(put.ETag).toBe(md5(bytes));
    const whole = await read(`read/${name}`, { ChecksumMode: "ENABLED" });
    expect(whole.bytes.equals(bytes)).toBe(true);
    expect(whole.response).toMatchObject({ ETag: md5(bytes), ContentLength: size, ChecksumCRC32: crc(bytes) });
    if (size > 0) {
      const end = Math.floor(size / 2);
      const range = await read(`read/${name}`, { Range: `bytes=1-${end}` });
      expect(range.bytes.equals(bytes.subarray(1, end + 1))).toBe(true);
      expect(range.response.ContentRange).toBe(`bytes 1-${end}/${size}`);
    }
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `read/${name}` }));
    expect(head).toMatchObject({ ETag: md5(bytes), ContentLength: size });
    expect(blobFiles(daemon.dataDir).length).toBe(before + (size > INLINE_LIMIT ? 1 : 0));
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: `read/${name}` }));
    expect(blobFiles(daemon.dataDir).length).toBe(before);
  });

  it.each(SIZES)("storage: copies of %s keep the bytes when the source moves to the other storage, and deletes leave no file", async (name, size) => {
    const before = blobFiles(daemon.dataDir).length;
    const bytes = bytesOfSize(size, 2);
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `copy/${name}`, Body: bytes }));
    const source = `${BUCKET}/copy/${encodeURIComponent(name)}`;
    const copied = await s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: `copy/${name} (COPY)`, CopySource: source }));
    expect(copied.CopyObjectResult?.ETag).toBe(md5(bytes));
    const replaced = await s3.send(
      new CopyObjectCommand({ Bucket: BUCKET, Key: `copy/${name} (REPLACE)`, CopySource: source, MetadataDirective: "REPLACE", ChecksumAlgorithm: "SHA256" }),
    );
    expect(replaced.CopyObjectResult?.ChecksumSHA256).toBe(sha256(bytes));
    // The other storage: a body over the limit replaces an inline one, a small one a file.
    const other = bytesOfSize(size > INLINE_LIMIT ? 10 : INLINE_LIMIT + 10, 3);
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `copy/${name}`, Body: other }));
    expect((await read(`copy/${name}`)).bytes.equals(other)).toBe(true);
    for (const copy of [`copy/${name} (COPY)`, `copy/${name} (REPLACE)`]) expect((await read(copy)).bytes.equals(bytes)).toBe(true);
    const copiesInFiles = size > INLINE_LIMIT ? 2 : 0;
    expect(blobFiles(daemon.dataDir).length).toBe(before + copiesInFiles + (other.length > INLINE_LIMIT ? 1 : 0));
    for (const key of [`copy/${name}`, `copy/${name} (COPY)`, `copy/${name} (REPLACE)`]) await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(blobFiles(daemon.dataDir).length).toBe(before);
  });

  it.each(SIZES.filter(([, size]) => size > 0))("storage: UploadPartCopy takes a range of %s", async (name, size) => {
    const bytes = bytesOfSize(size, 4);
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `part-source/${name}`, Body: bytes }));
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: `part-copy/${name}` }));
    const end = Math.max(0, size - 2);
    const part = await s3.send(
      new UploadPartCopyCommand({
        Bucket: BUCKET,
        Key: `part-copy/${name}`,
        UploadId,
        PartNumber: 1,
        CopySource: `${BUCKET}/part-source/${encodeURIComponent(name)}`,
        CopySourceRange: `bytes=0-${end}`,
      }),
    );
    expect(part.CopyPartResult?.ETag).toBe(md5(bytes.subarray(0, end + 1)));
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key: `part-copy/${name}`,
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.CopyPartResult?.ETag }] },
      }),
    );
    expect((await read(`part-copy/${name}`)).bytes.equals(bytes.subarray(0, end + 1))).toBe(true);
  });
});

describe("s3 storage: bodies cut short", () => {
  it.each([
    ["small, read in memory", 1000],
    ["large, streamed to a file", 2 * 1024 * 1024],
  ])("storage: a body cut short by the client (%s) leaves the object as it was", async (name, announced) => {
    const key = `cut/${name}`;
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: "before" }));
    const closed = new Promise<void>((resolve) => {
      const outgoing = request({
        host: "127.0.0.1",
        port: daemon.port,
        method: "PUT",
        path: `/${BUCKET}/${encodeURIComponent(key)}`,
        headers: { "content-length": announced },
      });
      outgoing.on("error", () => undefined);
      outgoing.on("close", () => resolve());
      outgoing.write(Buffer.alloc(10, 120), () => outgoing.destroy());
    });
    await closed;
    expect(await (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString()).toBe("before");
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: "after" }));
    expect(await (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString()).toBe("after");
    // A connection lost is the client's doing, not the daemon's failure.
    expect(daemon.stderr()).not.toContain(`/${BUCKET}/cut`);
  });
});

describe("s3 storage: a data folder from before inline bodies", () => {
  it("storage: objects kept as files by S3's first schema are read, replaced and deleted after the upgrade", async () => {
    const dataDir = freshDataDir();
    const old = bytesOfSize(1000, 5);
    // What the previous release left: schema step 1, one bucket, one object whose 1000 bytes are a blob file.
    const db = new Database(join(dataDir, "cloud.db"));
    db.exec("CREATE TABLE migrations (name TEXT PRIMARY KEY, version INTEGER NOT NULL)");
    migrate(db, "s3", S3_MIGRATIONS.slice(0, 1));
    db.prepare("INSERT INTO s3_buckets (name, region, owner, created_ms) VALUES ('before', 'us-east-1', 'owner', 0)").run();
    db.prepare(
      "INSERT INTO s3_objects (bucket, key, blob, size, etag, modified_ms, headers) VALUES ('before', ?, 'ab0123456789abcdef012345', 1000, ?, 0, ?)",
    ).run(Buffer.from("old.bin"), md5(old).slice(1, -1), JSON.stringify({ "content-type": "application/x-old" }));
    db.close();
    mkdirSync(join(dataDir, "s3", "ab"), { recursive: true });
    writeFileSync(join(dataDir, "s3", "ab", "ab0123456789abcdef012345"), old);
    const upgraded = await startDaemon({ dataDir });
    const client = s3Client(upgraded.endpoint);
    try {
      const response = await client.send(new GetObjectCommand({ Bucket: "before", Key: "old.bin" }));
      expect(Buffer.from(await response.Body!.transformToByteArray()).equals(old)).toBe(true);
      expect(response).toMatchObject({ ETag: md5(old), ContentType: "application/x-old" });
      await client.send(new PutObjectCommand({ Bucket: "before", Key: "old.bin", Body: "new and small" }));
      expect(blobFiles(dataDir)).toEqual([]);
      expect(await (await client.send(new GetObjectCommand({ Bucket: "before", Key: "old.bin" }))).Body!.transformToString()).toBe("new and small");
    } finally {
      client.destroy();
      await upgraded.stop();
      removeDataDir(dataDir);
    }
  });
});
