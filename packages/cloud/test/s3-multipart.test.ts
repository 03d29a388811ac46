// Multipart uploads against the real daemon: the object and its ETag (MD5 of
// the parts' MD5s, `-<count>`), S3's part rules (order, ETags, 5 MiB),
// parts uploaded again, UploadPartCopy, composite checksums, abort, and the
// two listings.
import { createHash, randomBytes } from "node:crypto";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  UploadPartCopyCommand,
  type CompletedPart,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { s3Client } from "./helpers/s3-clients.js";

let daemon: DaemonProcess;
let s3: S3Client;
const BUCKET = "multipart";
const MiB = 1024 * 1024;
const PART_1 = randomBytes(5 * MiB);
const PART_2 = randomBytes(MiB + 3);

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

async function start(key: string, extra: Partial<ConstructorParameters<typeof CreateMultipartUploadCommand>[0]> = {}): Promise<string> {
  return (await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key, ...extra }))).UploadId!;
}

async function upload(
  key: string,
  uploadId: string,
  PartNumber: number,
  Body: Buffer,
  extra: Partial<ConstructorParameters<typeof UploadPartCommand>[0]> = {},
) {
  return s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, PartNumber, Body, ...extra }));
}

function complete(key: string, uploadId: string, Parts: CompletedPart[]) {
  return s3.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, MultipartUpload: { Parts } }));
}

const md5 = (bytes: Buffer): Buffer => createHash("md5").update(bytes).digest();

async function bytesOf(key: string, extra: Partial<ConstructorParameters<typeof GetObjectCommand>[0]> = {}) {
  const response = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, ...extra }));
  return { response, bytes: Buffer.from(await response.Body!.transformToByteArray()) };
}

