// Benchmark (issue 13, SNS): Publish → the subscribed handler runs, through
// the real daemon (a child process on a free port): a topic, a warm
// function subscribed to it (allowed by a lambda permission for SNS), whose
// handler calls back a node:http server in this process with the message;
// p50 / p99 of sequential publishes, from the publish's send to the
// callback. Rows in the same run for scale: Publish alone (answered: the
// delivery queued durably), and an asynchronous Invoke (InvocationType
// Event) of the same function with a one-record event, the path SNS's
// deliveries take after the publish (Lambda's async queue), callback included.
import { createServer } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { AddPermissionCommand, CreateFunctionCommand, InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
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

// The handler: tells the bench which item it saw.
const HANDLER = `export const handler = async (event) => {
  for (const record of event.Records) await fetch(process.env.CALLBACK + "/" + record.Sns.Message);
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
  const sns = new SNSClient(config);
  const { Role } = await iam.send(new CreateRoleCommand({ RoleName: "bench-role", AssumeRolePolicyDocument: TRUST }));
  const zip = await writeZip([{ path: "index.mjs", bytes: HANDLER }]);
  const fn = await lambda.send(
    new CreateFunctionCommand({
      FunctionName: "bench-topic",
      Runtime: "nodejs22.x",
      Role: Role.Arn,
      Handler: "index.handler",
      Code: { ZipFile: zip },
      Environment: { Variables: { CALLBACK: callback } },
    }),
  );
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: "bench-orders" }));
  await lambda.send(
    new AddPermissionCommand({
      FunctionName: "bench-topic",
      StatementId: "sns",
      Action: "lambda:InvokeFunction",
      Principal: "sns.amazonaws.com",
      SourceArn: TopicArn,
    }),
  );
  await sns.send(new SubscribeCommand({ TopicArn, Protocol: "lambda", Endpoint: fn.FunctionArn }));
  iam.destroy();
  return { lambda, sns, topicArn: TopicArn };
}

/** `count` publishes one after another, each timed until the handler reported it; also the publish's own answer time. */
async function publishes(sns, topicArn, callbacks, prefix, count) {
  const toHandler = [];
  const answered = [];
  for (let i = 0; i < count; i++) {
    const key = `${prefix}-${i}`;
    const seen = callbacks.waitFor(key);
    const started = now();
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: key, MessageAttributes: { n: { DataType: "Number", StringValue: String(i) } } }));
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
    const event = { Records: [{ EventSource: "aws:sns", Sns: { Message: key } }] };
    await lambda.send(new InvokeCommand({ FunctionName: "bench-topic", InvocationType: "Event", Payload: Buffer.from(JSON.stringify(event)) }));
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
    `A standard topic and one warm function (nodejs22.x, 128 MB) subscribed to it; ${sizes.warmUp} warm-up publishes, then ${sizes.sequential} sequential Publish calls (@aws-sdk/client-sns, one Number attribute), each timed from its send until the handler's callback (a node:http request to this process) arrived.`,
    "",
    "| path | p50 ms | p99 ms |",
    "| --- | --- | --- |",
    row("Publish answered (the delivery queued durably)", measured.answered),
    row("Lambda Invoke (InvocationType Event) of the function, until its callback", invoked),
    row("Publish → SNS fan-out → Lambda's async queue → handler's callback", measured.toHandler),
    "",
    `Publish → handler p50 is ${ratio.toFixed(2)}x an asynchronous Invoke of the same function in the same run (issue 13 sets no SNS target).`,
    "",
  ].join("\n");
}

async function main() {
  progress(`sources-events: dist ${ensureBuilt()}`);
  const dir = mkdtempSync(join(tmpdir(), "bench-sources-events-"));
  const dataDir = join(dir, "cloud");
  const daemon = await startDaemon({ dataDir, port: 0 });
  const callbacks = await startCallbacks();
  try {
    const { lambda, sns, topicArn } = await deploy(daemon.endpoint, callbacks.url);
    progress(`warm-up: ${sizes.warmUp} publishes and invokes...`);
    await publishes(sns, topicArn, callbacks, "warm", sizes.warmUp);
    await invokes(lambda, callbacks, sizes.warmUp);
    progress(`${sizes.sequential} sequential publishes, then as many invokes...`);
    const measured = await publishes(sns, topicArn, callbacks, "publish", sizes.sequential);
    const invoked = await invokes(lambda, callbacks, sizes.sequential);
    console.log(report(measured, invoked));
    lambda.destroy();
    sns.destroy();
  } finally {
    await callbacks.close();
    await stopDaemon(dataDir);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
