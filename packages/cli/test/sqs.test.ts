// `closure-pack sqs send` as a child process against a real local cloud
// (started here on a free port): messages by queue name or URL, from stdin,
// with attributes, delays and FIFO group ids, read back through the SDK;
// SQS's refusals as one line with a hint (exit 1); bad command lines (exit 2).
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { startCloud, type Cloud } from "@closure-pack/cloud";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, runCli, type CliRun } from "./support/cli.js";

let cloud: Cloud;
let sqs: SQSClient;
let dir: string;
const urls: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "closure-pack-sqs-"));
  cloud = await startCloud({ dataDir: join(dir, "cloud"), port: 0 });
  sqs = new SQSClient({ endpoint: cloud.endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
  const queues: Array<[string, Record<string, string>]> = [
    ["plain", {}],
    ["jobs-4f64efc", {}],
    ["orders.fifo", { FifoQueue: "true" }],
    ["later", {}],
  ];
  for (const [name, attributes] of queues) urls[name] = (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl!;
});

afterAll(async () => {
  sqs.destroy();
  await cloud.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `closure-pack sqs ...` pointed at the cloud by --endpoint-url, `stdin` piped in. */
function sqsCli(args: string[], stdin = ""): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env = { PATH: process.env.PATH, NO_COLOR: "1" };
    const child = execFile(
      process.execPath,
      [BIN, "sqs", ...args, "--endpoint-url", cloud.endpoint],
      { cwd: dir, env, encoding: "utf8" },
      (error, stdout, stderr) => {
        const code = error ? (error as { code?: unknown }).code : 0;
        if (typeof code !== "number") reject(error ?? new Error("no exit code"));
        else resolve({ code, stdout, stderr });
      },
    );
    child.stdin!.end(stdin);
  });
}

async function receive(queue: string) {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: urls[queue],
      MaxNumberOfMessages: 10,
      MessageAttributeNames: ["All"],
      MessageSystemAttributeNames: ["MessageGroupId"],
    }),
  );
  return Messages.map((m) => ({
    id: m.MessageId,
    body: m.Body,
    attributes: Object.fromEntries(Object.entries(m.MessageAttributes ?? {}).map(([k, v]) => [k, v.StringValue])),
    group: m.Attributes?.MessageGroupId,
  }));
}

describe("closure-pack sqs send", () => {
  it("send: by name, with attributes; prints the message id", async () => {
    const run = await sqsCli(["send", "plain", "hello queue", "--attribute", "kind=greeting", "--attribute", "lang=en=GB"]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(await receive("plain")).toEqual([{ id: run.stdout.trim(), body: "hello queue", attributes: { kind: "greeting", lang: "en=GB" }, group: undefined }]);
  });

  it("send: by URL, the body from stdin, --json prints SQS's answer", async () => {
    const run = await sqsCli(["send", urls.plain!, "-", "--json"], '{"order": 7}\n');
    expect(run.code, run.stderr).toBe(0);
    const answer = JSON.parse(run.stdout) as Record<string, string>;
    expect(Object.keys(answer)).toEqual(["MessageId", "MD5OfMessageBody"]);
    expect(await receive("plain")).toEqual([{ id: answer.MessageId, body: '{"order": 7}\n', attributes: {}, group: undefined }]);
  });

  it("send: a FIFO queue with --group and --dedup-id, a sequence number in --json", async () => {
    const run = await sqsCli(["send", "orders.fifo", "first", "--group", "customer-1", "--dedup-id", "o-1", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(Object.keys(JSON.parse(run.stdout) as object)).toEqual(["MessageId", "MD5OfMessageBody", "SequenceNumber"]);
    expect((await receive("orders.fifo")).map((m) => [m.body, m.group])).toEqual([["first", "customer-1"]]);
  });

  it("send: --delay keeps the message back", async () => {
    expect((await sqsCli(["send", "later", "soon", "--delay", "600"])).code).toBe(0);
    expect(await receive("later")).toEqual([]);
  });

  const REFUSED: Array<[string, string[], string]> = [
    [
      "fifo: no group id",
      ["send", "orders.fifo", "x"],
      "orders.fifo: MissingParameter: The request must contain the parameter MessageGroupId.\nhint: a FIFO queue takes --group <id>, and --dedup-id <id> unless it has contentBasedDeduplication\n",
    ],
    ["queue: a program's logical name", ["send", "jobs", "x"], "jobs: no such queue\nhint: a program's queue gets a generated name: jobs-4f64efc\n"],
    [
      "queue: none by that name",
      ["send", "nothing", "x"],
      "nothing: no such queue\nhint: deploy the program that declares it (`closure-pack up`), or give the queue's URL\n",
    ],
  ];
  it.each(REFUSED)("%s: one line and a hint, exit 1", async (_name, args, stderr) => {
    expect(await sqsCli(args)).toEqual({ code: 1, stdout: "", stderr });
  });

  const USAGE_ERRORS: Array<[string, string[], string]> = [
    ["no body", ["send", "plain"], '"sqs send" takes a queue (name or URL) and a body (or - for stdin), got 1 argument(s)'],
    ["another action", ["receive", "plain"], '"sqs" takes send, got "receive"'],
    ["a delay past 15 minutes", ["send", "plain", "x", "--delay", "901"], 'option "--delay" must be a whole number of seconds from 0 to 900, got "901"'],
    ["an attribute without a value", ["send", "plain", "x", "--attribute", "kind"], 'option "--attribute" must be Name=Value, got "kind"'],
    ["an unknown flag", ["send", "plain", "x", "--queue-url", "u"], 'unknown option "--queue-url" for "sqs send"'],
  ];
  it.each(USAGE_ERRORS)("usage: %s (exit 2)", async (_name, args, message) => {
    const run = await sqsCli(args);
    expect([run.code, run.stderr.split("\n")[0]]).toEqual([2, `closure-pack: ${message}`]);
  });

  it("endpoint: nothing listening is one line with a hint", async () => {
    const run = await runCli(["sqs", "send", "plain", "x", "--endpoint-url", "http://127.0.0.1:9"], { cwd: dir });
    expect(run).toEqual({ code: 1, stdout: "", stderr: "http://127.0.0.1:9: cannot connect (ECONNREFUSED)\nhint: check --endpoint-url or AWS_ENDPOINT_URL\n" });
  });
});
