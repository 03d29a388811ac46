// fixtures/aws/sns end to end on the real local cloud daemon: `up` deploys a
// topic and two inline handlers subscribed to it, one with a filter policy;
// messages published with the SDK run the handlers (their lines read
// through `closure-pack logs`), the filtered one only for what its policy
// matches; no-change up; destroy leaves no topic and no subscription. Then
// kill -9 of up at every point around a mutating call, and up again; and a
// filter policy SNS would refuse stops up before anything is applied.
import { ListSubscriptionsCommand, ListTopicsCommand, PublishCommand } from "@aws-sdk/client-sns";
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

/** The lines of `logs` containing `text`, once there are `count` (SNS invokes the handlers asynchronously). */
async function logLines(project: Project, text: string, count = 1): Promise<string[]> {
  let lines: string[] = [];
  for (let attempt = 0; attempt < 200; attempt++) {
    lines = (await project.run(["logs", "--port", port])).stdout.split("\n").filter((each) => each.includes(text));
    if (lines.length >= count) return lines;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${lines.length} log line(s) contain "${text}", expected ${count}`);
}

async function topicCount(): Promise<number> {
  return ((await sdk.clients.sns.send(new ListTopicsCommand({}))).Topics ?? []).length;
}

async function subscriptionCount(): Promise<number> {
  return ((await sdk.clients.sns.send(new ListSubscriptionsCommand({}))).Subscriptions ?? []).length;
}

test("sns on the local cloud: up, publish, both handlers' lines, the filter policy, no-change up, destroy", async () => {
  const project = createProject("sns", {});
  try {
    const up = await project.run(["up", "index.ts", "--yes", "--port", port]);
    expect(up.code, up.stderr).toBe(0);
    const [topicArn, topicName] = ["topicArn", "topicName"].map((name) => outputLine(up.stdout, name)) as [string, string];
    expect(topicName).toMatch(/^orders-[0-9a-f]{7}$/);
    expect(topicArn).toBe(`arn:aws:sns:us-east-1:000000000000:${topicName}`);

    const publish = (message: string, price: string) =>
      sdk.clients.sns.send(
        new PublishCommand({ TopicArn: topicArn, Message: message, MessageAttributes: { price: { DataType: "Number", StringValue: price } } }),
      );
    await publish("small-1", "5");
    await publish("large-1", "250");
    expect(await logLines(project, "big order")).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z\[bigOrders\] big order large-1 at 250$/)]);
    const audited = await logLines(project, "] audit ", 2);
    expect(audited.map((line) => line.replace(/^.*\[audit\] /, "")).sort()).toEqual([`audit large-1 from ${topicName}`, `audit small-1 from ${topicName}`]);
    // The filtered message was never queued for bigOrders: its one line stays one.
    expect(await logLines(project, "big order")).toHaveLength(1);

    expect((await project.run(["up", "index.ts", "--yes", "--port", port])).stdout).toContain("no changes\n");
    const destroyed = await project.run(["destroy", "index.ts", "--yes", "--port", port]);
    expect(destroyed.code, destroyed.stderr).toBe(0);
    expect([await topicCount(), await subscriptionCount()]).toEqual([0, 0]);
  } finally {
    project.remove();
  }
}, 300_000);

// One handler: the topic, the role, its policy, the function, the permission and the subscription,
// two kill points each: after the journal entry, and after the call before its result is recorded.
test("sns: kill -9 of up at each point around a mutating call, then up again: exactly one topic and one subscription", async () => {
  const interrupted: string[] = [];
  for (let point = 1; point <= 12; point++) {
    const fresh = createProject("sns", {});
    try {
      const source = fresh.read("index.ts");
      fresh.write("index.ts", source.slice(0, source.indexOf("orders.onEvent(\n")) + source.slice(source.indexOf("export const topicArn")));
      const up = ["up", "index.ts", "--yes", "--port", port];
      await killHard(await fresh.startUntil(up, `test kill point ${point} reached`, { CLOSURE_PACK_TEST_KILL_POINT: String(point) }));
      interrupted.push(...(JSON.parse(fresh.read(".closure-pack/stacks/dev.json")) as StackState).pending.map((operation) => operation.type));
      const rerun = await fresh.run(up);
      expect(rerun.code, rerun.stderr).toBe(0);
      expect({ point, topics: await topicCount(), subscriptions: await subscriptionCount() }).toEqual({ point, topics: 1, subscriptions: 1 });
      expect((await fresh.run(up)).stdout).toContain("no changes\n");
      expect((await fresh.run(["destroy", "index.ts", "--yes", "--port", port])).code).toBe(0);
    } finally {
      fresh.remove();
    }
  }
  expect(new Set(interrupted.filter((type) => type.startsWith("aws:sns:")))).toEqual(new Set(["aws:sns:Topic", "aws:sns:TopicSubscription"]));
}, 600_000);

test("sns: a filter policy SNS would refuse stops up before anything is applied", async () => {
  const bad = createProject("sns", {});
  try {
    bad.write("index.ts", bad.read("index.ts").replace('{ numeric: [">=", 100] }', '{ numeric: [">=", "100"] }'));
    const up = await bad.run(["up", "index.ts", "--yes", "--port", port]);
    expect([up.code, up.stdout, up.stderr]).toEqual([
      1,
      "",
      'index.ts:12: aws:sns:Topic "orders": onEvent "bigOrders": SNS would refuse the filter policy: FilterPolicy: Value of >= must be numeric at "price"\nhint: a policy maps attribute (or body) keys to lists of values and matchers, e.g. { store: ["example_corp"], price: [{ numeric: [">=", 100] }] }\n',
    ]);
    expect(await topicCount()).toBe(0);
  } finally {
    bad.remove();
  }
}, 120_000);
