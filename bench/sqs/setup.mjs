// The SQS benchmark's fixtures: the function every row feeds (its handler
// appends `<body> <time it started>` per record to a file, on the clock the
// benchmark reads), queues filled in batches of 10 from concurrent senders,
// mappings, and moto_server as the anchor (absent: its rows are skipped).
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { CreateEventSourceMappingCommand, CreateFunctionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageBatchCommand, SQSClient } from "@aws-sdk/client-sqs";
import { writeZip } from "@closure-pack/pack";

const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});
const SENDERS = 8;

export const HANDLER = `import { appendFileSync } from "node:fs";
export const handler = async (event) => {
  const at = performance.timeOrigin + performance.now();
  appendFileSync(process.env.OUT, event.Records.map((record) => record.body + " " + at + "\\n").join(""));
};
`;

export function clientsFor(endpoint) {
  const config = { endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } };
  return { iam: new IAMClient(config), lambda: new LambdaClient(config), sqs: new SQSClient(config) };
}

/** The function "bench-sqs", writing to `out`. */
export async function createFunction(clients, out) {
  const { Role } = await clients.iam.send(new CreateRoleCommand({ RoleName: "bench-role", AssumeRolePolicyDocument: TRUST }));
  const zip = await writeZip([{ path: "index.mjs", bytes: HANDLER }]);
  await clients.lambda.send(
    new CreateFunctionCommand({
      FunctionName: "bench-sqs",
      Runtime: "nodejs22.x",
      Role: Role.Arn,
      Handler: "index.handler",
      Timeout: 30,
      Code: { ZipFile: zip },
      Environment: { Variables: { OUT: out } },
    }),
  );
}

export async function createQueue(clients, name) {
  const { QueueUrl } = await clients.sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: { VisibilityTimeout: "30" } }));
  const { Attributes } = await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["QueueArn"] }));
  return { url: QueueUrl, arn: Attributes.QueueArn };
}

/** A mapping of batch 10 from the queue to the function. */
export async function subscribe(clients, queue) {
  await clients.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: "bench-sqs", EventSourceArn: queue.arn, BatchSize: 10 }));
}

/** `count` messages `<prefix>-<i>` in batches of 10, SENDERS at a time. */
export async function fill(sqs, url, prefix, count) {
  let next = 0;
  await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      while (next < count) {
        const first = next;
        next = Math.min(count, next + 10);
        const entries = Array.from({ length: next - first }, (_, i) => ({ Id: String(i), MessageBody: `${prefix}-${first + i}` }));
        await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries }));
      }
    }),
  );
}

/** Visible + in flight. */
export async function remaining(sqs, url) {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"] }),
  );
  return Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** moto_server on a free loopback port, or undefined when it is not installed. */
export async function startMoto() {
  if (spawnSync("sh", ["-c", "command -v moto_server"]).status !== 0) return undefined;
  const port = await freePort();
  const child = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
  const endpoint = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await fetch(`${endpoint}/moto-api/`);
      break;
    } catch (error) {
      if (attempt > 200 || child.exitCode !== null) throw new Error(`moto_server did not start: ${String(error)}`);
      await new Promise((done) => setTimeout(done, 50));
    }
  }
  const exited = new Promise((done) => child.once("exit", done));
  return { endpoint, stop: async () => (child.kill("SIGTERM"), await exited) };
}
