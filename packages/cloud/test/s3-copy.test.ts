// CopyObject against the real daemon: x-amz-copy-source URL-encoded, the
// same or another bucket, MetadataDirective COPY and REPLACE, copying onto
// itself, copy-source conditions, and sources that do not exist.
import { createHash } from "node:crypto";
import { CopyObjectCommand, CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { s3Client } from "./helpers/s3-clients.js";

let daemon: DaemonProcess;
let s3: S3Client;
const SOURCE_KEY = "dir/source key+ü%.txt";
const BODY = "copy me";
const ETAG = `"${createHash("md5").update(BODY).digest("hex")}"`;

beforeAll(async () => {
  daemon = await startDaemon();
  s3 = s3Client(daemon.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: "copy-from" }));
  await s3.send(new CreateBucketCommand({ Bucket: "copy-to" }));
  await s3.send(new PutObjectCommand({ Bucket: "copy-from", Key: SOURCE_KEY, Body: BODY, ContentType: "text/plain", Metadata: { origin: "source" } }));
});

afterAll(async () => {
  s3.destroy();
  await daemon.stop();
  removeDataDir(daemon.dataDir);
});

const copySource = (bucket: string, key: string): string => `${bucket}/${encodeURIComponent(key)}`;

async function read(bucket: string, key: string) {
  const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return { response, text: await response.Body!.transformToString() };
}

describe("s3 copy", () => {
  it.each([
    ["the same bucket", "copy-from", "dir/copy"],
    ["another bucket", "copy-to", "copied/ü key"],
  ])("copy: to %s keeps bytes, ETag, type and metadata (COPY)", async (_, bucket, key) => {
    const result = await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: key, CopySource: copySource("copy-from", SOURCE_KEY) }));
    expect(result.CopyObjectResult?.ETag).toBe(ETAG);
    const { response, text } = await read(bucket, key);
    expect(text).toBe(BODY);
    expect(response).toMatchObject({ ETag: ETAG, ContentType: "text/plain", Metadata: { origin: "source" } });
  });

  it("copy: REPLACE takes type and metadata from the request", async () => {
    await s3.send(
      new CopyObjectCommand({
        Bucket: "copy-to",
        Key: "replaced",
        CopySource: copySource("copy-from", SOURCE_KEY),
        MetadataDirective: "REPLACE",
        ContentType: "application/json",
        Metadata: { fresh: "yes" },
      }),
    );
    const head = await s3.send(new HeadObjectCommand({ Bucket: "copy-to", Key: "replaced" }));
    expect(head.ContentType).toBe("application/json");
    expect(head.Metadata).toEqual({ fresh: "yes" });
  });

  it("copy: onto itself needs REPLACE", async () => {
    await expect(
      s3.send(new CopyObjectCommand({ Bucket: "copy-from", Key: SOURCE_KEY, CopySource: copySource("copy-from", SOURCE_KEY) })),
    ).rejects.toMatchObject({
      name: "InvalidRequest",
      message:
        "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    });
    await s3.send(
      new CopyObjectCommand({
        Bucket: "copy-from",
        Key: SOURCE_KEY,
        CopySource: copySource("copy-from", SOURCE_KEY),
        MetadataDirective: "REPLACE",
        Metadata: { origin: "source" },
        ContentType: "text/plain",
      }),
    );
    expect((await read("copy-from", SOURCE_KEY)).text).toBe(BODY);
  });

  it.each([
    ["a missing key", copySource("copy-from", "nope"), "NoSuchKey", "The specified key does not exist."],
    ["a missing bucket", copySource("no-such-source", "k"), "NoSuchBucket", "The specified bucket does not exist"],
    ["no key", "copy-from", "InvalidArgument", "Invalid copy source object key"],
  ])("copy: from %s is refused", async (_, CopySource, name, message) => {
    await expect(s3.send(new CopyObjectCommand({ Bucket: "copy-to", Key: "never", CopySource }))).rejects.toMatchObject({ name, message });
  });

  it.each([
    ["If-Match other", { CopySourceIfMatch: '"0000"' }, true],
    ["If-Match matching", { CopySourceIfMatch: ETAG }, false],
    ["If-None-Match matching", { CopySourceIfNoneMatch: ETAG }, true],
    ["If-Modified-Since the future", { CopySourceIfModifiedSince: new Date("2100-01-01T00:00:00Z") }, true],
    ["If-Unmodified-Since the past", { CopySourceIfUnmodifiedSince: new Date("2000-01-01T00:00:00Z") }, true],
  ])("copy: source condition %s", async (_, conditions, fails) => {
    const send = () =>
      s3.send(new CopyObjectCommand({ Bucket: "copy-to", Key: "conditional", CopySource: copySource("copy-from", SOURCE_KEY), ...conditions }));
    if (fails)
      await expect(send()).rejects.toMatchObject({ name: "PreconditionFailed", message: "At least one of the pre-conditions you specified did not hold" });
    else expect((await send()).CopyObjectResult?.ETag).toBe(ETAG);
  });

  it("copy: the copy does not change when the source is overwritten or deleted", async () => {
    await s3.send(new PutObjectCommand({ Bucket: "copy-from", Key: "volatile", Body: "first" }));
    await s3.send(new CopyObjectCommand({ Bucket: "copy-to", Key: "stable", CopySource: copySource("copy-from", "volatile") }));
    await s3.send(new PutObjectCommand({ Bucket: "copy-from", Key: "volatile", Body: "second" }));
    expect((await read("copy-to", "stable")).text).toBe("first");
  });
});