describe("s3 multipart", () => {
  it("multipart: two parts make the object, with S3's ETag, and parts can be read by number", async () => {
    const id = await start("big.bin", { ContentType: "application/x-test", Metadata: { kind: "multipart" } });
    const one = await upload("big.bin", id, 1, PART_1);
    const two = await upload("big.bin", id, 2, PART_2);
    const done = await complete("big.bin", id, [
      { PartNumber: 1, ETag: one.ETag },
      { PartNumber: 2, ETag: two.ETag },
    ]);
    const etag = `"${createHash("md5")
      .update(Buffer.concat([md5(PART_1), md5(PART_2)]))
      .digest("hex")}-2"`;
    expect(done).toMatchObject({ Bucket: BUCKET, Key: "big.bin", ETag: etag });
    const { response, bytes } = await bytesOf("big.bin");
    expect(bytes.equals(Buffer.concat([PART_1, PART_2]))).toBe(true);
    expect(response).toMatchObject({ ETag: etag, ContentType: "application/x-test", Metadata: { kind: "multipart" } });
    const second = await bytesOf("big.bin", { PartNumber: 2 });
    expect(second.bytes.equals(PART_2)).toBe(true);
    expect(second.response.ContentRange).toBe(`bytes ${PART_1.length}-${PART_1.length + PART_2.length - 1}/${PART_1.length + PART_2.length}`);
    expect(second.response.PartsCount).toBe(2);
    expect((await s3.send(new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: "big.bin" }))).Uploads).toBeUndefined();
  });

  it("multipart: a part uploaded again replaces the first", async () => {
    const id = await start("again.bin");
    await upload("again.bin", id, 1, Buffer.from("old"));
    const again = await upload("again.bin", id, 1, Buffer.from("new bytes"));
    await complete("again.bin", id, [{ PartNumber: 1, ETag: again.ETag }]);
    expect((await bytesOf("again.bin")).bytes.toString()).toBe("new bytes");
  });

  it.each([
    ["parts out of order", "InvalidPartOrder", "The list of parts was not in ascending order. Parts must be ordered by part number."],
    [
      "a wrong ETag",
      "InvalidPart",
      "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
    ],
    [
      "a part never uploaded",
      "InvalidPart",
      "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
    ],
    ["a small part before the last", "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size"],
  ])("multipart: %s is refused and the upload stays", async (situation, name, message) => {
    const key = `refused-${name}`;
    const id = await start(key);
    const small = await upload(key, id, 1, Buffer.from("small"));
    const last = await upload(key, id, 2, Buffer.from("last"));
    const parts: Record<string, CompletedPart[]> = {
      "parts out of order": [
        { PartNumber: 2, ETag: last.ETag },
        { PartNumber: 1, ETag: small.ETag },
      ],
      "a wrong ETag": [
        { PartNumber: 1, ETag: last.ETag },
        { PartNumber: 2, ETag: last.ETag },
      ],
      "a part never uploaded": [
        { PartNumber: 1, ETag: small.ETag },
        { PartNumber: 3, ETag: last.ETag },
      ],
      "a small part before the last": [
        { PartNumber: 1, ETag: small.ETag },
        { PartNumber: 2, ETag: last.ETag },
      ],
    };
    await expect(complete(key, id, parts[situation]!)).rejects.toMatchObject({ name, message });
    const listed = await s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: key, UploadId: id }));
    expect(listed.Parts?.map((part) => part.PartNumber)).toEqual([1, 2]);
  });

  it("multipart: abort removes the upload; later calls are NoSuchUpload", async () => {
    const id = await start("aborted.bin");
    await upload("aborted.bin", id, 1, Buffer.from("x"));
    await s3.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: "aborted.bin", UploadId: id }));
    const message = "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.";
    await expect(upload("aborted.bin", id, 2, Buffer.from("y"))).rejects.toMatchObject({ name: "NoSuchUpload", message });
    await expect(complete("aborted.bin", id, [{ PartNumber: 1, ETag: '"x"' }])).rejects.toMatchObject({ name: "NoSuchUpload", message });
    await expect(s3.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: "aborted.bin", UploadId: id }))).rejects.toMatchObject({
      name: "NoSuchUpload",
    });
  });

  it("multipart: an upload id of another key is NoSuchUpload", async () => {
    const id = await start("mine.bin");
    await expect(upload("yours.bin", id, 1, Buffer.from("x"))).rejects.toMatchObject({ name: "NoSuchUpload" });
  });

  it("multipart: ListParts pages with max-parts", async () => {
    const id = await start("paged.bin");
    for (const number of [1, 2, 3]) await upload("paged.bin", id, number, Buffer.from(`part ${number}`));
    const first = await s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: "paged.bin", UploadId: id, MaxParts: 2 }));
    expect(first.Parts?.map((part) => [part.PartNumber, part.Size])).toEqual([
      [1, 6],
      [2, 6],
    ]);
    expect(first.IsTruncated).toBe(true);
    const second = await s3.send(
      new ListPartsCommand({ Bucket: BUCKET, Key: "paged.bin", UploadId: id, MaxParts: 2, PartNumberMarker: first.NextPartNumberMarker }),
    );
    expect(second.Parts?.map((part) => part.PartNumber)).toEqual([3]);
    expect(second.IsTruncated).toBe(false);
  });

  it("multipart: ListMultipartUploads filters by prefix and rolls up by delimiter", async () => {
    const ids = [await start("uploads/a/1"), await start("uploads/a/2"), await start("uploads/b")];
    const listed = await s3.send(new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: "uploads/", Delimiter: "/" }));
    expect(listed.Uploads?.map((each) => each.Key)).toEqual(["uploads/b"]);
    expect(listed.CommonPrefixes?.map((each) => each.Prefix)).toEqual(["uploads/a/"]);
    const flat = await s3.send(new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: "uploads/" }));
    expect(flat.Uploads?.map((each) => each.Key)).toEqual(["uploads/a/1", "uploads/a/2", "uploads/b"]);
    expect(new Set(flat.Uploads?.map((each) => each.UploadId))).toEqual(new Set(ids));
  });

  it("multipart: UploadPartCopy copies a byte range of an object", async () => {
    const source = randomBytes(6 * MiB);
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "copy-source.bin", Body: source }));
    const id = await start("from-copy.bin");
    const one = await s3.send(
      new UploadPartCopyCommand({
        Bucket: BUCKET,
        Key: "from-copy.bin",
        UploadId: id,
        PartNumber: 1,
        CopySource: `${BUCKET}/copy-source.bin`,
        CopySourceRange: `bytes=0-${5 * MiB - 1}`,
      }),
    );
    const two = await s3.send(
      new UploadPartCopyCommand({
        Bucket: BUCKET,
        Key: "from-copy.bin",
        UploadId: id,
        PartNumber: 2,
        CopySource: `${BUCKET}/copy-source.bin`,
        CopySourceRange: "bytes=10-19",
      }),
    );
    expect(one.CopyPartResult?.ETag).toBe(`"${md5(source.subarray(0, 5 * MiB)).toString("hex")}"`);
    await complete("from-copy.bin", id, [
      { PartNumber: 1, ETag: one.CopyPartResult?.ETag },
      { PartNumber: 2, ETag: two.CopyPartResult?.ETag },
    ]);
    expect((await bytesOf("from-copy.bin")).bytes.equals(Buffer.concat([source.subarray(0, 5 * MiB), source.subarray(10, 20)]))).toBe(true);
  });

  it("multipart: an upload with a checksum algorithm gets a composite checksum, which the SDK accepts on GetObject", async () => {
    const id = await start("checked.bin", { ChecksumAlgorithm: "SHA256" });
    const one = await upload("checked.bin", id, 1, PART_1, { ChecksumAlgorithm: "SHA256" });
    const two = await upload("checked.bin", id, 2, PART_2, { ChecksumAlgorithm: "SHA256" });
    const sha = (bytes: Buffer): Buffer => createHash("sha256").update(bytes).digest();
    expect(one.ChecksumSHA256).toBe(sha(PART_1).toString("base64"));
    const done = await complete("checked.bin", id, [
      { PartNumber: 1, ETag: one.ETag, ChecksumSHA256: one.ChecksumSHA256 },
      { PartNumber: 2, ETag: two.ETag, ChecksumSHA256: two.ChecksumSHA256 },
    ]);
    const composite = `${createHash("sha256")
      .update(Buffer.concat([sha(PART_1), sha(PART_2)]))
      .digest("base64")}-2`;
    expect(done.ChecksumSHA256).toBe(composite);
    const { response, bytes } = await bytesOf("checked.bin", { ChecksumMode: "ENABLED" });
    expect(response.ChecksumSHA256).toBe(composite);
    expect(bytes.length).toBe(PART_1.length + PART_2.length);
  });

  it("multipart: a part without the upload's checksum algorithm is refused", async () => {
    const id = await start("needs-sha.bin", { ChecksumAlgorithm: "SHA256" });
    await expect(upload("needs-sha.bin", id, 1, Buffer.from("x"), { ChecksumAlgorithm: "CRC32" })).rejects.toMatchObject({
      name: "InvalidRequest",
      message: "Checksum Type mismatch occurred, expected checksum Type: sha256, actual checksum Type: crc32",
    });
  });
});
