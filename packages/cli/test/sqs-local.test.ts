// fixtures/aws/sqs end to end on the real local cloud daemon: `up` deploys a
// queue, its dead-letter queue and an inline handler behind an event source
// mapping; a message sent with `closure-pack sqs send` and a batch sent with
// the SDK run the handler (its lines read through `closure-pack logs`); the
// failed item of a partial batch failure comes back after the visibility
// timeout (the daemon's clock advanced with `closure-pack cloud tick`), then
// moves to the dead-letter queue; no-change up; destroy leaves nothing. Then
// kill -9 of up at every point around a mutating call, and up again; and a
// subscription AWS would refuse stops up before anything is applied.
import { ListEventSourceMappingsCommand } from "@aws-sdk/client-lambda";
import { GetQueueAttributesCommand, ListQueuesCommand, ReceiveMessageCommand, SendMessageBatchCommand } from "@aws-sdk/client-sqs";
import { createProviderContext, localTarget, type ProviderContext, type StackState } from "@closure-pack/aws/engine";
import { afterAll, beforeAll, expect, test } from "vitest";
import { removeDataDir, startDaemon, type DaemonProcess } from "../../cloud/test/helpers/daemon.js";
import { createProject, killHard, type Project } from "./support/deploy.js";

let daemon: DaemonProcess;
let sdk: ProviderContext;
let port: string;

beforeAll(async () => {
  daemon = await startDaemon();
  port = String(daemon.port);
  sdk = createProviderContext(localTarget(daemon.port), { stack: "t", project: "t" });
});
afterAll(async () => {
  sdk?.destroy();
  await daemon?.stop();
  if (daemon) removeDataDir(daemon.dataDir);
});

function outputLine(stdout: string, name: string): string {
  const line = stdout.split("\n").find((each) => each.startsWith(`  ${name}: `));
  if (line === undefined) throw new Error(`no output ${name} in:\n${stdout}`);
  return JSON.parse(line.slice(`  ${name}: `.length)) as string;
}

/** Runs `logs` until a line contains `text` (the mapping invokes the function asynchronously). */
async function logLine(project: Project, text: string): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const line = (await project.run(["logs", "--port", port])).stdout.split("\n").find((each) => each.includes(text));
    if (line !== undefined) return line;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`no log line contains "${text}"`);
}

/** Visible and in-flight messages, once they equal `wanted` (or as last seen). */
async function counts(url: string, wanted: [number, number]): Promise<[number, number]> {
  let seen: [number, number] = [-1, -1];
  for (let attempt = 0; attempt < 200 && seen.join() !== wanted.join(); attempt++) {
    if (attempt > 0) await new Promise((done) => setTimeout(done, 50));
    const { Attributes = {} } = await sdk.clients.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"] }),
    );
    seen = [Number(Attributes.ApproximateNumberOfMessages), Number(Attributes.ApproximateNumberOfMessagesNotVisible)];
  }
  return seen;
}

async function queueNames(): Promise<string[]> {
  const { QueueUrls = [] } = await sdk.clients.sqs.send(new ListQueuesCommand({}));
  return QueueUrls.map((url) => url.slice(url.lastIndexOf("/") + 1)).sort();
}

async function mappingCount(): Promise<number> {
  return ((await sdk.clients.lambda.send(new ListEventSourceMappingsCommand({}))).EventSourceMappings ?? []).length;
}

