// Benchmark (issue 13, API Gateway): request → response through an API the
// local cloud serves, on a warm function, through the real daemon (a child
// process on a free port): an HTTP API (payload 2.0) and a REST API (payload
// 1.0), p50 / p99 of sequential requests and requests/s from concurrent
// clients. The baseline, in the same run: the same handler module behind a
// plain node:http server in a child process of its own (request → event →
// handler → response, nothing else), reached by the same client.
import { spawn } from "node:child_process";
import { Agent, request } from "node:http";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  APIGatewayClient,
  PutIntegrationCommand,
  PutMethodCommand,
} from "@aws-sdk/client-api-gateway";
import { ApiGatewayV2Client, CreateApiCommand } from "@aws-sdk/client-apigatewayv2";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { AddPermissionCommand, CreateFunctionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { startDaemon, stopDaemon } from "@closure-pack/cloud";
import { writeZip } from "@closure-pack/pack";
import { machineFacts } from "./lib/machine.mjs";
import { ensureBuilt, root } from "./lib/prepare.mjs";
import { progress } from "./lib/stats.mjs";

const quick = process.argv.includes("--quick");
const sizes = quick ? { warmUp: 100, sequential: 300, concurrent: 1_000 } : { warmUp: 300, sequential: 2_000, concurrent: 4_000 };
const CLIENTS = 8;
const targets = { p50Ms: 5, ratio: 3 };
const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

// The handler: a small JSON answer built from the request, as an API's route does.
const HANDLER = `export const handler = async (event) => ({
  statusCode: 200,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ id: event.pathParameters ? event.pathParameters.id : null, method: event.requestContext.http ? event.requestContext.http.method : event.httpMethod }),
});
`;

// The baseline server: the same module, called with the least event that handler reads.
const BASELINE = `import { createServer } from "node:http";
import { handler } from "./handler.mjs";
const server = createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const id = req.url.split("?")[0].split("/")[2];
  const event = { rawPath: req.url, headers: req.headers, pathParameters: { id }, requestContext: { http: { method: req.method } }, body: Buffer.concat(chunks).toString("utf8") };
  const result = await handler(event);
  res.writeHead(result.statusCode, result.headers);
  res.end(result.body);
});
server.listen(0, "127.0.0.1", () => process.stdout.write(server.address().port + "\\n"));
`;

const now = () => performance.now();
const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });

/** One request through the keep-alive agent; resolves when the whole 200 answer is in. */
function send(url, method = "GET", body = undefined) {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { agent, method }, (incoming) => {
      incoming.resume();
      incoming.on("end", () => (incoming.statusCode === 200 ? resolve() : reject(new Error(`${url}: ${incoming.statusCode}`))));
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** A target: how its i-th request is sent. GET /items/<i> on an API or the baseline; the Lambda row POSTs an event to Invoke. */
function target(base) {
  if (base.includes("/invocations"))
    return (i) => send(base, "POST", JSON.stringify({ requestContext: { http: { method: "GET" } }, pathParameters: { id: String(i) } }));
  return (i) => send(`${base}items/${i}`);
}

/** Nearest-rank percentile. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** `count` rounds of one request to each target in turn (so load that comes and goes weighs on all alike): latencies in ms per target. */
async function interleaved(urls, count) {
  const times = urls.map(() => []);
  const senders = urls.map(target);
  for (let i = 0; i < count; i++) {
    for (const [index, sendOne] of senders.entries()) {
      const started = now();
      await sendOne(i);
      times[index].push(now() - started);
    }
  }
  return times;
}

async function concurrent(base, count) {
  const sendOne = target(base);
  let next = 0;
  const started = now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < count) await sendOne(next++);
    }),
  );
  return (count / (now() - started)) * 1000;
}

