// The data commands (sns publish, kinesis put, events put, logs put; sqs send
// and dynamodb for how they find the daemon and the program's names) as
// child processes against the real local cloud daemon, which runs on a free
// port with its data in the project's .closure-pack/cloud: the commands find
// it there, as `up` and `logs` do, with no --endpoint-url. fixtures/aws/data
// is deployed once; resources are named as the program names them, by AWS
// name or ARN; each effect is read back through the SDK (the handler's log
// lines with FilterLogEvents, records with GetRecords).
import { execFile } from "node:child_process";
import { join } from "node:path";
import { FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import { ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { GetRecordsCommand, GetShardIteratorCommand } from "@aws-sdk/client-kinesis";
import { createProviderContext, localTarget, type ProviderContext, type StackState } from "@closure-pack/aws/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDaemon, type DaemonProcess } from "../../cloud/test/helpers/daemon.js";
import { BIN, type CliRun } from "./support/cli.js";
import { createProject, type Project } from "./support/deploy.js";

let project: Project;
let daemon: DaemonProcess;
let sdk: ProviderContext;
let state: StackState;

beforeAll(async () => {
  project = createProject("data", {});
  daemon = await startDaemon({ dataDir: join(project.dir, ".closure-pack", "cloud") });
  sdk = createProviderContext(localTarget(daemon.port), { stack: "t", project: "t" });
  const up = await project.run(["up", "index.ts", "--yes"]);
  if (up.code !== 0) throw new Error(`up failed:\n${up.stderr}`);
  state = JSON.parse(project.read(".closure-pack/stacks/dev.json")) as StackState;
}, 300_000);

afterAll(async () => {
  sdk?.destroy();
  await daemon?.stop();
  project?.remove();
});

/** `closure-pack ...args` in the project folder, `stdin` piped in. */
function cli(args: readonly string[], stdin = "", cwd = project.dir): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env = { PATH: process.env.PATH, NO_COLOR: "1" };
    const child = execFile(process.execPath, [BIN, ...args], { cwd, env, encoding: "utf8" }, (error, stdout, stderr) => {
      const code = error ? (error as { code?: unknown }).code : 0;
      if (typeof code !== "number") reject(error ?? new Error("no exit code"));
      else resolve({ code, stdout, stderr });
    });
    child.stdin!.end(stdin);
  });
}

/** The resource's outputs (and id) in the deployed stack. */
function deployed(type: string, name: string): { id: string; outputs: Record<string, unknown> } {
  const found = state.resources.find((r) => r.type === type && r.name === name);
  if (found === undefined) throw new Error(`no ${type} "${name}" in the stack`);
  return found;
}