test("sqs on the local cloud: up, sqs send, the handler's lines, a partial batch failure into the dead-letter queue, no-change up, destroy", async () => {
  const project = createProject("sqs", {});
  try {
    const up = await project.run(["up", "index.ts", "--yes", "--port", port]);
    expect(up.code, up.stderr).toBe(0);
    const [jobsName, jobsUrl, deadLettersUrl] = ["jobsName", "jobsUrl", "deadLettersUrl"].map((name) => outputLine(up.stdout, name)) as [
      string,
      string,
      string,
    ];
    expect(jobsName).toMatch(/^jobs-[0-9a-f]{7}$/);

    const sent = await project.run(["sqs", "send", jobsName, "hello", "--endpoint-url", daemon.endpoint]);
    expect(sent.code, sent.stderr).toBe(0);
    expect(await logLine(project, "processed hello")).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\[worker\\] processed hello from ${jobsName}$`));

    // One batch: the failed item stays, the other is deleted.
    await sdk.clients.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: jobsUrl,
        Entries: [
          { Id: "a", MessageBody: "fail-1" },
          { Id: "b", MessageBody: "second" },
        ],
      }),
    );
    await logLine(project, "processed second");
    await logLine(project, "failed fail-1 (receive 1)");
    expect(await counts(jobsUrl, [0, 1])).toEqual([0, 1]);

    const tick = ["cloud", "tick", "31s", "--data", daemon.dataDir];
    expect((await project.run(tick)).code).toBe(0);
    await logLine(project, "failed fail-1 (receive 2)");
    // Received twice (maxReceiveCount 2): once visible again it moves to the dead-letter queue.
    expect((await project.run(tick)).code).toBe(0);
    expect(await counts(deadLettersUrl, [1, 0])).toEqual([1, 0]);
    const { Messages = [] } = await sdk.clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: deadLettersUrl }));
    expect(Messages.map((m) => m.Body)).toEqual(["fail-1"]);
    expect(await counts(jobsUrl, [0, 0])).toEqual([0, 0]);

    expect((await project.run(["up", "index.ts", "--yes", "--port", port])).stdout).toContain("no changes\n");
    const destroyed = await project.run(["destroy", "index.ts", "--yes", "--port", port]);
    expect(destroyed.code, destroyed.stderr).toBe(0);
    expect([await queueNames(), await mappingCount()]).toEqual([[], 0]);
  } finally {
    project.remove();
  }
}, 300_000);

// Seven steps (two queues, the role, its two policies, the function, the mapping), two kill points
// each: after the journal entry, and after the call before its result is recorded.
test("sqs: kill -9 of up at each point around a mutating call, then up again: exactly the declared queues and one mapping", async () => {
  const interrupted: string[] = [];
  for (let point = 1; point <= 14; point++) {
    const fresh = createProject("sqs", {});
    try {
      const up = ["up", "index.ts", "--yes", "--port", port];
      await killHard(await fresh.startUntil(up, `test kill point ${point} reached`, { CLOSURE_PACK_TEST_KILL_POINT: String(point) }));
      interrupted.push(...(JSON.parse(fresh.read(".closure-pack/stacks/dev.json")) as StackState).pending.map((operation) => operation.type));
      const rerun = await fresh.run(up);
      expect(rerun.code, rerun.stderr).toBe(0);
      const state = JSON.parse(fresh.read(".closure-pack/stacks/dev.json")) as StackState;
      const ids = state.resources
        .filter((r) => r.type === "aws:sqs:Queue")
        .map((r) => r.id)
        .sort();
      expect({ point, queues: await queueNames(), mappings: await mappingCount() }).toEqual({ point, queues: ids, mappings: 1 });
      expect((await fresh.run(up)).stdout).toContain("no changes\n");
      expect((await fresh.run(["destroy", "index.ts", "--yes", "--port", port])).code).toBe(0);
    } finally {
      fresh.remove();
    }
  }
  expect(new Set(interrupted.filter((type) => type === "aws:sqs:Queue" || type === "aws:lambda:EventSourceMapping"))).toEqual(
    new Set(["aws:sqs:Queue", "aws:lambda:EventSourceMapping"]),
  );
}, 600_000);

test("sqs: a subscription AWS would refuse stops up before anything is applied", async () => {
  const bad = createProject("sqs", {});
  try {
    bad.write("index.ts", bad.read("index.ts").replace("batchSize: 10,", "batchSize: 50,"));
    const up = await bad.run(["up", "index.ts", "--yes", "--port", port]);
    expect([up.code, up.stdout, up.stderr]).toEqual([
      1,
      "",
      'index.ts:10: aws:sqs:Queue "jobs": onEvent "worker": batchSize 50 needs a batching window: AWS refuses a batch of more than 10 messages without one\nhint: set maximumBatchingWindowInSeconds (1 to 300), or a batchSize of at most 10\n',
    ]);
    expect(await queueNames()).toEqual([]);
  } finally {
    bad.remove();
  }
}, 120_000);
