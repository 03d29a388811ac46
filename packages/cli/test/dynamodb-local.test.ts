// fixtures/aws/dynamodb end to end on the real local cloud daemon: `up`
// deploys a streamed table and an inline handler subscribed to it (a role
// policy, a function, an event source mapping); items written through
// @aws-sdk/client-dynamodb reach the handler, whose lines `closure-pack logs`
// shows in order; no-change up; a subscription to a table without a stream
// is refused before anything is applied; destroy leaves no table.
import { DeleteItemCommand, ListTablesCommand, PutItemCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
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
  project = createProject("dynamodb", {});
});
afterAll(async () => {
  sdk?.destroy();
  await daemon?.stop();
  if (daemon) removeDataDir(daemon.dataDir);
  project?.remove();
});

/** The handler's lines in `closure-pack logs`, once there are `count` of them. */
async function orderLines(count: number): Promise<string[]> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const lines = (await project.run(["logs", "--port", port])).stdout.split("\n").filter((line) => line.includes("] order "));
    if (lines.length >= count) return lines.map((line) => line.slice(line.indexOf("] order ") + 2));
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`fewer than ${count} order lines`);
}

test("dynamodb on the local cloud: up, writes reach the stream handler in order, no-change up, refusal, destroy", async () => {
  const up = await project.run(["up", "index.ts", "--yes", "--port", port]);
  expect(up.code, up.stderr).toBe(0);
  const table = (await project.run(["stack", "output", "ordersTable"])).stdout.trim();
  expect(table).toMatch(/^orders-[0-9a-f]{7}$/);
  expect((await project.run(["stack", "output", "ordersStream"])).stdout.trim()).toMatch(
    new RegExp(`^arn:aws:dynamodb:us-east-1:000000000000:table/${table}/stream/`),
  );

  const ddb = sdk.clients.dynamodb;
  await ddb.send(new PutItemCommand({ TableName: table, Item: { id: { S: "o1" }, status: { S: "new" } } }));
  await ddb.send(
    new UpdateItemCommand({
      TableName: table,
      Key: { id: { S: "o1" } },
      UpdateExpression: "SET #s = :s",
      ExpressionAttributeNames: { "#s": "status" },
      ExpressionAttributeValues: { ":s": { S: "paid" } },
    }),
  );
  await ddb.send(new DeleteItemCommand({ TableName: table, Key: { id: { S: "o1" } } }));
  expect(await orderLines(3)).toEqual(["order o1: INSERT new", "order o1: MODIFY paid", "order o1: REMOVE (removed)"]);

  const again = await project.run(["up", "index.ts", "--yes", "--port", port]);
  expect(again.stdout).toContain("no changes\n");

  const refused = await project.run(["up", "no-stream.ts", "--yes", "--port", port]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toBe(
    'no-stream.ts:6: aws:dynamodb:Table "orders": onEvent "orderChanges": the table has no stream to read\nhint: declare the table with streamEnabled: true and a streamViewType (e.g. "NEW_AND_OLD_IMAGES")\n',
  );
  expect((await ddb.send(new ListTablesCommand({}))).TableNames).toEqual([table]);

  const destroyed = await project.run(["destroy", "index.ts", "--yes", "--port", port]);
  expect(destroyed.code, destroyed.stderr).toBe(0);
  expect((await ddb.send(new ListTablesCommand({}))).TableNames).toEqual([]);
}, 300_000);
