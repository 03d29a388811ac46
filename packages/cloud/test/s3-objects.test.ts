// S3 objects through @aws-sdk/client-s3 against the real daemon: keys kept
// byte for byte, stored headers, ranges, conditional reads and writes,
// Content-MD5, deletes (single, batch, idempotent) and large streamed bodies.
import { createHash, randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { s3Client } from "./helpers/s3-clients.js";

let daemon: DaemonProcess;
let s3: S3Client;
const BUCKET = "objects";

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

async function put(key: string, body: string | Buffer, extra: Partial<ConstructorParameters<typeof PutObjectCommand>[0]> = {}) {
  return s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body, ...extra }));
}

async function getText(key: string, extra: Partial<ConstructorParameters<typeof GetObjectCommand>[0]> = {}) {
  const response = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, ...extra }));
  return { response, text: await response.Body!.transformToString() };
}

/** Blob files the daemon holds (objects and parts), for leak checks. */
function blobFiles(): string[] {
  const root = join(daemon.dataDir, "s3");
  return readdirSync(root)
    .filter((shard) => shard.length === 2)
    .flatMap((shard) => readdirSync(join(root, shard)));
}

describe("s3 objects", () => {
  it.each([
    ["plain", "plain.txt"],
    ["space", "with space.txt"],
    ["plus", "a+b"],
    ["percent", "100% sure %20 not a space"],
    ["unicode", "ünïcødé/日本語/😀.txt"],
    ["dot segments", "../up/./here/.."],
    ["double slash", "a//b///c"],
    ["trailing slash", "folder/"],
    ["leading slash", "/rooted"],
    ["query characters", "?x=1&y=2#frag"],
    ["xml specials", '<a href="x">&amp;\'</a>'],
    ["tilde and star", "~user/*.txt"],
  ])("key: %s is stored and returned exactly", async (_, key) => {
    const body = `body of ${key}`;
    const etag = `"${createHash("md5").update(body).digest("hex")}"`;
    expect((await put(key, body)).ETag).toBe(etag);
    expect((await getText(key)).text).toBe(body);
    expect((await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).ContentLength).toBe(Buffer.byteLength(body));
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: key }));
    expect(listed.Contents?.[0]).toMatchObject({ Key: key, ETag: etag, Size: Buffer.byteLength(body) });
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
    await expect(getText(key)).rejects.toMatchObject({ name: "NoSuchKey", message: "The specified key does not exist." });
  });

  it("object: content headers and metadata are stored and returned", async () => {
    const expires = new Date("2030-01-02T03:04:05Z");
    await put("headers.html", "<p>hi</p>", {
      ContentType: "text/html; charset=utf-8",
      CacheControl: "max-age=60",
      ContentDisposition: 'attachment; filename="x.html"',
      ContentEncoding: "identity",
      ContentLanguage: "en",
      Expires: expires,
      Metadata: { Owner: "docs", "with-dash": "yes" },
    });
    const { response } = await getText("headers.html");
    expect(response).toMatchObject({
      ContentType: "text/html; charset=utf-8",
      CacheControl: "max-age=60",
      ContentDisposition: 'attachment; filename="x.html"',
      ContentEncoding: "identity",
      ContentLanguage: "en",
      Expires: expires,
      // S3 lower-cases metadata names.
      Metadata: { owner: "docs", "with-dash": "yes" },
      AcceptRanges: "bytes",
    });
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "headers.html" }));
    expect(head).toMatchObject({ ContentType: "text/html; charset=utf-8", CacheControl: "max-age=60", Metadata: { owner: "docs", "with-dash": "yes" } });
  });

  it("object: without Content-Type it is binary/octet-stream", async () => {
    // The SDK always sends a type; an unsigned plain request need not.
    const response = await fetch(`${daemon.endpoint}/${BUCKET}/untyped`, { method: "PUT", body: new Uint8Array([1, 2, 3]) });
    expect(response.status).toBe(200);
    expect((await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "untyped" }))).ContentType).toBe("binary/octet-stream");
  });

  it("object: response-* parameters override the stored headers", async () => {
    await put("override.txt", "x", { ContentType: "text/plain" });
    const { response } = await getText("override.txt", {
      ResponseContentType: "application/json",
      ResponseContentDisposition: "inline",
      ResponseCacheControl: "no-store",
      ResponseContentLanguage: "fr",
      ResponseContentEncoding: "identity",
    });
    expect(response).toMatchObject({
      ContentType: "application/json",
      ContentDisposition: "inline",
      CacheControl: "no-store",
      ContentLanguage: "fr",
      ContentEncoding: "identity",
    });
  });

  it.each([
    ["first bytes", "bytes=0-3", "0123", "bytes 0-3/10"],
    ["middle", "bytes=2-5", "2345", "bytes 2-5/10"],
    ["open end", "bytes=7-", "789", "bytes 7-9/10"],
    ["suffix", "bytes=-2", "89", "bytes 8-9/10"],
    ["end past the size", "bytes=8-100", "89", "bytes 8-9/10"],
    ["suffix longer than the object", "bytes=-50", "0123456789", "bytes 0-9/10"],
  ])("range: %s is 206 with its bytes", async (_, Range, text, contentRange) => {
    await put("digits", "0123456789");
    const result = await getText("digits", { Range });
    expect(result.text).toBe(text);
    expect(result.response.$metadata.httpStatusCode).toBe(206);
    expect(result.response.ContentRange).toBe(contentRange);
    expect(result.response.ContentLength).toBe(text.length);
  });

  it.each([
    ["several ranges", "bytes=0-1,4-5"],
    ["not bytes", "items=0-1"],
    ["end before start", "bytes=5-2"],
  ])("range: %s is ignored (200, whole object)", async (_, Range) => {
    await put("digits", "0123456789");
    const result = await getText("digits", { Range });
    expect(result.response.$metadata.httpStatusCode).toBe(200);
    expect(result.text).toBe("0123456789");
  });

  it("range: starting past the end is InvalidRange (416)", async () => {
    await put("digits", "0123456789");
    await expect(getText("digits", { Range: "bytes=10-" })).rejects.toMatchObject({
      name: "InvalidRange",
      message: "The requested range is not satisfiable",
      $metadata: { httpStatusCode: 416 },
    });
  });

  describe("conditional reads", () => {
    const body = "conditional body";
    const etag = `"${createHash("md5").update(body).digest("hex")}"`;
    const past = new Date("2000-01-01T00:00:00Z");
    const future = new Date("2100-01-01T00:00:00Z");
    it.each([
      ["If-Match matching", { IfMatch: etag }, 200],
      ["If-Match *", { IfMatch: "*" }, 200],
      ["If-Match other", { IfMatch: '"0000"' }, 412],
      ["If-None-Match matching", { IfNoneMatch: etag }, 304],
      ["If-None-Match other", { IfNoneMatch: '"0000"' }, 200],
      ["If-Modified-Since past", { IfModifiedSince: past }, 200],
      ["If-Modified-Since future", { IfModifiedSince: future }, 304],
      ["If-Unmodified-Since past", { IfUnmodifiedSince: past }, 412],
      ["If-Unmodified-Since future", { IfUnmodifiedSince: future }, 200],
      // RFC 7232 order: a true If-Match makes S3 ignore If-Unmodified-Since; If-None-Match decides over If-Modified-Since.
      ["If-Match true, If-Unmodified-Since false", { IfMatch: etag, IfUnmodifiedSince: past }, 200],
      ["If-None-Match false, If-Modified-Since false", { IfNoneMatch: '"0000"', IfModifiedSince: future }, 200],
    ] as const)("condition: %s", async (_, conditions, status) => {
      await put("conditional", body);
      for (const send of [
        () => s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: "conditional", ...conditions })),
        () => s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "conditional", ...conditions })),
      ]) {
        if (status === 200) expect((await send()).$metadata.httpStatusCode).toBe(200);
        else await expect(send()).rejects.toMatchObject({ $metadata: { httpStatusCode: status } });
      }
      if (status === 412) {
        await expect(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: "conditional", ...conditions }))).rejects.toMatchObject({
          name: "PreconditionFailed",
          message: "At least one of the pre-conditions you specified did not hold",
        });
      }
    });
  });

  it("conditional write: If-None-Match * creates only once", async () => {
    await put("create-once", "first", { IfNoneMatch: "*" });
    await expect(put("create-once", "second", { IfNoneMatch: "*" })).rejects.toMatchObject({ name: "PreconditionFailed", $metadata: { httpStatusCode: 412 } });
    expect((await getText("create-once")).text).toBe("first");
  });

  it("conditional write: of ten concurrent create-only writes exactly one wins, the others alone are refused", async () => {
    // They commit together (one batch): each refusal must undo only its own write.
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => put("race", `writer ${i}`, { IfNoneMatch: "*" })).concat([put("race-bystander", "kept")]),
    );
    const won = results.slice(0, 10).filter((result) => result.status === "fulfilled");
    expect(won.length).toBe(1);
    for (const result of results.slice(0, 10)) if (result.status === "rejected") expect(result.reason).toMatchObject({ name: "PreconditionFailed" });
    expect((await getText("race")).text).toMatch(/^writer \d$/);
    expect((await getText("race-bystander")).text).toBe("kept");
  });

  it("conditional write: If-Match replaces only the version named", async () => {
    const first = await put("replace-if", "first");
    await expect(put("replace-if", "second", { IfMatch: '"0000"' })).rejects.toMatchObject({ name: "PreconditionFailed" });
    await put("replace-if", "second", { IfMatch: first.ETag! });
    expect((await getText("replace-if")).text).toBe("second");
  });

  it.each([
    ["a wrong digest", createHash("md5").update("other").digest("base64"), "BadDigest", "The Content-MD5 you specified did not match what we received."],
    ["not a digest", "bm90LWEtZGlnZXN0", "InvalidDigest", "The Content-MD5 you specified was invalid."],
  ])("content-md5: %s is refused and nothing is stored", async (_, ContentMD5, name, message) => {
    await expect(put("md5-checked", "payload", { ContentMD5 })).rejects.toMatchObject({ name, message });
    await expect(getText("md5-checked")).rejects.toMatchObject({ name: "NoSuchKey" });
  });

  it("content-md5: a right digest is accepted", async () => {
    await put("md5-ok", "payload", { ContentMD5: createHash("md5").update("payload").digest("base64") });
    expect((await getText("md5-ok")).text).toBe("payload");
  });

  it("version: the null version is the object; any other version id names nothing", async () => {
    await put("versioned?", "only version");
    expect((await getText("versioned?", { VersionId: "null" })).text).toBe("only version");
    await expect(getText("versioned?", { VersionId: "3HL4kqtJlcpXroDTDmJ" })).rejects.toMatchObject({
      name: "NoSuchVersion",
      message: "The specified version does not exist.",
    });
    const batch = await s3.send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: [{ Key: "versioned?", VersionId: "3HL4kqtJlcpXroDTDmJ" }] } }));
    expect(batch.Errors).toEqual([
      { Key: "versioned?", VersionId: "3HL4kqtJlcpXroDTDmJ", Code: "NoSuchVersion", Message: "The specified version does not exist." },
    ]);
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: "versioned?", VersionId: "null" }));
    await expect(getText("versioned?")).rejects.toMatchObject({ name: "NoSuchKey" });
  });

  it("delete: deleting a missing key is 204", async () => {
    const response = await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: "never-there" }));
    expect(response.$metadata.httpStatusCode).toBe(204);
  });

  it("delete: DeleteObjects reports every key, or nothing when quiet", async () => {
    await put("batch/1", "1");
    await put("batch/2", "2");
    const loud = await s3.send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: [{ Key: "batch/1" }, { Key: "batch/missing" }] } }));
    expect(loud.Deleted?.map((entry) => entry.Key)).toEqual(["batch/1", "batch/missing"]);
    expect(loud.Errors).toBeUndefined();
    const quiet = await s3.send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: [{ Key: "batch/2" }], Quiet: true } }));
    expect(quiet.Deleted).toBeUndefined();
    const left = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: "batch/" }));
    expect(left.KeyCount).toBe(0);
  });

  it("object: a missing bucket is NoSuchBucket for every object call", async () => {
    const calls = [
      () => s3.send(new PutObjectCommand({ Bucket: "no-such-bucket", Key: "k", Body: "x" })),
      () => s3.send(new GetObjectCommand({ Bucket: "no-such-bucket", Key: "k" })),
      () => s3.send(new DeleteObjectCommand({ Bucket: "no-such-bucket", Key: "k" })),
      () => s3.send(new ListObjectsV2Command({ Bucket: "no-such-bucket" })),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ name: "NoSuchBucket", message: "The specified bucket does not exist" });
  });

  it("object: a large streamed body round-trips, and overwrites and deletes leave no blob behind", async () => {
    const before = blobFiles().length;
    const bytes = randomBytes(9 * 1024 * 1024 + 7);
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: "large.bin",
        Body: Readable.from([bytes.subarray(0, 5_000_000), bytes.subarray(5_000_000)]),
        ContentLength: bytes.length,
      }),
    );
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "large.bin", Body: bytes }));
    expect(blobFiles().length).toBe(before + 1);
    const got = Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: "large.bin" }))).Body!.transformToByteArray());
    expect(got.equals(bytes)).toBe(true);
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: "large.bin" }));
    expect(blobFiles().length).toBe(before);
  });
});
