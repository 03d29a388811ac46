// Benchmark (issue 13, CloudWatch Logs): PutLogEvents → the handler of a
// subscription filter runs, through the real daemon (a child process on a
// free port): a log group, a warm function subscribed to it (allowed by a
// lambda permission for logs.amazonaws.com), whose handler gunzips the
// awslogs data and calls back a node:http server in this process with each
// message; p50 / p99 of sequential PutLogEvents calls of one event, from
// the send to the callback. Rows in the same run for scale: PutLogEvents
// alone (answered: the event stored and its delivery queued), and an
// asynchronous Invoke (InvocationType Event) of the same function with an
// encoded payload, the path the deliveries take (Lambda's async queue).
import { createServer } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { AddPermissionCommand, CreateFunctionCommand, InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
  PutSubscriptionFilterCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { gzipSync } from "node:zlib";
import { startDaemon, stopDaemon } from "@closure-pack/cloud";
import { writeZip } from "@closure-pack/pack";
import { machineFacts } from "./lib/machine.mjs";
import { ensureBuilt, root } from "./lib/prepare.mjs";
import { progress } from "./lib/stats.mjs";

const quick = process.argv.includes("--quick");
const sizes = quick ? { warmUp: 20, sequential: 100 } : { warmUp: 50, sequential: 400 };
const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

// The handler: decodes the delivery and tells the bench which messages it saw.
const HANDLER = `import { gunzipSync } from "node:zlib";
export const handler = async (event) => {
  const data = JSON.parse(gunzipSync(Buffer.from(event.awslogs.data, "base64")).toString());
  for (const line of data.logEvents) await fetch(process.env.CALLBACK + "/" + line.message);
};
`;

const now = () => performance.now();

/** Nearest-rank percentile. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A callback server: waitFor(key) resolves when the handler reports `key`. */
async function startCallbacks() {
  const waiting = new Map();
  const server = createServer((req, res) => {
    const key = decodeURIComponent(req.url.slice(1));
    waiting.get(key)?.();
    waiting.delete(key);
    res.end();
  });
  await new Promise((resolve) => server.listen({ port: 0, host: "127.0.0.1" }, () => resolve(undefined)));
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    waitFor: (key) => new Promise((resolve) => waiting.set(key, resolve)),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function deploy(endpoint, callback) {
  const config = { endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } };
  const iam = new IAMClient(config);
  const lambda = new LambdaClient(config);
  const logs = new CloudWatchLogsClient(config);
  const { Role } = await iam.send(new CreateRoleCommand({ RoleName: "bench-role", AssumeRolePolicyDocument: TRUST }));
  const zip = await writeZip([{ path: "index.mjs", bytes: HANDLER }]);
  const fn = await lambda.send(
    new CreateFunctionCommand({
      FunctionName: "bench-logs",
      Runtime: "nodejs22.x",
      Role: Role.Arn,
      Handler: "index.handler",
      Code: { ZipFile: zip },
      Environment: { Variables: { CALLBACK: callback } },
    }),
  );
  await logs.send(new CreateLogGroupCommand({ logGroupName: "bench-app" }));
  await logs.send(new CreateLogStreamCommand({ logGroupName: "bench-app", logStreamName: "s" }));
  await lambda.send(
    new AddPermissionCommand({
      FunctionName: "bench-logs",
      StatementId: "logs",
      Action: "lambda:InvokeFunction",
      Principal: "logs.amazonaws.com",
      SourceArn: "arn:aws:logs:us-east-1:000000000000:log-group:bench-app:*",
    }),
  );
  await logs.send(new PutSubscriptionFilterCommand({ logGroupName: "bench-app", filterName: "all", filterPattern: "", destinationArn: fn.FunctionArn }));
  iam.destroy();
  return { lambda, logs };
}

/** `count` PutLogEvents calls one after another, each timed until the handler reported it; also the call's own answer time. */
async function writes(logs, callbacks, prefix, count) {
  const toHandler = [];
  const answered = [];
  for (let i = 0; i < count; i++) {
    const key = `${prefix}-${i}`;
    const seen = callbacks.waitFor(key);
    const started = now();
    await logs.send(new PutLogEventsCommand({ logGroupName: "bench-app", logStreamName: "s", logEvents: [{ timestamp: Date.now(), message: key }] }));
    answered.push(now() - started);
    await seen;
    toHandler.push(now() - started);
  }
  return { toHandler, answered };
}

async function invokes(lambda, callbacks, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const key = `invoke-${i}`;
    const seen = callbacks.waitFor(key);
    const started = now();
    const data = gzipSync(
      JSON.stringify({
        messageType: "DATA_MESSAGE",
        logGroup: "bench-app",
        logStream: "s",
        subscriptionFilters: ["all"],
        logEvents: [{ id: "1", timestamp: Date.now(), message: key }],
      }),
    );
    const event = { awslogs: { data: data.toString("base64") } };
    await lambda.send(new InvokeCommand({ FunctionName: "bench-logs", InvocationType: "Event", Payload: Buffer.from(JSON.stringify(event)) }));
    await seen;
    times.push(now() - started);
  }
  return times;
}

const fmt = (n) => n.toFixed(2);

function report(measured, invoked) {
  const { commit, node, machine } = machineFacts(root);
  const row = (name, times) => `| ${name} | ${fmt(percentile(times, 50))} | ${fmt(percentile(times, 99))} |`;
  const ratio = percentile(measured.toHandler, 50) / percentile(invoked, 50);
  return [
    `Measured at commit ${commit}, Node ${node}, ${machine}.`,
    `A log group and one warm function (nodejs22.x, 128 MB) subscribed to it (filter pattern ""); ${sizes.warmUp} warm-up writes, then ${sizes.sequential} sequential PutLogEvents calls of one event (@aws-sdk/client-cloudwatch-logs), each timed from its send until the handler's callback (a node:http request to this process) arrived.`,
    "",
    "| path | p50 ms | p99 ms |",
    "| --- | --- | --- |",
    row("PutLogEvents answered (the event stored, its delivery queued, one transaction)", measured.answered),
    row("Lambda Invoke (InvocationType Event) of the function, until its callback", invoked),
    row("PutLogEvents → subscription filter → Lambda's async queue → handler's callback", measured.toHandler),
    "",
    `PutLogEvents → handler p50 is ${ratio.toFixed(2)}x an asynchronous Invoke of the same function in the same run (issue 13 sets no CloudWatch Logs target).`,
    "",
  ].join("\n");
}

async function main() {
  progress(`sources-logs: dist ${ensureBuilt()}`);
  const dir = mkdtempSync(join(tmpdir(), "bench-sources-logs-"));
  const dataDir = join(dir, "cloud");
  const daemon = await startDaemon({ dataDir, port: 0 });
  const callbacks = await startCallbacks();
  try {
    const { lambda, logs } = await deploy(daemon.endpoint, callbacks.url);
    progress(`warm-up: ${sizes.warmUp} writes and invokes...`);
    await writes(logs, callbacks, "warm", sizes.warmUp);
    await invokes(lambda, callbacks, sizes.warmUp);
    progress(`${sizes.sequential} sequential writes, then as many invokes...`);
    const measured = await writes(logs, callbacks, "write", sizes.sequential);
    const invoked = await invokes(lambda, callbacks, sizes.sequential);
    console.log(report(measured, invoked));
    lambda.destroy();
    logs.destroy();
  } finally {
    await callbacks.close();
    await stopDaemon(dataDir);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