async function startBaseline(dir) {
  writeFileSync(join(dir, "handler.mjs"), HANDLER);
  writeFileSync(join(dir, "baseline.mjs"), BASELINE);
  const child = spawn(process.execPath, [join(dir, "baseline.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise((resolve) => createInterface({ input: child.stdout }).once("line", resolve));
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

/** The function, an HTTP API (quick create: route, integration 2.0, $default stage) and a REST API with GET /items/{id}. */
async function deploy(endpoint) {
  const config = { endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } };
  const iam = new IAMClient(config);
  const lambda = new LambdaClient(config);
  const v2 = new ApiGatewayV2Client(config);
  const v1 = new APIGatewayClient(config);
  const { Role } = await iam.send(new CreateRoleCommand({ RoleName: "bench-role", AssumeRolePolicyDocument: TRUST }));
  const zip = await writeZip([{ path: "index.mjs", bytes: HANDLER }]);
  const fn = await lambda.send(
    new CreateFunctionCommand({ FunctionName: "bench-api", Runtime: "nodejs22.x", Role: Role.Arn, Handler: "index.handler", Code: { ZipFile: zip } }),
  );
  const http = await v2.send(new CreateApiCommand({ Name: "bench-http", ProtocolType: "HTTP", Target: fn.FunctionArn, RouteKey: "GET /items/{id}" }));
  const rest = await v1.send(new CreateRestApiCommand({ name: "bench-rest" }));
  const items = await v1.send(new CreateResourceCommand({ restApiId: rest.id, parentId: rest.rootResourceId, pathPart: "items" }));
  const item = await v1.send(new CreateResourceCommand({ restApiId: rest.id, parentId: items.id, pathPart: "{id}" }));
  await v1.send(new PutMethodCommand({ restApiId: rest.id, resourceId: item.id, httpMethod: "GET", authorizationType: "NONE" }));
  await v1.send(
    new PutIntegrationCommand({
      restApiId: rest.id,
      resourceId: item.id,
      httpMethod: "GET",
      type: "AWS_PROXY",
      integrationHttpMethod: "POST",
      uri: fn.FunctionArn,
    }),
  );
  await v1.send(new CreateDeploymentCommand({ restApiId: rest.id, stageName: "prod" }));
  for (const apiId of [http.ApiId, rest.id]) {
    await lambda.send(
      new AddPermissionCommand({
        FunctionName: "bench-api",
        StatementId: `api-${apiId}`,
        Action: "lambda:InvokeFunction",
        Principal: "apigateway.amazonaws.com",
        SourceArn: `arn:aws:execute-api:us-east-1:000000000000:${apiId}/*/*`,
      }),
    );
  }
  const restEndpoint = /** @type {{ endpoint: string }} */ (await (await fetch(`${endpoint}/_closure-pack/apigateway/endpoints/${rest.id}`)).json()).endpoint;
  for (const client of [iam, lambda, v2, v1]) client.destroy();
  // Invoke without a signature (the daemon routes Lambda's dated paths): the function's own round trip, the API rows' floor.
  return { http: `${http.ApiEndpoint}/`, rest: `${restEndpoint}/prod/`, invoke: `${endpoint}/2015-03-31/functions/bench-api/invocations` };
}

const fmt = (n) => n.toFixed(2);
const int = (n) => Math.round(n).toLocaleString("en-US");

function report(rows, baseline, invoke) {
  const { commit, node, machine } = machineFacts(root);
  const base50 = percentile(baseline.times, 50);
  const line = ([name, { times, perSecond }]) =>
    `| ${name} | ${fmt(percentile(times, 50))} | ${fmt(percentile(times, 99))} | ${(percentile(times, 50) / base50).toFixed(2)}x | ${int(perSecond)} |`;
  const goal = (name, value, limit, unit) =>
    `- ${name}: ${unit === "x" ? value.toFixed(2) : fmt(value)} ${unit} (target ≤ ${limit} ${unit}) ${value <= limit ? "met" : "MISSED"}`;
  const [http, rest] = [rows[0][1], rows[1][1]];
  return [
    `Measured at commit ${commit}, Node ${node}, ${machine}.`,
    `One warm function (nodejs22.x, 128 MB) answering a small JSON body; GET /items/{id} through the API's own server on 127.0.0.1, ${int(sizes.warmUp)} warm-up requests each (sequential, then from ${CLIENTS} clients); latencies from ${int(sizes.sequential)} rounds of one request to each target in turn; the client is node:http with keep-alive. The baseline is the same handler module behind a plain node:http server in its own process.`,
    "",
    `| path, warm function | p50 ms | p99 ms | p50 / baseline | requests/s, ${CLIENTS} clients |`,
    "| --- | --- | --- | --- | --- |",
    line(["plain node:http server calling the handler (baseline)", baseline]),
    line(["Lambda Invoke (RequestResponse) of the function, no API Gateway", invoke]),
    ...rows.map(line),
    "",
    `API Gateway's own share (p50): HTTP API ${fmt(percentile(http.times, 50) - percentile(invoke.times, 50))} ms, REST API ${fmt(percentile(rest.times, 50) - percentile(invoke.times, 50))} ms over the Invoke row, which is the function's round trip through its instance.`,
    "",
    "Targets (issue 13):",
    goal("HTTP API request → response p50", percentile(http.times, 50), targets.p50Ms, "ms"),
    goal("REST API request → response p50", percentile(rest.times, 50), targets.p50Ms, "ms"),
    goal("HTTP API p50 / baseline p50", percentile(http.times, 50) / base50, targets.ratio, "x"),
    goal("REST API p50 / baseline p50", percentile(rest.times, 50) / base50, targets.ratio, "x"),
    "",
  ].join("\n");
}

/** Warm-up (sequential, then concurrent: every instance the concurrent phase needs is started), then the three measured together. */
async function measure(urls) {
  progress(`warm-up: ${sizes.warmUp} requests to each target, sequential and from ${CLIENTS} clients...`);
  await interleaved(urls, sizes.warmUp);
  for (const url of urls) await concurrent(url, sizes.warmUp);
  progress(`${sizes.sequential} sequential rounds, one request to each target per round...`);
  const times = await interleaved(urls, sizes.sequential);
  const perSecond = [];
  for (const url of urls) {
    progress(`${sizes.concurrent} requests from ${CLIENTS} clients to ${url}...`);
    perSecond.push(await concurrent(url, sizes.concurrent));
  }
  return urls.map((_url, index) => ({ times: times[index], perSecond: perSecond[index] }));
}

async function main() {
  progress(`sources-api: dist ${ensureBuilt()}`);
  const dir = mkdtempSync(join(tmpdir(), "bench-sources-api-"));
  const dataDir = join(dir, "cloud");
  const daemon = await startDaemon({ dataDir, port: 0 });
  const baselineServer = await startBaseline(dir);
  try {
    const urls = await deploy(daemon.endpoint);
    const [baseline, invoke, http, rest] = await measure([baselineServer.url, urls.invoke, urls.http, urls.rest]);
    console.log(
      report(
        [
          ["HTTP API (payload 2.0) → Lambda → response", http],
          ["REST API (payload 1.0) → Lambda → response", rest],
        ],
        baseline,
        invoke,
      ),
    );
  } finally {
    agent.destroy();
    baselineServer.stop();
    await stopDaemon(dataDir);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
