// Benchmark (issue 13, DynamoDB streams): PutItem → the stream handler runs,
// through the real daemon (a child process on a free port): a table with a
// NEW_IMAGE stream, a warm function subscribed by an event source mapping,
// whose handler calls back a node:http server in this process with the
// item's key; p50 / p99 of sequential puts, from the put's send to the
// callback. Rows in the same run for scale: PutItem alone (answered), and a
// synchronous Invoke of the same function with a one-record event (its round
// trip through its instance, callback included).
import { createServer } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { CreateEventSourceMappingCommand, CreateFunctionCommand, GetEventSourceMappingCommand, InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { startDaemon, stopDaemon } from "@closure-pack/cloud";
import { writeZip } from "@closure-pack/pack";
import { machineFacts } from "./lib/machine.mjs";
import { ensureBuilt, root } from "./lib/prepare.mjs";
import { progress } from "./lib/stats.mjs";

const quick = process.argv.includes("--quick");
const sizes = quick ? { warmUp: 20, sequential: 100 } : { warmUp: 50, sequential: 400 };
const targets = { p50Ms: 50 };
const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

// The handler: tells the bench which item it saw.
const HANDLER = `export const handler = async (event) => {
  for (const record of event.Records) await fetch(process.env.CALLBACK + "/" + record.dynamodb.Keys.pk.S);
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
  const ddb = new DynamoDBClient(config);
  const { Role } = await iam.send(new CreateRoleCommand({ RoleName: "bench-role", AssumeRolePolicyDocument: TRUST }));
  const zip = await writeZip([{ path: "index.mjs", bytes: HANDLER }]);
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: "bench-stream",
      Runtime: "nodejs22.x",
      Role: Role.Arn,
      Handler: "index.handler",
      Code: { ZipFile: zip },
      Environment: { Variables: { CALLBACK: callback } },
    }),
  );
  const table = await ddb.send(
    new CreateTableCommand({
      TableName: "bench-orders",
      AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
      KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
      BillingMode: "PAY_PER_REQUEST",
      StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_IMAGE" },
    }),
  );
  const { UUID } = await lambda.send(
    new CreateEventSourceMappingCommand({
      FunctionName: "bench-stream",
      EventSourceArn: table.TableDescription.LatestStreamArn,
      StartingPosition: "LATEST",
      BatchSize: 100,
    }),
  );
  while ((await lambda.send(new GetEventSourceMappingCommand({ UUID }))).State !== "Enabled") await new Promise((done) => setTimeout(done, 20));
  iam.destroy();
  return { lambda, ddb };
}

/** `count` puts one after another, each timed until the handler reported it; also the put's own answer time. */
async function puts(ddb, callbacks, prefix, count) {
  const toHandler = [];
  const answered = [];
  for (let i = 0; i < count; i++) {
    const key = `${prefix}-${i}`;
    const seen = callbacks.waitFor(key);
    const started = now();
    await ddb.send(new PutItemCommand({ TableName: "bench-orders", Item: { pk: { S: key }, total: { N: String(i) } } }));
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
    const event = { Records: [{ eventName: "INSERT", dynamodb: { Keys: { pk: { S: key } } } }] };
    await lambda.send(new InvokeCommand({ FunctionName: "bench-stream", Payload: Buffer.from(JSON.stringify(event)) }));
    await seen;
    times.push(now() - started);
  }
  return times;
}

const fmt = (n) => n.toFixed(2);

function report(measured, invoked) {
  const { commit, node, machine } = machineFacts(root);
  const row = (name, times) => `| ${name} | ${fmt(percentile(times, 50))} | ${fmt(percentile(times, 99))} |`;
  const p50 = percentile(measured.toHandler, 50);
  return [
    `Measured at commit ${commit}, Node ${node}, ${machine}.`,
    `A table with a NEW_IMAGE stream and one warm function (nodejs22.x, 128 MB) subscribed from LATEST (batch size 100); ${sizes.warmUp} warm-up puts, then ${sizes.sequential} sequential PutItem calls (@aws-sdk/client-dynamodb), each timed from its send until the handler's callback (a node:http request to this process) arrived.`,
    "",
    "| path | p50 ms | p99 ms |",
    "| --- | --- | --- |",
    row("PutItem answered (durable, stream record written)", measured.answered),
    row("Lambda Invoke of the function with a one-record event, until its callback", invoked),
    row("PutItem → stream → mapping → handler's callback", measured.toHandler),
    "",
    "Targets (issue 13):",
    `- DynamoDB put → stream handler p50: ${fmt(p50)} ms (target ≤ ${targets.p50Ms} ms) ${p50 <= targets.p50Ms ? "met" : "MISSED"}`,
    "",
  ].join("\n");
}

async function main() {
  progress(`sources-streams: dist ${ensureBuilt()}`);
  const dir = mkdtempSync(join(tmpdir(), "bench-sources-streams-"));
  const dataDir = join(dir, "cloud");
  const daemon = await startDaemon({ dataDir, port: 0 });
  const callbacks = await startCallbacks();
  try {
    const { lambda, ddb } = await deploy(daemon.endpoint, callbacks.url);
    progress(`warm-up: ${sizes.warmUp} puts and invokes...`);
    await puts(ddb, callbacks, "warm", sizes.warmUp);
    await invokes(lambda, callbacks, sizes.warmUp);
    progress(`${sizes.sequential} sequential puts, then as many invokes...`);
    const measured = await puts(ddb, callbacks, "put", sizes.sequential);
    const invoked = await invokes(lambda, callbacks, sizes.sequential);
    console.log(report(measured, invoked));
    lambda.destroy();
    ddb.destroy();
  } finally {
    await callbacks.close();
    await stopDaemon(dataDir);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
