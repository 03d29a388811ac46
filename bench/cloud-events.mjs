// Benchmark (issue 12): S3 events into a function on the local cloud, through
// the real daemon (a child process on a free port) with the same
// @aws-sdk/client-s3 and client-lambda users have:
//  - upload-to-handler latency on a warm function: PutObject until the
//    handler starts, p50 and p99 of sequential uploads;
//  - throughput: events/s into one function, while uploads keep coming, and
//    draining a backlog of S3 events queued while the function was
//    throttled (reserved concurrency 0), which measures delivery alone.
// Beside them, in the same run, the same handler fed by Invoke with
// InvocationType Event (the async path without S3) and by a RequestResponse
// Invoke, so the S3 path's share is visible. Times are read on one clock:
// the handler appends `<key> <performance.timeOrigin + now()>` to a file.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import {
  AddPermissionCommand,
  CreateFunctionCommand,
  DeleteFunctionConcurrencyCommand,
  InvokeCommand,
  LambdaClient,
  PutFunctionConcurrencyCommand,
} from "@aws-sdk/client-lambda";
import { CreateBucketCommand, PutBucketNotificationConfigurationCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { startDaemon, stopDaemon } from "@closure-pack/cloud";
import { writeZip } from "@closure-pack/pack";
import { machineFacts } from "./lib/machine.mjs";
import { ensureBuilt, root } from "./lib/prepare.mjs";
import { progress } from "./lib/stats.mjs";

const quick = process.argv.includes("--quick");
const sizes = quick ? { warmUp: 20, latency: 100, events: 400 } : { warmUp: 50, latency: 500, events: 2_000 };
const UPLOADERS = 16;
const targets = { p50Ms: 50, p99Ms: 200, eventsPerSecond: 200 };
const BUCKET = "bench-events";
const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

// The handler: one line per record (or per direct event), stamped as it starts.
const HANDLER = `import { appendFileSync } from "node:fs";
export const handler = async (event) => {
  const at = performance.timeOrigin + performance.now();
  const keys = event.Records ? event.Records.map((record) => decodeURIComponent(record.s3.object.key.replace(/\\+/g, " "))) : [event.key];
  appendFileSync(process.env.OUT, keys.map((key) => key + " " + at + "\\n").join(""));
  return { ok: true };
};
`;

const now = () => performance.timeOrigin + performance.now();

/** Nearest-rank percentile. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Reads the handler's file as it grows: key -> the time the handler started on it. */
class Arrivals {
  #offset = 0;
  #partial = "";
  seen = new Map();

  constructor(file) {
    this.file = file;
  }

  poll() {
    let size;
    try {
      size = statSync(this.file).size;
    } catch {
      return;
    }
    if (size <= this.#offset) return;
    const fd = openSync(this.file, "r");
    const buffer = Buffer.alloc(size - this.#offset);
    readSync(fd, buffer, 0, buffer.length, this.#offset);
    closeSync(fd);
    this.#offset = size;
    const lines = (this.#partial + buffer.toString("utf8")).split("\n");
    this.#partial = lines.pop() ?? "";
    for (const line of lines) {
      const space = line.lastIndexOf(" ");
      if (!this.seen.has(line.slice(0, space))) this.seen.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
  }

  /** Resolves with the handler's time for `key` once it is in the file. */
  async waitFor(key) {
    for (;;) {
      this.poll();
      const at = this.seen.get(key);
      if (at !== undefined) return at;
      // A timer, not a busy loop: the handler stamps its own start time, so
      // how soon this process notices a line changes no figure, while
      // spinning here would take a core from the daemon and the function.
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
}

async function setUp(endpoint, out) {
  const config = { endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } };
  const clients = { iam: new IAMClient(config), lambda: new LambdaClient(config), s3: new S3Client({ ...config, forcePathStyle: true }) };
  const { Role } = await clients.iam.send(new CreateRoleCommand({ RoleName: "bench-role", AssumeRolePolicyDocument: TRUST }));
  const zip = await writeZip([{ path: "index.mjs", bytes: HANDLER }]);
  const fn = await clients.lambda.send(
    new CreateFunctionCommand({
      FunctionName: "bench-handler",
      Runtime: "nodejs22.x",
      Role: Role.Arn,
      Handler: "index.handler",
      Code: { ZipFile: zip },
      Environment: { Variables: { OUT: out } },
    }),
  );
  await clients.lambda.send(
    new AddPermissionCommand({
      FunctionName: "bench-handler",
      StatementId: "s3",
      Action: "lambda:InvokeFunction",
      Principal: "s3.amazonaws.com",
      SourceArn: `arn:aws:s3:::${BUCKET}`,
    }),
  );
  await clients.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await clients.s3.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: BUCKET,
      NotificationConfiguration: { LambdaFunctionConfigurations: [{ LambdaFunctionArn: fn.FunctionArn, Events: ["s3:ObjectCreated:*"] }] },
    }),
  );
  return clients;
}

const put = (clients, key) => clients.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: "x".repeat(1024) }));
const invokeEvent = (clients, key) =>
  clients.lambda.send(new InvokeCommand({ FunctionName: "bench-handler", InvocationType: "Event", Payload: Buffer.from(JSON.stringify({ key })) }));

/** Sequential sends, each waited for at the handler: latencies in ms. */
async function latencies(arrivals, count, prefix, send) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const key = `${prefix}-${i}`;
    const sent = now();
    await send(key);
    times.push((await arrivals.waitFor(key)) - sent);
  }
  return times;
}

