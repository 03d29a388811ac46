// HTTP/2 cleartext (h2c, prior knowledge) on the daemon's port, beside
// HTTP/1.1: @aws-sdk/client-kinesis talks HTTP/2 by default, so a default
// KinesisClient must work against the local cloud as it does against AWS;
// an S3Client over HTTP/2 moves small and large bodies; garbage, resets and
// a stop end connections without harming the daemon or its data.
import { createHash, randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import {
  CreateStreamCommand,
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  KinesisClient,
  PutRecordCommand,
  PutRecordsCommand,
  SubscribeToShardCommand,
} from "@aws-sdk/client-kinesis";
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { NodeHttp2Handler } from "@smithy/node-http-handler";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { CANCEL, h2Request, openSession, sendRaw, splittingProxy, startUpload } from "./helpers/h2.js";

let daemon: DaemonProcess;
let s3: S3Client;

beforeAll(async () => {
  daemon = await startDaemon();
  s3 = new S3Client({
    endpoint: daemon.endpoint,
    region: "us-east-1",
    credentials,
    forcePathStyle: true,
    maxAttempts: 1,
    requestHandler: new NodeHttp2Handler(),
  });
  await s3.send(new CreateBucketCommand({ Bucket: "h2-bucket" }));
});

afterAll(async () => {
  s3.destroy();
  await daemon.stop();
  removeDataDir(daemon.dataDir);
});

const credentials = { accessKeyId: "test", secretAccessKey: "test" };
const text = (data: Uint8Array | undefined) => Buffer.from(data ?? []).toString("utf8");
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function health(): Promise<number> {
  return (await fetch(`${daemon.endpoint}/_closure-pack/health`)).status;
}

async function exists(key: string): Promise<boolean> {
  return s3.send(new HeadObjectCommand({ Bucket: "h2-bucket", Key: key })).then(
    () => true,
    (error: { name?: string }) => (error.name === "NotFound" ? false : Promise.reject(error)),
  );
}

/** Every file under the daemon's s3/ folder (blobs and temporary files). */
function s3Files(): string[] {
  const root = join(daemon.dataDir, "s3");
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("http2", () => {
  it("kinesis: a default KinesisClient (HTTP/2) creates, describes, puts and reads records", async () => {
    const kinesis = new KinesisClient({ endpoint: daemon.endpoint, region: "us-east-1", credentials, maxAttempts: 1 });
    try {
      await kinesis.send(new CreateStreamCommand({ StreamName: "h2", ShardCount: 1 }));
      const one = await kinesis.send(new PutRecordCommand({ StreamName: "h2", PartitionKey: "a", Data: Buffer.from("first") }));
      expect(one.ShardId).toBe("shardId-000000000000");
      const many = await kinesis.send(
        new PutRecordsCommand({
          StreamName: "h2",
          Records: [
            { PartitionKey: "b", Data: Buffer.from("second") },
            { PartitionKey: "c", Data: Buffer.from("third") },
          ],
        }),
      );
      expect(many.FailedRecordCount).toBe(0);
      const { StreamDescription } = await kinesis.send(new DescribeStreamCommand({ StreamName: "h2" }));
      expect(StreamDescription?.Shards?.map((shard) => shard.ShardId)).toEqual(["shardId-000000000000"]);
      const { ShardIterator } = await kinesis.send(
        new GetShardIteratorCommand({ StreamName: "h2", ShardId: "shardId-000000000000", ShardIteratorType: "TRIM_HORIZON" }),
      );
      const { Records = [] } = await kinesis.send(new GetRecordsCommand({ ShardIterator }));
      expect(Records.map((record) => `${record.PartitionKey}:${text(record.Data)}`)).toEqual(["a:first", "b:second", "c:third"]);
      // Many calls at once share one session, each its own stream.
      const parallel = await Promise.all(
        Array.from({ length: 20 }, (_, i) => kinesis.send(new PutRecordCommand({ StreamName: "h2", PartitionKey: `p${i}`, Data: Buffer.from(`n${i}`) }))),
      );
      expect(new Set(parallel.map((put) => put.SequenceNumber)).size).toBe(20);
    } finally {
      kinesis.destroy();
    }
  });

  it("kinesis: an error over HTTP/2 is Kinesis's error; SubscribeToShard (an event stream) is not served", async () => {
    const kinesis = new KinesisClient({ endpoint: daemon.endpoint, region: "us-east-1", credentials, maxAttempts: 1 });
    try {
      await expect(kinesis.send(new PutRecordCommand({ StreamName: "missing", PartitionKey: "a", Data: Buffer.from("x") }))).rejects.toMatchObject({
        name: "ResourceNotFoundException",
        $metadata: { httpStatusCode: 400 },
      });
      const consumer = "arn:aws:kinesis:us-east-1:000000000000:stream/h2/consumer/c:1";
      await expect(
        kinesis.send(new SubscribeToShardCommand({ ConsumerARN: consumer, ShardId: "shardId-000000000000", StartingPosition: { Type: "LATEST" } })),
      ).rejects.toMatchObject({
        name: "UnknownOperationException",
        message: "Unknown operation Kinesis_20131202.SubscribeToShard",
      });
    } finally {
      kinesis.destroy();
    }
  });

  it.each([
    ["small", 1024],
    ["5 MiB", 5 * 1024 * 1024],
  ])("s3: PutObject and GetObject over HTTP/2, %s body", async (name, size) => {
    const body = randomBytes(size);
    const put = await s3.send(new PutObjectCommand({ Bucket: "h2-bucket", Key: `body-${name}`, Body: body, Metadata: { origin: "h2" } }));
    expect(put.ETag).toBe(`"${createHash("md5").update(body).digest("hex")}"`);
    const got = await s3.send(new GetObjectCommand({ Bucket: "h2-bucket", Key: `body-${name}` }));
    expect({ length: got.ContentLength, metadata: got.Metadata }).toEqual({ length: size, metadata: { origin: "h2" } });
    expect(sha256(await got.Body!.transformToByteArray())).toBe(sha256(body));
    const head = await s3.send(new HeadObjectCommand({ Bucket: "h2-bucket", Key: `body-${name}` }));
    expect(head.ContentLength).toBe(size);
  });

  it("sqs: a long poll over HTTP/2 is woken by a send; one the client abandons takes nothing", { timeout: 15_000 }, async () => {
    const sqs = new SQSClient({ endpoint: daemon.endpoint, region: "us-east-1", credentials, maxAttempts: 1, requestHandler: new NodeHttp2Handler() });
    try {
      const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: "h2-polls" }));
      const waiting = sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 20 }));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: "woken" }));
      expect((await waiting).Messages?.map((message) => message.Body)).toEqual(["woken"]);
      const abandon = new AbortController();
      const abandoned = sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 20, VisibilityTimeout: 600 }), { abortSignal: abandon.signal });
      await new Promise((resolve) => setTimeout(resolve, 200));
      abandon.abort();
      await expect(abandoned).rejects.toMatchObject({ name: "AbortError" });
      await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: "for the next receive" }));
      const next = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
      expect(next.Messages?.map((message) => message.Body)).toEqual(["for the next receive"]);
    } finally {
      sqs.destroy();
    }
  });

  it("s3: a virtual-hosted bucket is read from :authority", async () => {
    const session = await openSession(daemon.endpoint);
    try {
      const put = await h2Request(
        session,
        { ":method": "PUT", ":path": "/hosted.txt", ":authority": `h2-bucket.localhost:${daemon.port}` },
        Buffer.from("by authority"),
      );
      expect(put.status).toBe(200);
      const got = await h2Request(session, { ":method": "GET", ":path": "/h2-bucket/hosted.txt" });
      expect({ status: got.status, body: got.body.toString() }).toEqual({ status: 200, body: "by authority" });
    } finally {
      session.close();
    }
  });

  it.each([
    ["garbage bytes", Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a])],
    ["a preface cut short, then something else", Buffer.from("PRI * HTTP/2.0\r\n\r\nXX\r\n\r\n")],
    ["the preface, then no SETTINGS frame", Buffer.concat([Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"), Buffer.alloc(64, 0xee)])],
  ])("connections: %s are closed, and the daemon still serves", async (name, bytes) => {
    await sendRaw(daemon.port, [bytes]);
    expect(await health()).toBe(200);
    await s3.send(new PutObjectCommand({ Bucket: "h2-bucket", Key: `after ${name}`, Body: "still here" }));
    expect(await (await s3.send(new GetObjectCommand({ Bucket: "h2-bucket", Key: `after ${name}` }))).Body!.transformToString()).toBe("still here");
  });

  it("connections: an HTTP/2 preface that arrives in pieces is still HTTP/2", async () => {
    const proxy = await splittingProxy(daemon.port, [1, 3, 14]);
    const kinesis = new KinesisClient({ endpoint: `http://127.0.0.1:${proxy.port}`, region: "us-east-1", credentials, maxAttempts: 1 });
    try {
      await expect(kinesis.send(new DescribeStreamCommand({ StreamName: "pieces" }))).rejects.toMatchObject({
        name: "ResourceNotFoundException",
        $metadata: { httpStatusCode: 400 },
      });
    } finally {
      kinesis.destroy();
      await proxy.close();
    }
  });

  it.each([
    ["a byte that may begin the preface", ["P", "OST /_closure-pack/clock/advance?ms=0 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"]],
    ["a byte that cannot", ["G", "ET /_closure-pack/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"]],
  ])("connections: an HTTP/1.1 request whose first packet is %s is answered", async (_, pieces) => {
    const answer = await sendRaw(
      daemon.port,
      pieces.map((piece) => Buffer.from(piece)),
    );
    expect(answer.toString().split("\r\n")[0]).toBe("HTTP/1.1 200 OK");
  });

  // Without a Content-Length (HTTP/2 needs none) only the reset tells a cut
  // body from a whole one.
  it.each([
    ["RST_STREAM", "reset", 64 * 1024 * 1024, (stream: { close(code: number): void }) => stream.close(CANCEL)],
    ["RST_STREAM, no Content-Length", "reset-unsized", undefined, (stream: { close(code: number): void }) => stream.close(CANCEL)],
    ["the connection lost", "lost", 64 * 1024 * 1024, (_: unknown, session: { destroy(): void }) => session.destroy()],
    ["the connection lost, no Content-Length", "lost-unsized", undefined, (_: unknown, session: { destroy(): void }) => session.destroy()],
  ])("uploads: a PutObject cut off by %s stores nothing and leaves no file", async (_, key, size, cut) => {
    const before = s3Files();
    const session = await openSession(daemon.endpoint);
    const stream = await startUpload(session, `/h2-bucket/${key}`, size, 2 * 1024 * 1024);
    cut(stream, session);
    session.destroy();
    expect(await health()).toBe(200);
    await expect.poll(() => s3Files()).toEqual(before);
    expect(await exists(key)).toBe(false);
    // The client's doing, not a fault of the daemon: nothing logged.
    expect(daemon.stderr()).not.toContain(`/h2-bucket/${key}`);
  });

  it("shutdown: stopping the daemon ends its HTTP/2 sessions, an upload in flight too", async () => {
    const other = await startDaemon();
    try {
      const session = await openSession(other.endpoint);
      const closed = new Promise<string>((resolve) => {
        session.once("goaway", () => resolve("goaway"));
        session.once("close", () => resolve("close"));
      });
      await h2Request(session, { ":method": "PUT", ":path": "/in-flight" });
      await startUpload(session, "/in-flight/body", undefined, 256 * 1024);
      await other.stop();
      expect(await closed).toBe("goaway");
      session.destroy();
    } finally {
      removeDataDir(other.dataDir);
    }
  });
});