/** The messages of a function's log group that contain `text`, once there are `count` (deliveries are asynchronous). */
async function functionLines(fn: string, text: string, count = 1): Promise<string[]> {
  const group = `/aws/lambda/${deployed("aws:lambda:Function", fn).id}`;
  let lines: string[] = [];
  for (let attempt = 0; attempt < 200; attempt++) {
    const found = await sdk.clients.logs.send(new FilterLogEventsCommand({ logGroupName: group, filterPattern: `"${text}"` })).catch(() => ({ events: [] }));
    lines = (found.events ?? []).map((event) => event.message!.trimEnd().replace(/^\S+\t\S+\tINFO\t/, ""));
    if (lines.length >= count) return lines;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${lines.length} line(s) of ${fn} contain "${text}", expected ${count}`);
}

describe("closure-pack sns publish", () => {
  it("publish: by the program's name, with a subject and typed attributes; the subscribed handler gets them", async () => {
    const run = await cli(["sns", "publish", "orders", "hello", "--subject", "greeting", "--attribute", "kind=test", "--attribute", "price:Number=250"]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    expect(await functionLines("onOrder", "order greeting")).toEqual(["order greeting hello [kind:String=test price:Number=250]"]);
  });

  it("publish: by ARN and by AWS name, the message from stdin, --json prints SNS's answer", async () => {
    const { arn, name } = deployed("aws:sns:Topic", "orders").outputs as { arn: string; name: string };
    const byArn = await cli(["sns", "publish", arn, "-", "--json"], "from stdin");
    const byName = await cli(["sns", "publish", name, "by name"]);
    expect([byArn.code, byArn.stderr, byName.code, byName.stderr]).toEqual([0, "", 0, ""]);
    expect(Object.keys(JSON.parse(byArn.stdout) as object)).toEqual(["MessageId"]);
    expect(await functionLines("onOrder", "order -", 2)).toEqual(expect.arrayContaining(["order - from stdin []", "order - by name []"]));
  });

  it("publish: a FIFO topic with --group and --dedup-id, a sequence number in --json", async () => {
    const run = await cli(["sns", "publish", "ledger", "entry", "--group", "account-1", "--dedup-id", "e-1", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(Object.keys(JSON.parse(run.stdout) as object)).toEqual(["MessageId", "SequenceNumber"]);
  });

  const REFUSED: Array<[string, string[], string]> = [
    ["topic: none by that name", ["sns", "publish", "nothing", "x"], 'nothing: no such topic\nhint: the stack "dev" has the topics ledger, orders\n'],
    [
      "fifo: no group",
      ["sns", "publish", "ledger", "x"],
      "ledger: InvalidParameterException: Invalid parameter: The MessageGroupId parameter is required for FIFO topics\nhint: a FIFO topic takes --group <id>, and --dedup-id <id> unless it has contentBasedDeduplication\n",
    ],
  ];
  it.each(REFUSED)("%s: one line and a hint, exit 1", async (_name, args, stderr) => {
    expect(await cli(args)).toEqual({ code: 1, stdout: "", stderr });
  });

  const USAGE_ERRORS: Array<[string, string[], string]> = [
    ["no message", ["sns", "publish", "orders"], '"sns publish" takes a topic (name or ARN) and a message (or - for stdin), got 1 argument(s)'],
    ["another action", ["sns", "subscribe", "orders"], '"sns" takes publish, got "subscribe"'],
    [
      "an attribute of no SNS type",
      ["sns", "publish", "orders", "x", "--attribute", "n:Binary=1"],
      'option "--attribute" must be Name=Value or Name:Type=Value with Type String, Number, String.Array, got "n:Binary=1"',
    ],
    ["an unknown flag", ["sns", "publish", "orders", "x", "--group-id", "g"], 'unknown option "--group-id" for "sns publish"'],
  ];
  it.each(USAGE_ERRORS)("usage: %s (exit 2)", async (_name, args, message) => {
    const run = await cli(args);
    expect([run.code, run.stderr.split("\n")[0]]).toEqual([2, `closure-pack: ${message}`]);
  });
});

/** Every record of the one-shard stream, oldest first: [sequence number, data]. */
async function streamRecords(stream: string): Promise<Array<[string, string]>> {
  const { ShardIterator } = await sdk.clients.kinesis.send(
    new GetShardIteratorCommand({ StreamName: stream, ShardId: "shardId-000000000000", ShardIteratorType: "TRIM_HORIZON" }),
  );
  const { Records = [] } = await sdk.clients.kinesis.send(new GetRecordsCommand({ ShardIterator }));
  return Records.map((record) => [record.SequenceNumber!, Buffer.from(record.Data!).toString("utf8")]);
}

describe("closure-pack kinesis put", () => {
  it("put: by the program's name, one record per argument in order, one line each; by ARN from stdin with --json; GetRecords reads them", async () => {
    const { name, arn } = deployed("aws:kinesis:Stream", "clicks").outputs as { name: string; arn: string };
    const run = await cli(["kinesis", "put", "clicks", "first", "second", "--partition-key", "user-1"]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const lines = run.stdout
      .split("\n")
      .slice(0, -1)
      .map((line) => line.split(" "));
    expect(lines.map(([shard]) => shard)).toEqual(["shardId-000000000000", "shardId-000000000000"]);
    const json = await cli(["kinesis", "put", arn, "-", "--partition-key", "user-2", "--json"], '{"page":"/"}');
    expect(json.code, json.stderr).toBe(0);
    const answer = JSON.parse(json.stdout) as Array<{ ShardId: string; SequenceNumber: string }>;
    expect(answer.map((each) => Object.keys(each))).toEqual([["ShardId", "SequenceNumber"]]);
    expect(await streamRecords(name)).toEqual([
      [lines[0]![1], "first"],
      [lines[1]![1], "second"],
      [answer[0]!.SequenceNumber, '{"page":"/"}'],
    ]);
  });

  it("stream: none by that name: one line and a hint, exit 1", async () => {
    expect(await cli(["kinesis", "put", "nothing", "x", "--partition-key", "k"])).toEqual({
      code: 1,
      stdout: "",
      stderr: 'nothing: no such stream\nhint: the stack "dev" has the streams clicks\n',
    });
  });

  const USAGE_ERRORS: Array<[string, string[], string]> = [
    [
      "no partition key",
      ["kinesis", "put", "clicks", "x"],
      'option "--partition-key" is required: Kinesis puts records with the same key on the same shard, in order',
    ],
    ["no record", ["kinesis", "put", "clicks", "--partition-key", "k"], '"kinesis put" takes a stream (name or ARN) and one or more records (or - for stdin)'],
    ["stdin twice", ["kinesis", "put", "clicks", "-", "-", "--partition-key", "k"], '"kinesis put" reads stdin once: give - at most once'],
  ];
  it.each(USAGE_ERRORS)("usage: %s (exit 2)", async (_name, args, message) => {
    const run = await cli(args);
    expect([run.code, run.stderr.split("\n")[0]]).toEqual([2, `closure-pack: ${message}`]);
  });
});

describe("closure-pack events put", () => {
  it("put: an event the rule's pattern matches reaches its handler, one that it does not match does not", async () => {
    const small = await cli(["events", "put", "--source", "shop", "--detail-type", "Order Placed", "--detail", '{"id":"o-1","total":5}']);
    const big = await cli(["events", "put", "--source", "shop", "--detail-type", "Order Placed", "--detail", '{"id":"o-2","total":250}']);
    expect([small.code, small.stderr, big.code, big.stderr]).toEqual([0, "", 0, ""]);
    expect([small.stdout, big.stdout]).toEqual([expect.stringMatching(/^[0-9a-f-]{36}\n$/), expect.stringMatching(/^[0-9a-f-]{36}\n$/)]);
    expect(await functionLines("onBigOrder", "big order")).toEqual(["big order o-2 at 250"]);
  });

  it("put: the detail from stdin, the default bus by ARN, --json prints the event id", async () => {
    const run = await cli(
      [
        "events",
        "put",
        "--source",
        "shop",
        "--detail-type",
        "Order Placed",
        "--detail",
        "-",
        "--bus",
        "arn:aws:events:us-east-1:000000000000:event-bus/default",
        "--json",
      ],
      '{"id":"o-3","total":300}',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(Object.keys(JSON.parse(run.stdout) as object)).toEqual(["EventId"]);
    expect(await functionLines("onBigOrder", "o-3")).toEqual(["big order o-3 at 300"]);
    // o-1 (total 5), put before both, matched nothing.
    expect(await functionLines("onBigOrder", "big order")).toEqual(["big order o-2 at 250", "big order o-3 at 300"]);
  });

  const REFUSED: Array<[string, string[], string]> = [
    [
      "bus: none by that name",
      ["events", "put", "--source", "shop", "--detail-type", "t", "--bus", "orders"],
      "orders: no such event bus\nhint: the account's own bus is default: leave --bus out\n",
    ],
    [
      "detail: not an object",
      ["events", "put", "--source", "shop", "--detail-type", "t", "--detail", "[1]"],
      `--detail: must be a JSON object\nhint: e.g. '{"id":"o1"}'\n`,
    ],
  ];
  it.each(REFUSED)("%s: one line and a hint, exit 1", async (_name, args, stderr) => {
    expect(await cli(args)).toEqual({ code: 1, stdout: "", stderr });
  });

  const USAGE_ERRORS: Array<[string, string[], string]> = [
    ["no source", ["events", "put", "--detail-type", "t"], 'option "--source" is required: the event\'s source, e.g. --source shop'],
    [
      "the event as an argument",
      ["events", "put", "{}", "--source", "s", "--detail-type", "t"],
      '"events put" takes its event as flags (--source, --detail-type, --detail), got {}',
    ],
  ];
  it.each(USAGE_ERRORS)("usage: %s (exit 2)", async (_name, args, message) => {
    const run = await cli(args);
    expect([run.code, run.stderr.split("\n")[0]]).toEqual([2, `closure-pack: ${message}`]);
  });
});

describe("closure-pack logs put", () => {
  let group: string;
  beforeAll(() => {
    group = deployed("aws:cloudwatch:LogGroup", "audit").id;
  });

  async function groupEvents(name: string, stream: string): Promise<string[]> {
    const { events = [] } = await sdk.clients.logs.send(new FilterLogEventsCommand({ logGroupName: name, logStreamNames: [stream] }));
    return events.map((event) => event.message!);
  }

  it("put: by the program's name, one event per message, in order, into the stream given (made when missing)", async () => {
    const run = await cli(["logs", "put", "audit", "first line", "second line", "--stream", "tries"]);
    expect(run).toEqual({ code: 0, stdout: `put 2 events into ${group} (stream tries)\n`, stderr: "" });
    expect(await groupEvents(group, "tries")).toEqual(["first line", "second line"]);
  });

  it("put: by ARN, one event per line of stdin, the default stream, --json", async () => {
    const run = await cli(["logs", "put", `arn:aws:logs:us-east-1:000000000000:log-group:${group}:*`, "-", "--json"], "one\n\ntwo\n");
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(JSON.parse(run.stdout)).toEqual({ logGroupName: group, logStreamName: "closure-pack", events: 2 });
    expect(await groupEvents(group, "closure-pack")).toEqual(["one", "two"]);
  });

  it("put: a function named as the program names it writes to its group; `logs` still shows the stack's function logs", async () => {
    const fn = deployed("aws:lambda:Function", "onOrder").id;
    await sdk.clients.lambda.send(new InvokeCommand({ FunctionName: fn, Payload: JSON.stringify({ Records: [] }) }));
    const run = await cli(["logs", "put", "onOrder", "a note"]);
    expect(run).toEqual({ code: 0, stdout: `put 1 event into /aws/lambda/${fn} (stream closure-pack)\n`, stderr: "" });
    expect(await groupEvents(`/aws/lambda/${fn}`, "closure-pack")).toEqual(["a note"]);
    const logs = await cli(["logs", "--resource", "onOrder"]);
    expect([logs.code, logs.stderr]).toEqual([0, ""]);
    expect(logs.stdout).toMatch(/\[onOrder\] START RequestId/);
  });

  it("group: none by that name: one line and a hint, exit 1", async () => {
    expect(await cli(["logs", "put", "/nothing", "x"])).toEqual({
      code: 1,
      stdout: "",
      stderr:
        '/nothing: no such log group\nhint: the stack "dev" has the log groups audit and the functions onBigOrder, onOrder (their groups exist once they have logged)\n',
    });
  });

  const USAGE_ERRORS: Array<[string, string[], string]> = [
    ["no message", ["logs", "put", "audit"], '"logs put" takes a log group (name or ARN) and one or more messages (or - for stdin)'],
    ["an empty message", ["logs", "put", "audit", ""], "a log message must not be empty (CloudWatch Logs refuses it)"],
    ["logs takes no argument but put", ["logs", "tail"], '"logs" takes no arguments, got tail'],
  ];
  it.each(USAGE_ERRORS)("usage: %s (exit 2)", async (_name, args, message) => {
    const run = await cli(args);
    expect([run.code, run.stderr.split("\n")[0]]).toEqual([2, `closure-pack: ${message}`]);
  });
});

describe("sqs send and dynamodb: the daemon found as up finds it, the program's names", () => {
  it("sqs send: the program's queue name, no --endpoint-url; ReceiveMessage gets the body", async () => {
    const run = await cli(["sqs", "send", "inbox", "hello inbox"]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const { Messages = [] } = await sdk.clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: deployed("aws:sqs:Queue", "inbox").outputs.url as string }));
    expect(Messages.map((m) => [m.MessageId, m.Body])).toEqual([[run.stdout.trim(), "hello inbox"]]);
  });

  it("dynamodb put and get: the program's table name, no --endpoint-url", async () => {
    const put = await cli(["dynamodb", "put", "carts", '{"id":"c1","items":2}']);
    expect(put).toEqual({ code: 0, stdout: "", stderr: "" });
    const { Item } = await sdk.clients.dynamodb.send(new GetItemCommand({ TableName: deployed("aws:dynamodb:Table", "carts").id, Key: { id: { S: "c1" } } }));
    expect(Item).toEqual({ id: { S: "c1" }, items: { N: "2" } });
    expect(await cli(["dynamodb", "get", "carts", '{"id":"c1"}'])).toEqual({ code: 0, stdout: '{"id":"c1","items":2}\n', stderr: "" });
  });

  const REFUSED: Array<[string, string[], string]> = [
    ["queue: none by that name", ["sqs", "send", "outbox", "x"], 'outbox: no such queue\nhint: the stack "dev" has the queues inbox\n'],
    ["table: none by that name", ["dynamodb", "get", "basket", '{"id":"c1"}'], 'basket: no such table\nhint: the stack "dev" has the tables carts\n'],
  ];
  it.each(REFUSED)("%s: one line and a hint, exit 1", async (_name, args, stderr) => {
    expect(await cli(args)).toEqual({ code: 1, stdout: "", stderr });
  });

  it("no local cloud: outside the program, nothing on --port: one line and a hint, exit 1", async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), "closure-pack-data-"));
    try {
      expect(await cli(["sns", "publish", "orders", "x", "--port", "9"], "", elsewhere)).toEqual({
        code: 1,
        stdout: "",
        stderr: "127.0.0.1:9: the local cloud is not running\nhint: start it: closure-pack cloud start, or run closure-pack up\n",
      });
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("--dir and --stack: the program's names from another folder", async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), "closure-pack-data-"));
    try {
      const run = await cli(["kinesis", "put", "clicks", "from afar", "--partition-key", "k", "--dir", project.dir, "--stack", "dev"], "", elsewhere);
      expect([run.code, run.stderr]).toEqual([0, ""]);
      expect((await streamRecords(deployed("aws:kinesis:Stream", "clicks").id)).at(-1)![1]).toBe("from afar");
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