async function requestResponse(clients, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const sent = now();
    await clients.lambda.send(new InvokeCommand({ FunctionName: "bench-handler", Payload: Buffer.from(JSON.stringify({ key: `rr-${i}` })) }));
    times.push(now() - sent);
  }
  return times;
}

/** `count` sends, UPLOADERS at a time: events/s from the first send to the last event the handler started on. */
async function throughput(arrivals, count, prefix, send) {
  const started = now();
  let next = 0;
  const sender = async () => {
    while (next < count) await send(`${prefix}-${next++}`);
  };
  await Promise.all(Array.from({ length: UPLOADERS }, sender));
  const sent = now();
  let last = 0;
  for (let i = 0; i < count; i++) last = Math.max(last, await arrivals.waitFor(`${prefix}-${i}`));
  return { perSecond: (count / (last - started)) * 1000, sentPerSecond: (count / (sent - started)) * 1000, drainMs: Math.max(0, last - sent) };
}

/** `count` S3 events queued while the function is throttled, then released: events/s from the release to the last event started. */
async function drain(clients, arrivals, count) {
  await clients.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: "bench-handler", ReservedConcurrentExecutions: 0 }));
  let next = 0;
  await Promise.all(
    Array.from({ length: UPLOADERS }, async () => {
      while (next < count) await put(clients, `dr-${next++}`);
    }),
  );
  const released = now();
  await clients.lambda.send(new DeleteFunctionConcurrencyCommand({ FunctionName: "bench-handler" }));
  let last = 0;
  for (let i = 0; i < count; i++) last = Math.max(last, await arrivals.waitFor(`dr-${i}`));
  return { perSecond: (count / (last - released)) * 1000 };
}

const fmt = (n, digits = 2) => n.toFixed(digits);
const int = (n) => Math.round(n).toLocaleString("en-US");

function targetLine(name, value, limit, atMost, unit) {
  const met = atMost ? value <= limit : value >= limit;
  return `- ${name}: ${unit === "events/s" ? int(value) : fmt(value)} ${unit} (target ${atMost ? "≤" : "≥"} ${limit} ${unit}) ${met ? "met" : "MISSED"}`;
}

