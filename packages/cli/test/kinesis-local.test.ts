// fixtures/aws/kinesis end to end on the real local cloud daemon: `up`
// deploys a two-shard stream and an inline handler subscribed to it; records
// put through @aws-sdk/client-kinesis reach the handler, whose lines
// `closure-pack logs` shows in order per partition key; no-change up; destroy.
import { ListStreamsCommand, PutRecordsCommand } from "@aws-sdk/client-kinesis";
import { createProviderContext, localTarget, type ProviderContext } from "@closure-pack/aws/engine";
import { afterAll, beforeAll, expect, test } from "vitest";
import { removeDataDir, startDaemon, type DaemonProcess } from "../../cloud/test/helpers/daemon.js";
import { createProject, type Project } from "./support/deploy.js";

let daemon: DaemonProcess;
let sdk: ProviderContext;
let project: Project;
let port: string;

beforeAll(async () => {
  daemon = await startDaemon();
  port = String(daemon.port);
  sdk = createProviderContext(localTarget(daemon.port), { stack: "t", project: "t" });
  project = createProject("kinesis", {});
});
afterAll(async () => {
  sdk?.destroy();
  await daemon?.stop();
  if (daemon) removeDataDir(daemon.dataDir);
  project?.remove();
});

async function clickLines(count: number): Promise<string[]> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const lines = (await project.run(["logs", "--port", port])).stdout.split("\n").filter((line) => line.includes("] click "));
    if (lines.length >= count) return lines.map((line) => line.slice(line.indexOf("] click ") + 2));
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`fewer than ${count} click lines`);
}

test("kinesis on the local cloud: up, records reach the handler in order per key, no-change up, destroy", async () => {
  const up = await project.run(["up", "index.ts", "--yes", "--port", port]);
  expect(up.code, up.stderr).toBe(0);
  const stream = (await project.run(["stack", "output", "clicksStream"])).stdout.trim();
  expect(stream).toMatch(/^clicks-[0-9a-f]{7}$/);
  const data = ["a:1", "b:1", "a:2", "b:2", "a:3"];
  await sdk.clients.kinesis.send(
    new PutRecordsCommand({ StreamName: stream, Records: data.map((each) => ({ PartitionKey: each[0]!, Data: Buffer.from(each) })) }),
  );
  const lines = await clickLines(5);
  expect(lines.filter((line) => line.startsWith("click a"))).toEqual(["click a: a:1", "click a: a:2", "click a: a:3"]);
  expect(lines.filter((line) => line.startsWith("click b"))).toEqual(["click b: b:1", "click b: b:2"]);

  const again = await project.run(["up", "index.ts", "--yes", "--port", port]);
  expect(again.stdout).toContain("no changes\n");

  const destroyed = await project.run(["destroy", "index.ts", "--yes", "--port", port]);
  expect(destroyed.code, destroyed.stderr).toBe(0);
  expect((await sdk.clients.kinesis.send(new ListStreamsCommand({}))).StreamNames).toEqual([]);
}, 300_000);
