// The seed program end to end on the real local cloud daemon (started with
// the cloud's own test helper on a free port): up, an upload through
// @aws-sdk/client-s3, the handler's line in `closure-pack logs` (and in
// `logs -f`), no-change up, a one-handler edit and its new line, destroy.
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { DeleteObjectCommand, ListBucketsCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { InvokeCommand, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { createProviderContext, localTarget, type ProviderContext, type StackState } from "@closure-pack/aws/engine";
import { afterAll, beforeAll, expect, test } from "vitest";
import { join } from "node:path";
import { daemonStatus, stopDaemon } from "@closure-pack/cloud";
import { removeDataDir, startDaemon, type DaemonProcess } from "../../cloud/test/helpers/daemon.js";
import { BIN } from "./support/cli.js";
import { createProject, killHard, type Project } from "./support/deploy.js";

let daemon: DaemonProcess;
let sdk: ProviderContext;
let project: Project;
let port: string;

beforeAll(async () => {
  daemon = await startDaemon();
  port = String(daemon.port);
  sdk = createProviderContext(localTarget(daemon.port), { stack: "t", project: "t" });
  project = createProject("seed", {});
});
afterAll(async () => {
  sdk?.destroy();
  await daemon?.stop();
  if (daemon) removeDataDir(daemon.dataDir);
  project?.remove();
});

/** Runs `logs` until a line contains `text` (the function runs asynchronously after the upload). */
async function logLine(text: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const line = (await project.run(["logs", "--port", port])).stdout.split("\n").find((each) => each.includes(text));
    if (line !== undefined) return line;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`no log line contains "${text}"`);
}

async function upload(bucket: string, key: string): Promise<void> {
  await sdk.clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: "hello" }));
}

test("seed on the local cloud: up, upload, log line, no-change up, one edit, destroy", async () => {
  const up = await project.run(["up", "index.ts", "--yes", "--port", port]);
  expect(up.code, up.stderr).toBe(0);
  expect(up.stdout).toContain('Updating stack "dev" (local):');
  const bucket = (await project.run(["stack", "output", "docsBucketName"])).stdout.trim();

  await upload(bucket, "doc1.txt");
  expect(await logLine("doc1.txt")).toMatch(
    new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\\[docsHandler\\] Hello from Lambda -- got an S3 Object: ${bucket}/doc1.txt$`),
  );

  expect((await project.run(["up", "index.ts", "--yes", "--port", port])).stdout).toContain("no changes\n6 unchanged\n");

  project.write("index.ts", project.read("index.ts").replace("Hello from Lambda", "Goodbye from Lambda"));
  const edited = await project.run(["up", "index.ts", "--yes", "--port", port]);
  expect(edited.stdout).toContain("~ 1 to update\n5 unchanged\n");
  await upload(bucket, "doc2.txt");
  expect(await logLine("doc2.txt")).toContain(`[docsHandler] Goodbye from Lambda -- got an S3 Object: ${bucket}/doc2.txt`);

  // logs -f prints a new line as it is written. --since reaches back past the
  // upload: on a loaded machine the follower may start after the line is written.
  const follow = spawn(process.execPath, [BIN, "logs", "-f", "--since", "10m", "--port", port], {
    cwd: project.dir,
    env: { PATH: process.env.PATH, NO_COLOR: "1" },
  });
  const seen = new Promise<string>((resolve) => {
    let out = "";
    follow.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      const line = out.split("\n").find((each) => each.includes("doc3.txt"));
      if (line !== undefined) resolve(line);
    });
  });
  await upload(bucket, "doc3.txt");
  expect(await seen).toContain(`[docsHandler] Goodbye from Lambda -- got an S3 Object: ${bucket}/doc3.txt`);
  follow.kill("SIGINT");

  // The issue's own line: an upload with the aws CLI, where it is installed.
  if (spawnSync("sh", ["-c", "command -v aws"]).status === 0) {
    project.write("doc4.txt", "hello");
    const env = { ...process.env, AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_DEFAULT_REGION: "us-east-1" };
    const cp = spawnSync("aws", ["--endpoint-url", daemon.endpoint, "s3", "cp", "doc4.txt", `s3://${bucket}/doc4.txt`], {
      cwd: project.dir,
      env,
      encoding: "utf8",
    });
    expect(cp.status, cp.stderr).toBe(0);
    expect(await logLine("doc4.txt")).toContain(`[docsHandler] Goodbye from Lambda -- got an S3 Object: ${bucket}/doc4.txt`);
    await sdk.clients.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: "doc4.txt" }));
  }

  // A bucket with objects is kept (forceDestroy is false), with a clear message; emptied, it goes.
  const refused = await project.run(["destroy", "index.ts", "--yes", "--port", port]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toBe(
    'aws:s3:Bucket "docs": delete failed: BucketNotEmpty: The bucket you tried to delete is not empty\nhint: empty the bucket, or set forceDestroy: true on it\n',
  );
  for (const key of ["doc1.txt", "doc2.txt", "doc3.txt"]) await sdk.clients.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  const destroyed = await project.run(["destroy", "index.ts", "--yes", "--port", port]);
  expect(destroyed.code, destroyed.stderr).toBe(0);
  expect((await sdk.clients.s3.send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);
  expect((await sdk.clients.lambda.send(new ListFunctionsCommand({}))).Functions ?? []).toEqual([]);
}, 300_000);

