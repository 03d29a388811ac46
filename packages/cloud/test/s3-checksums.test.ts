// Flexible checksums: each algorithm against its standard check value; then
// through the SDK against the real daemon, in a header (buffer bodies) and in
// an aws-chunked trailer (stream bodies), verified on upload, stored, and
// returned for the SDK's own response validation; and by raw requests,
// aws-chunked framing with signatures, a wrong trailer, a broken frame.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, type ChecksumAlgorithm } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checksumOf, createHasher, type ChecksumAlgorithm as Algorithm } from "../src/services/s3/checksums.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { s3Client } from "./helpers/s3-clients.js";

let daemon: DaemonProcess;
let s3: S3Client;
const BUCKET = "checksums";

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

const hex = (text: string): string => Buffer.from(text, "hex").toString("base64");

// The catalogue check values: the checksum of the nine bytes "123456789".
const CHECK_VALUES: Array<[Algorithm, string]> = [
  ["CRC32", hex("cbf43926")],
  ["CRC32C", hex("e3069283")],
  ["CRC64NVME", hex("ae8b14860a799888")],
  ["SHA1", createHash("sha1").update("123456789").digest("base64")],
  ["SHA256", createHash("sha256").update("123456789").digest("base64")],
];

const ALGORITHMS: ChecksumAlgorithm[] = ["CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256"];
const member = (algorithm: ChecksumAlgorithm) => `Checksum${algorithm}` as `Checksum${ChecksumAlgorithm}`;

describe("checksums", () => {
  it.each(CHECK_VALUES)("algorithm: %s gives its check value, in one piece or many", (algorithm, expected) => {
    expect(checksumOf(algorithm, Buffer.from("123456789"))).toBe(expected);
    const hasher = createHasher(algorithm);
    for (const piece of ["1", "23", "456789"]) hasher.update(Buffer.from(piece));
    expect(hasher.digest().toString("base64")).toBe(expected);
  });

  it.each(ALGORITHMS.flatMap((algorithm) => [[algorithm, "header"] as const, [algorithm, "aws-chunked trailer"] as const]))(
    "sdk: %s in a %s is verified, stored and returned",
    async (algorithm, carrier) => {
      const key = `${algorithm}-${carrier}`;
      const bytes = Buffer.from(`${key} `.repeat(5000));
      const Body = carrier === "header" ? bytes : Readable.from([bytes.subarray(0, 7000), bytes.subarray(7000)]);
      const put = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body, ContentLength: bytes.length, ChecksumAlgorithm: algorithm }));
      const expected = checksumOf(algorithm as Algorithm, bytes);
      expect(put[member(algorithm)]).toBe(expected);
      // The SDK validates the body against the checksum it receives: a wrong one would throw here.
      const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, ChecksumMode: "ENABLED" }));
      expect(got[member(algorithm)]).toBe(expected);
      expect(Buffer.from(await got.Body!.transformToByteArray()).equals(bytes)).toBe(true);
      const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key, ChecksumMode: "ENABLED" }));
      expect(head[member(algorithm)]).toBe(expected);
      expect(head.ChecksumType).toBe("FULL_OBJECT");
    },
  );

  it("sdk: a wrong checksum is BadDigest and nothing is stored", async () => {
    await expect(s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "wrong", Body: "payload", ChecksumCRC32: "AAAAAA==" }))).rejects.toMatchObject({
      name: "BadDigest",
      message: "The CRC32 you specified did not match the calculated checksum.",
    });
    await expect(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "wrong" }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
  });

  it("sdk: a range read carries no checksum", async () => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "ranged", Body: "0123456789" }));
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: "ranged", Range: "bytes=0-3", ChecksumMode: "ENABLED" }));
    expect(got.ChecksumCRC32).toBeUndefined();
    expect(await got.Body!.transformToString()).toBe("0123");
  });
});

describe("aws-chunked", () => {
  const crc32 = (text: string): string => checksumOf("CRC32", Buffer.from(text));

  async function rawPut(key: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
    const response = await fetch(`${daemon.endpoint}/${BUCKET}/${key}`, {
      method: "PUT",
      body,
      headers: { "content-encoding": "aws-chunked", "x-amz-content-sha256": "STREAMING-UNSIGNED-PAYLOAD-TRAILER", ...headers },
    });
    return { status: response.status, text: await response.text() };
  }

  async function stored(key: string): Promise<string> {
    return (await fetch(`${daemon.endpoint}/${BUCKET}/${key}`)).text();
  }

  it("frame: chunks with signature extensions and a checksum trailer are decoded", async () => {
    const body = `5;chunk-signature=abc\r\nhello\r\n6;chunk-signature=def\r\n world\r\n0;chunk-signature=0\r\nx-amz-checksum-crc32:${crc32("hello world")}\r\n\r\n`;
    const put = await rawPut("signed-chunks", body, { "x-amz-decoded-content-length": "11", "x-amz-trailer": "x-amz-checksum-crc32" });
    expect(put.status).toBe(200);
    expect(await stored("signed-chunks")).toBe("hello world");
  });

  it("frame: a body without a trailer may end right after the last chunk", async () => {
    const put = await rawPut("no-trailer", "3\r\nabc\r\n0\r\n", { "x-amz-decoded-content-length": "3" });
    expect(put.status).toBe(200);
    expect(await stored("no-trailer")).toBe("abc");
  });

  it.each([
    [
      "a wrong trailing checksum",
      `3\r\nabc\r\n0\r\nx-amz-checksum-crc32:${crc32("abd")}\r\n\r\n`,
      "3",
      400,
      "<Code>BadDigest</Code><Message>The CRC32 you specified did not match the calculated checksum.</Message>",
    ],
    [
      "a missing trailer",
      "3\r\nabc\r\n0\r\n\r\n",
      "3",
      400,
      "<Code>InvalidRequest</Code><Message>The x-amz-checksum-crc32 trailer announced by x-amz-trailer was not sent.</Message>",
    ],
    ["a decoded length that differs", `3\r\nabc\r\n0\r\nx-amz-checksum-crc32:${crc32("abc")}\r\n\r\n`, "4", 400, "<Code>IncompleteBody</Code>"],
    ["a chunk longer than its size", `2\r\nabc\r\n0\r\nx-amz-checksum-crc32:${crc32("abc")}\r\n\r\n`, "3", 400, "<Code>InvalidRequest</Code>"],
  ])("frame: %s is refused and nothing is stored", async (_, body, decodedLength, status, error) => {
    const key = `refused-${decodedLength}-${body.length}`;
    const put = await rawPut(key, body, { "x-amz-decoded-content-length": decodedLength, "x-amz-trailer": "x-amz-checksum-crc32" });
    expect(put.status).toBe(status);
    expect(put.text).toContain(error);
    expect((await fetch(`${daemon.endpoint}/${BUCKET}/${key}`)).status).toBe(404);
  });
});