function report(s3, event, sync, tp, tpEvent, backlog) {
  const { commit, node, machine } = machineFacts(root);
  const row = (name, times) => `| ${name} | ${fmt(percentile(times, 50))} | ${fmt(percentile(times, 99))} | ${int(times.length)} |`;
  return [
    `Measured at commit ${commit}, Node ${node}, ${machine}.`,
    `The real daemon (a child process) and one warm function (nodejs22.x, 128 MB, default concurrency 10) with a handler that appends the time it starts to a file; 1 KiB objects; @aws-sdk/client-s3 and client-lambda ${sizes.warmUp} warm-ups first.`,
    "",
    "| path to the handler, warm function | p50 ms | p99 ms | n |",
    "| --- | --- | --- | --- |",
    row("PutObject → S3 notification → handler starts", s3),
    row("Invoke (Event) → handler starts (the async path without S3)", event),
    row("Invoke (RequestResponse) round trip", sync),
    "",
    `Throughput, ${int(sizes.events)} events into one function from ${UPLOADERS} concurrent clients, from the first send to the last event the handler started on:`,
    "",
    "| source | events/s handled | sends answered/s | last event after the last answer, ms |",
    "| --- | --- | --- | --- |",
    `| PutObject (S3 notifications) | ${int(tp.perSecond)} | ${int(tp.sentPerSecond)} | ${fmt(tp.drainMs, 0)} |`,
    `| Invoke (Event) | ${int(tpEvent.perSecond)} | ${int(tpEvent.sentPerSecond)} | ${fmt(tpEvent.drainMs, 0)} |`,
    "",
    `Delivery alone: ${int(sizes.events)} S3 events queued while the function was throttled (reserved concurrency 0), then released (its pool starts anew, cold): ${int(backlog.perSecond)} events/s from the release to the last event started.`,
    `S3 path / Event-invoke path (p50): ${(percentile(s3, 50) / percentile(event, 50)).toFixed(2)}x.`,
    "",
    "Targets (issue 12):",
    targetLine("upload-to-handler p50", percentile(s3, 50), targets.p50Ms, true, "ms"),
    targetLine("upload-to-handler p99", percentile(s3, 99), targets.p99Ms, true, "ms"),
    targetLine("S3 events into one function, delivery alone (backlog)", backlog.perSecond, targets.eventsPerSecond, false, "events/s"),
    targetLine("S3 events into one function, while uploading", tp.perSecond, targets.eventsPerSecond, false, "events/s"),
    "",
  ].join("\n");
}

async function main() {
  progress(`cloud-events: dist ${ensureBuilt()}`);
  const dataDir = mkdtempSync(join(tmpdir(), "bench-cloud-events-"));
  const out = join(dataDir, "arrivals.txt");
  const daemon = await startDaemon({ dataDir, port: 0 });
  try {
    const clients = await setUp(daemon.endpoint, out);
    const arrivals = new Arrivals(out);
    progress(`warm-up (${sizes.warmUp})...`);
    await latencies(arrivals, sizes.warmUp, "warm", (key) => put(clients, key));
    await latencies(arrivals, sizes.warmUp, "warm-event", (key) => invokeEvent(clients, key));
    progress(`latency (${sizes.latency} sequential each)...`);
    const s3 = await latencies(arrivals, sizes.latency, "lat", (key) => put(clients, key));
    const event = await latencies(arrivals, sizes.latency, "evt", (key) => invokeEvent(clients, key));
    const sync = await requestResponse(clients, sizes.latency);
    progress(`throughput (${sizes.events} events each)...`);
    const tp = await throughput(arrivals, sizes.events, "tp", (key) => put(clients, key));
    const tpEvent = await throughput(arrivals, sizes.events, "tpe", (key) => invokeEvent(clients, key));
    progress(`backlog (${sizes.events} events)...`);
    const backlog = await drain(clients, arrivals, sizes.events);
    console.log(report(s3, event, sync, tp, tpEvent, backlog));
    for (const client of Object.values(clients)) client.destroy();
  } finally {
    await stopDaemon(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
