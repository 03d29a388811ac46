// fixtures/aws/logs end to end on the real local cloud daemon: `up` deploys
// a function, its own log group subscribed to another function through
// onDecodedEvent, and a group subscribed through onEvent with a JSON
// selector; invoking the function and PutLogEvents (SDK) run the
// subscribed handlers for the matching lines only (read through
// `closure-pack logs`); no-change up; destroy leaves no group. Refused
// before anything is made, exit 1: an invalid filter pattern (the
// offending part named) and a function subscribed to its own log group.
import { CreateLogStreamCommand, DescribeLogGroupsCommand, PutLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import { createProviderContext, localTarget, type ProviderContext } from "@closure-pack/aws/engine";
import { afterAll, beforeAll, expect, test } from "vitest";
import { removeDataDir, startDaemon, type DaemonProcess } from "../../cloud/test/helpers/daemon.js";
import { createProject, type Project } from "./support/deploy.js";

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

/** The lines of `logs` containing `text`, once there are `count` (CloudWatch Logs invokes asynchronously). */
async function logLines(project: Project, text: string, count = 1): Promise<string[]> {
  let lines: string[] = [];
  for (let attempt = 0; attempt < 200; attempt++) {
    lines = (await project.run(["logs", "--port", port])).stdout.split("\n").filter((each) => each.includes(text));
    if (lines.length >= count) return lines;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${lines.length} log line(s) contain "${text}", expected ${count}`);
}

const groupNames = async () => ((await sdk.clients.logs.send(new DescribeLogGroupsCommand({}))).logGroups ?? []).map((group) => group.logGroupName);

test("logs on the local cloud: up, a function's lines to onDecodedEvent, PutLogEvents to onEvent with a JSON selector, no-change up, destroy", async () => {
  const project = createProject("logs", {});
  try {
    const up = await project.run(["up", "index.ts", "--yes", "--port", port]);
    expect(up.code, up.stderr).toBe(0);
    const outputs = JSON.parse((await project.run(["stack", "output", "--json"])).stdout) as { ordersFunction: string; appGroup: string };

    for (const order of [
      { id: "o-1", total: 5 },
      { id: "o-2", total: 5000 },
    ]) {
      await sdk.clients.lambda.send(new InvokeCommand({ FunctionName: outputs.ordersFunction, Payload: Buffer.from(JSON.stringify(order)) }));
    }
    expect(await logLines(project, "] alert from ")).toEqual([
      expect.stringMatching(new RegExp(`\\[alerts\\] alert from /aws/lambda/${outputs.ordersFunction}: BIG ORDER o-2$`)),
    ]);

    await sdk.clients.logs.send(new CreateLogStreamCommand({ logGroupName: outputs.appGroup, logStreamName: "web-1" }));
    const lines = ['{"level":"INFO","msg":"fine"}', '{"level":"ERROR","msg":"disk full"}', "ERROR but not JSON"];
    const now = Date.now();
    await sdk.clients.logs.send(
      new PutLogEventsCommand({
        logGroupName: outputs.appGroup,
        logStreamName: "web-1",
        logEvents: lines.map((message, index) => ({ timestamp: now + index, message })),
      }),
    );
    expect(await logLines(project, "] error in ")).toEqual([
      expect.stringMatching(/\[errors\] error in web-1 \(errors-[0-9a-f]{7}\): \{"level":"ERROR","msg":"disk full"\}$/),
    ]);

    expect((await project.run(["up", "index.ts", "--yes", "--port", port])).stdout).toContain("no changes\n");
    const destroyed = await project.run(["destroy", "index.ts", "--yes", "--port", port]);
    expect(destroyed.code, destroyed.stderr).toBe(0);
    // The functions' own groups (written by Lambda, not declared) stay, as on AWS; the declared ones are gone.
    expect((await groupNames()).filter((name) => name === outputs.appGroup || name === `/aws/lambda/${outputs.ordersFunction}`)).toEqual([]);
  } finally {
    project.remove();
  }
}, 300_000);

const BAD: Array<[string, string, string]> = [
  [
    "an invalid filter pattern, naming the offending part",
    `new aws.cloudwatch.LogGroup("app").onDecodedEvent("errors", async () => {}, { filterPattern: '{ $.level = }' });`,
    'bad.ts:2: aws:cloudwatch:LogGroup "app": onDecodedEvent "errors": CloudWatch Logs would refuse the filter pattern: Invalid JSON filter pattern { $.level = }: expected a value at position 13, found "}"\n' +
      'hint: terms ("ERROR -healthcheck"), a quoted phrase ("\\"disk full\\""), or a JSON selector ("{ $.level = \\"ERROR\\" && $.latency > 100 }")',
  ],
  [
    "a function subscribed to its own log group",
    `const fn = new aws.lambda.CallbackFunction("self", { name: "self", callback: async () => {} });\nnew aws.cloudwatch.LogGroup("own", { name: "/aws/lambda/self" }).onEvent("loop", fn);`,
    'bad.ts:3: aws:cloudwatch:LogSubscriptionFilter "loop": a function cannot subscribe to its own log group: /aws/lambda/self is the log group of the destination function self (AWS refuses it: each delivery would write lines that are delivered again)\nhint: subscribe another function to this group, or this function to another group',
  ],
];

test.each(BAD)(
  "logs refused before anything is made: %s",
  async (_name, source, message) => {
    const project = createProject("logs", {});
    try {
      project.write("bad.ts", `import * as aws from "@closure-pack/aws";\n${source}\n`);
      const before = await groupNames();
      const run = await project.run(["up", "bad.ts", "--yes", "--stack", "bad", "--port", port]);
      expect([run.code, run.stderr]).toEqual([1, `${message}\n`]);
      expect(await groupNames()).toEqual(before);
    } finally {
      project.remove();
    }
  },
  120_000,
);
