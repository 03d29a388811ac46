// A function deployed with `closure-pack up` to the local cloud writes to a
// Kinesis stream with a default KinesisClient (HTTP/2, endpoint from the
// AWS_ENDPOINT_URL the daemon gives it); the record is read back.
import { symlinkSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { GetRecordsCommand, GetShardIteratorCommand, KinesisClient } from "@aws-sdk/client-kinesis";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import { createProviderContext, localTarget, type ProviderContext } from "@closure-pack/aws/engine";
import { afterAll, beforeAll, expect, test } from "vitest";
import { removeDataDir, startDaemon, type DaemonProcess } from "../../cloud/test/helpers/daemon.js";
import { REPO } from "./support/cli.js";
import { createProject, type Project } from "./support/deploy.js";

let daemon: DaemonProcess;
let sdk: ProviderContext;
let project: Project;
let port: string;

beforeAll(async () => {
  daemon = await startDaemon();
  port = String(daemon.port);
  sdk = createProviderContext(localTarget(daemon.port), { stack: "t", project: "t" });
  project = createProject("kinesis-writer", {});
  // The program imports the client, as a project that installed it does.
  mkdirSync(join(project.dir, "node_modules", "@aws-sdk"), { recursive: true });
  symlinkSync(join(REPO, "node_modules", "@aws-sdk", "client-kinesis"), join(project.dir, "node_modules", "@aws-sdk", "client-kinesis"), "dir");
});
afterAll(async () => {
  sdk?.destroy();
  await daemon?.stop();
  if (daemon) removeDataDir(daemon.dataDir);
  project?.remove();
});

test("kinesis over HTTP/2 from a function: up, invoke, the record read back", async () => {
  const up = await project.run(["up", "index.ts", "--yes", "--port", port]);
  expect(up.code, up.stderr).toBe(0);
  const stream = (await project.run(["stack", "output", "eventsStream"])).stdout.trim();
  const writer = (await project.run(["stack", "output", "writerName"])).stdout.trim();
  const invoked = await sdk.clients.lambda.send(
    new InvokeCommand({ FunctionName: writer, Payload: Buffer.from(JSON.stringify({ key: "order-1", data: "paid" })) }),
  );
  const answer = JSON.parse(Buffer.from(invoked.Payload!).toString("utf8")) as { shardId?: string; sequenceNumber?: string; errorMessage?: string };
  expect(invoked.FunctionError, answer.errorMessage).toBeUndefined();
  expect(answer.shardId).toBe("shardId-000000000000");
  // Read back the way the function wrote: a default client, HTTP/2.
  const kinesis = new KinesisClient({
    endpoint: daemon.endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
  try {
    const { ShardIterator } = await kinesis.send(
      new GetShardIteratorCommand({ StreamName: stream, ShardId: "shardId-000000000000", ShardIteratorType: "TRIM_HORIZON" }),
    );
    const { Records = [] } = await kinesis.send(new GetRecordsCommand({ ShardIterator }));
    expect(Records.map((record) => [record.PartitionKey, Buffer.from(record.Data ?? []).toString("utf8"), record.SequenceNumber])).toEqual([
      ["order-1", "paid", answer.sequenceNumber],
    ]);
  } finally {
    kinesis.destroy();
  }
  const destroyed = await project.run(["destroy", "index.ts", "--yes", "--port", port]);
  expect(destroyed.code, destroyed.stderr).toBe(0);
}, 300_000);