test("kill -9 of up on the local cloud at three points, then up again: exactly the declared resources", async () => {
  for (const point of [2, 7, 12]) {
    const fresh = createProject("seed", {});
    try {
      const up = ["up", "index.ts", "--yes", "--port", port];
      await killHard(await fresh.startUntil(up, `test kill point ${point} reached`, { CLOSURE_PACK_TEST_KILL_POINT: String(point) }));
      const rerun = await fresh.run(up);
      expect(rerun.code, rerun.stderr).toBe(0);
      const state = JSON.parse(fresh.read(".closure-pack/stacks/dev.json")) as StackState;
      const ids = (type: string) => state.resources.filter((r) => r.type === type).map((r) => r.id);
      const buckets = ((await sdk.clients.s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name!);
      const functions = ((await sdk.clients.lambda.send(new ListFunctionsCommand({}))).Functions ?? []).map((f) => f.FunctionName!);
      expect({ point, buckets, functions }).toEqual({ point, buckets: ids("aws:s3:Bucket"), functions: ids("aws:lambda:Function") });
      expect((await fresh.run(up)).stdout).toContain("no changes\n");
      expect((await fresh.run(["destroy", "index.ts", "--yes", "--port", port])).code).toBe(0);
    } finally {
      fresh.remove();
    }
  }
}, 300_000);

test("up starts the local cloud when none runs and leaves it running; later commands find it by its data folder", async () => {
  const fresh = createProject("seed", {});
  const dataDir = join(fresh.dir, ".closure-pack", "cloud");
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done));
  const free = (probe.address() as AddressInfo).port;
  await new Promise((done) => probe.close(done));
  try {
    const up = await fresh.run(["up", "index.ts", "--yes", "--port", String(free)]);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stderr).toBe(`starting the local cloud on 127.0.0.1:${free} (data in .closure-pack/cloud); it keeps running: closure-pack cloud stop ends it\n`);
    expect(await daemonStatus(dataDir)).toMatchObject({ state: "running", port: free });
    const again = await fresh.run(["up", "index.ts", "--yes"]);
    expect(again.stderr).toBe("");
    expect(again.stdout).toContain("no changes\n");
    expect((await fresh.run(["destroy", "index.ts", "--yes"])).code).toBe(0);
  } finally {
    await stopDaemon(dataDir);
    fresh.remove();
  }
}, 300_000);

test("callbackFactory: runs once per cold start; the handler it returns keeps its state across warm invocations", async () => {
  const fresh = createProject("factory", {});
  try {
    expect((await fresh.run(["up", "index.ts", "--yes", "--port", port])).code).toBe(0);
    const name = (await fresh.run(["stack", "output", "counterName"])).stdout.trim();
    const invoke = async () => {
      const response = await sdk.clients.lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from("{}") }));
      return JSON.parse(Buffer.from(response.Payload!).toString("utf8")) as unknown;
    };
    expect(await invoke()).toEqual({ factoryRuns: 1, calls: 1 });
    expect(await invoke()).toEqual({ factoryRuns: 1, calls: 2 });
    expect((await fresh.run(["destroy", "index.ts", "--yes", "--port", port])).code).toBe(0);
  } finally {
    fresh.remove();
  }
}, 300_000);

test("bad input: the port is in use by something else", async () => {
  const server = createServer((_request, response) => response.end("not a cloud"));
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const taken = (server.address() as AddressInfo).port;
  try {
    const run = await project.run(["up", "index.ts", "--yes", "--port", String(taken)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `127.0.0.1:${taken}: another program, not the closure-pack local cloud, answers on this port\nhint: stop it, or use another port: --port <n> (the same on every command of this stack)\n`,
    );
  } finally {
    server.close();
  }
});
