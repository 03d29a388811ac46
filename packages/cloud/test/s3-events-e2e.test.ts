// S3 events end to end, on the real daemon with the real Lambda service: a
// function that records its events, subscribed with AddPermission and
// PutBucketNotificationConfiguration, fired by a real form POST, PutObject, CopyObject,
// CompleteMultipartUpload, DeleteObject and DeleteObjects calls; and events
// of acknowledged writes delivered after a kill -9 of the daemon.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AddPermissionCommand } from "@aws-sdk/client-lambda";
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import type { S3Event, S3EventRecord } from "aws-lambda";
import { afterEach, describe, expect, it } from "vitest";
import { clientsFor, type Clients } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { createFixtureFunction } from "./helpers/functions.js";
import { s3Client } from "./helpers/s3-clients.js";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Setup {
  daemon: DaemonProcess;
  aws: Clients;
  s3: S3Client;
  out: string;
}

const BUCKET = "docs-4f64efc";

/** A daemon with the recording function subscribed to `docs/` of BUCKET. */
async function setup(dataDir?: string, out?: string): Promise<Setup> {
  const daemon = await startDaemon(dataDir === undefined ? {} : { dataDir });
  const aws = clientsFor(daemon.endpoint);
  const s3 = s3Client(daemon.endpoint);
  cleanups.push(
    () => daemon.kill(),
    () => aws.destroy(),
    () => s3.destroy(),
  );
  if (out !== undefined) return { daemon, aws, s3, out };
  const dir = mkdtempSync(join(tmpdir(), "s3-events-"));
  cleanups.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => removeDataDir(daemon.dataDir),
  );
  const file = join(dir, "events.jsonl");
  const fn = await createFixtureFunction(aws, "docs-handler", "s3-record", { Environment: { Variables: { OUT: file } } });
  await aws.lambda.send(
    new AddPermissionCommand({
      FunctionName: "docs-handler",
      StatementId: "s3",
      Action: "lambda:InvokeFunction",
      Principal: "s3.amazonaws.com",
      SourceArn: `arn:aws:s3:::${BUCKET}`,
    }),
  );
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await s3.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: BUCKET,
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            Id: "docs",
            LambdaFunctionArn: fn.FunctionArn,
            Events: ["s3:ObjectCreated:*", "s3:ObjectRemoved:*"],
            Filter: { Key: { FilterRules: [{ Name: "prefix", Value: "docs/" }] } },
          },
        ],
      },
    }),
  );
  return { daemon, aws, s3, out: file };
}

function records(out: string): S3EventRecord[] {
  let text = "";
  try {
    text = readFileSync(out, "utf8");
  } catch {
    return [];
  }
  return text
    .trim()
    .split("\n")
    .filter(Boolean)
    .flatMap((line) => (JSON.parse(line) as S3Event).Records);
}

async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 25));
}

const ETAG_HELLO = "5d41402abc4b2a76b9719d911017c592";

function expected(eventName: string, key: string, object: { size?: number; eTag?: string }, principalId = "AWS:test") {
  return {
    eventVersion: "2.1",
    eventSource: "aws:s3",
    awsRegion: "us-east-1",
    eventName,
    userIdentity: { principalId },
    requestParameters: { sourceIPAddress: "127.0.0.1" },
    s3: {
      s3SchemaVersion: "1.0",
      configurationId: "docs",
      bucket: { name: BUCKET, ownerIdentity: { principalId: "A3CLOSUREPACKLOCAL" }, arn: `arn:aws:s3:::${BUCKET}` },
      object: { key, ...object },
    },
  };
}

// eventTime, request ids and sequencer vary per call: checked for shape, then left out.
function comparable(record: S3EventRecord) {
  expect(record.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(record.responseElements["x-amz-request-id"]).toMatch(/^[0-9A-F]{16}$/);
  expect(record.s3.object.sequencer).toMatch(/^[0-9A-F]{18}$/);
  const { eventTime: _, responseElements: __, ...rest } = record;
  const { sequencer: ___, ...object } = rest.s3.object;
  return { ...rest, s3: { ...rest.s3, object } };
}

describe("s3 events end to end", () => {
  it("events: each write under the prefix invokes the function with AWS's record", async () => {
    const { daemon, s3, out } = await setup();
    // A browser form upload: unsigned, so its caller is Anonymous.
    const form = new FormData();
    form.append("key", "docs/${filename}");
    form.append("file", new Blob(["hello"]), "posted.txt");
    expect((await fetch(`${daemon.endpoint}/${BUCKET}`, { method: "POST", body: form })).status).toBe(204);
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "docs/a b.txt", Body: "hello" }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "other/not-sent.txt", Body: "hello" }));
    await s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: "docs/copy+1.txt", CopySource: `${BUCKET}/${encodeURIComponent("docs/a b.txt")}` }));
    const upload = await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: "docs/big.bin" }));
    const part = await s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: "docs/big.bin", UploadId: upload.UploadId, PartNumber: 1, Body: "hello" }));
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key: "docs/big.bin",
        UploadId: upload.UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
      }),
    );
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: "docs/copy+1.txt" }));
    await s3.send(
      new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: [{ Key: "docs/a b.txt" }, { Key: "docs/big.bin" }, { Key: "docs/never-there" }] } }),
    );
    await until(() => records(out).length >= 7);
    // Asynchronous delivery does not keep order: compare as a set, ordered by sequencer.
    const got = records(out).sort((a, b) => (a.s3.object.sequencer < b.s3.object.sequencer ? -1 : 1));
    expect(got.map(comparable)).toEqual([
      expected("ObjectCreated:Post", "docs/posted.txt", { size: 5, eTag: ETAG_HELLO }, "Anonymous"),
      expected("ObjectCreated:Put", "docs/a+b.txt", { size: 5, eTag: ETAG_HELLO }),
      expected("ObjectCreated:Copy", "docs/copy%2B1.txt", { size: 5, eTag: ETAG_HELLO }),
      expected("ObjectCreated:CompleteMultipartUpload", "docs/big.bin", { size: 5, eTag: got[3]!.s3.object.eTag }),
      expected("ObjectRemoved:Delete", "docs/copy%2B1.txt", {}),
      expected("ObjectRemoved:Delete", "docs/a+b.txt", {}),
      expected("ObjectRemoved:Delete", "docs/big.bin", {}),
    ]);
    expect(got[3]!.s3.object.eTag).toMatch(/^[0-9a-f]{32}-1$/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(records(out)).toHaveLength(7);
  });

  it("events: writes acknowledged before a kill -9 are still delivered after the restart", async () => {
    const first = await setup();
    const keys = Array.from({ length: 20 }, (_, i) => `docs/k${i}`);
    await Promise.all(keys.map((key) => first.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: "x" }))));
    await first.daemon.kill();
    await setup(first.daemon.dataDir, first.out);
    await until(() => new Set(records(first.out).map((record) => record.s3.object.key)).size === keys.length);
    // At least once: every acknowledged write's event arrived, none for anything else.
    expect([...new Set(records(first.out).map((record) => record.s3.object.key))].sort()).toEqual([...keys].sort());
  });
});
