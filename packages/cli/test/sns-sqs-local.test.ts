// fixtures/aws/sns-sqs end to end on the real local cloud daemon: `up`
// deploys a topic, a queue subscribed with topic.subscribeQueue (the
// subscription and the queue policy allowing the topic) and an inline
// handler fed by the queue; a message published with the SDK reaches the
// handler (its line read through `closure-pack logs`); no-change up; destroy
// leaves no queue, topic or subscription. The same program subscribing the
// queue without a policy gets a notice at plan time, and the cloud, as SQS
// does, drops what the topic sends; adding the policy makes it deliver.
// Then kill -9 of up at every point around a mutating call, and up again.
import { ListSubscriptionsCommand, ListTopicsCommand, PublishCommand } from "@aws-sdk/client-sns";
import { GetQueueAttributesCommand, ListQueuesCommand, SendMessageCommand } from "@aws-sdk/client-sqs";
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

/** The handler's lines of `logs` containing `text`, once there are some (delivery is asynchronous). */
async function logLines(project: Project, text: string, stack: string[] = ["--port", port]): Promise<string[]> {
  let lines: string[] = [];
  for (let attempt = 0; attempt < 300; attempt++) {
    lines = (await project.run(["logs", ...stack])).stdout.split("\n").filter((each) => each.includes(text));
    if (lines.length > 0) return lines.map((line) => line.replace(/^.*\[worker\] /, ""));
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`no log line contains "${text}"`);
}

async function counts(): Promise<number[]> {
  const queues = (await sdk.clients.sqs.send(new ListQueuesCommand({}))).QueueUrls ?? [];
  const topics = (await sdk.clients.sns.send(new ListTopicsCommand({}))).Topics ?? [];
  const subscriptions = (await sdk.clients.sns.send(new ListSubscriptionsCommand({}))).Subscriptions ?? [];
  return [queues.length, topics.length, subscriptions.length];
}

test("sns -> sqs on the local cloud: up, a publish reaches the queue's handler, no-change up, destroy", async () => {
  const project = createProject("sns-sqs", {});
  try {
    const up = await project.run(["up", "index.ts", "--yes", "--port", port]);
    expect([up.code, up.stderr]).toEqual([0, ""]);
    expect(up.stdout).toMatch(/\n  aws:sqs:QueuePolicy +jobs +create\n/);
    const topicArn = outputLine(up.stdout, "topicArn");
    await sdk.clients.sns.send(new PublishCommand({ TopicArn: topicArn, Message: "order-1" }));
    expect(await logLines(project, "job order-1")).toEqual([`job order-1 from ${topicArn.split(":").pop()}`]);

    expect((await project.run(["up", "index.ts", "--yes", "--port", port])).stdout).toContain("no changes\n");
    const destroyed = await project.run(["destroy", "index.ts", "--yes", "--port", port]);
    expect(destroyed.code, destroyed.stderr).toBe(0);
    expect(await counts()).toEqual([0, 0, 0]);
  } finally {
    project.remove();
  }
}, 300_000);

test("sns -> sqs without the queue policy: a notice at plan time, nothing delivered; with it, delivered", async () => {
  const project = createProject("sns-sqs", {});
  try {
    const withPolicy = project.read("index.ts");
    project.write(
      "index.ts",
      withPolicy.replace(
        'orders.subscribeQueue("ordersToJobs", jobs);',
        'new aws.sns.TopicSubscription("ordersToJobs", { topic: orders, protocol: "sqs", endpoint: jobs.arn });',
      ),
    );
    const stack = ["--stack", "nopolicy", "--port", port];
    const up = await project.run(["up", "index.ts", "--yes", ...stack]);
    expect([up.code, up.stderr]).toEqual([
      0,
      'notice: index.ts:9: aws:sns:TopicSubscription "ordersToJobs": SNS will not deliver to aws:sqs:Queue "jobs": no QueuePolicy of the program lets sns.amazonaws.com send to it\n' +
        `hint: subscribe with topic.subscribeQueue("ordersToJobs", queue), which adds that statement to the queue's policy, or allow sqs:SendMessage for the principal sns.amazonaws.com with the condition ArnEquals aws:SourceArn = the topic's ARN in the queue's QueuePolicy\n`,
    ]);
    const [topicArn, queueUrl] = ["topicArn", "queueUrl"].map((name) => outputLine(up.stdout, name)) as [string, string];
    await sdk.clients.sns.send(new PublishCommand({ TopicArn: topicArn, Message: "lost-1" }));
    // SNS decides within Publish; a message sent to the queue after it shows the handler ran past that point.
    await sdk.clients.sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "sentinel-1" }));
    expect(await logLines(project, "job sentinel-1", stack)).toEqual(["job sentinel-1 from (sent to the queue)"]);
    expect((await project.run(["logs", ...stack])).stdout).not.toContain("lost-1");

    project.write("index.ts", withPolicy);
    const fixed = await project.run(["up", "index.ts", "--yes", ...stack]);
    expect([fixed.code, fixed.stderr]).toEqual([0, ""]);
    await sdk.clients.sns.send(new PublishCommand({ TopicArn: topicArn, Message: "order-2" }));
    expect(await logLines(project, "job order-2", stack)).toEqual([`job order-2 from ${topicArn.split(":").pop()}`]);
    expect((await project.run(["destroy", "index.ts", "--yes", ...stack])).code).toBe(0);
  } finally {
    project.remove();
  }
}, 300_000);

// The topic, the queue, its policy and the subscription (no handler): two kill points each,
// after the journal entry and after the call before its result is recorded.
test("sns -> sqs: kill -9 of up at each point around a mutating call, then up again: one queue with its policy, one subscription", async () => {
  const interrupted: string[] = [];
  for (let point = 1; point <= 8; point++) {
    const fresh = createProject("sns-sqs", {});
    try {
      const source = fresh.read("index.ts");
      fresh.write("index.ts", source.slice(0, source.indexOf("jobs.onEvent(")) + source.slice(source.indexOf("export const topicArn")));
      const up = ["up", "index.ts", "--yes", "--stack", `kill${point}`, "--port", port];
      await killHard(await fresh.startUntil(up, `test kill point ${point} reached`, { CLOSURE_PACK_TEST_KILL_POINT: String(point) }));
      interrupted.push(...(JSON.parse(fresh.read(`.closure-pack/stacks/kill${point}.json`)) as StackState).pending.map((operation) => operation.type));
      const rerun = await fresh.run(up);
      expect(rerun.code, rerun.stderr).toBe(0);
      const queueUrl = outputLine(rerun.stdout, "queueUrl");
      const { Attributes } = await sdk.clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["Policy"] }));
      const sids = (JSON.parse(Attributes?.Policy ?? "{}") as { Statement?: Array<{ Sid: string }> }).Statement?.map((each) => each.Sid);
      expect({ point, counts: await counts(), sids }).toEqual({ point, counts: [1, 1, 1], sids: ["ordersToJobs"] });
      expect((await fresh.run(up)).stdout).toContain("no changes\n");
      expect((await fresh.run(["destroy", "index.ts", "--yes", "--stack", `kill${point}`, "--port", port])).code).toBe(0);
      expect(await counts()).toEqual([0, 0, 0]);
    } finally {
      fresh.remove();
    }
  }
  expect(interrupted.filter((type) => type === "aws:sqs:QueuePolicy")).toHaveLength(2);
}, 600_000);
