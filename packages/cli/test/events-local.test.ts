// fixtures/aws/events end to end on the real local cloud daemon: `up`
// deploys a schedule (cloudwatch.onSchedule) and a pattern rule with their
// inline handlers; `closure-pack cloud tick 5m` fires the schedule, events
// put with the SDK run the rule's handler for what its pattern matches only
// (lines read through `closure-pack logs`); no-change up; destroy leaves no
// rule.
import { ListRulesCommand, PutEventsCommand } from "@aws-sdk/client-eventbridge";
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

/** The lines of `logs` containing `text`, once there are `count` (EventBridge invokes asynchronously). */
async function logLines(project: Project, text: string, count = 1): Promise<string[]> {
  let lines: string[] = [];
  for (let attempt = 0; attempt < 200; attempt++) {
    lines = (await project.run(["logs", "--port", port])).stdout.split("\n").filter((each) => each.includes(text));
    if (lines.length >= count) return lines;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${lines.length} log line(s) contain "${text}", expected ${count}`);
}

test("events on the local cloud: up, a schedule fired by cloud tick, a rule's pattern, no-change up, destroy", async () => {
  const project = createProject("events", {});
  try {
    const up = await project.run(["up", "index.ts", "--yes", "--port", port]);
    expect(up.code, up.stderr).toBe(0);

    expect((await project.run(["cloud", "tick", "5m", "--data", daemon.dataDir])).code).toBe(0);
    expect(await logLines(project, "] heartbeat ")).toEqual([expect.stringMatching(/\[heartbeat\] heartbeat Scheduled Event from aws\.events$/)]);

    const put = (id: string, total: number) => ({ Source: "shop", DetailType: "Order Placed", Detail: JSON.stringify({ id, total }) });
    const answer = await sdk.clients.events.send(new PutEventsCommand({ Entries: [put("o-1", 5), put("o-2", 250)] }));
    expect(answer.FailedEntryCount).toBe(0);
    expect(await logLines(project, "] big order ")).toEqual([expect.stringMatching(/\[audit\] big order o-2 at 250$/)]);

    expect((await project.run(["up", "index.ts", "--yes", "--port", port])).stdout).toContain("no changes\n");
    const destroyed = await project.run(["destroy", "index.ts", "--yes", "--port", port]);
    expect(destroyed.code, destroyed.stderr).toBe(0);
    expect((await sdk.clients.events.send(new ListRulesCommand({}))).Rules).toEqual([]);
  } finally {
    project.remove();
  }
}, 300_000);
