// The aws:dynamodb:Table provider module against moto_server: a table is
// created with its key schema, billing, stream and tags, updated in place
// (billing, the stream's view type: a new stream ARN, tags), replaced when
// its key changes, adopted when a create was cut short; a subscription's
// mapping reads its stream; destroy leaves nothing. Functions are archives
// here (closures are serialized in child processes only: the CLI test).
import { CreateTableCommand, DescribeTableCommand, ListTablesCommand, ListTagsOfResourceCommand } from "@aws-sdk/client-dynamodb";
import { ListEventSourceMappingsCommand } from "@aws-sdk/client-lambda";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as aws from "../src/index.js";
import { Deployment } from "../src/engine/deployment.js";
import type { Plan } from "../src/engine/plan.js";
import { createProviderContext, type ProviderContext } from "../src/provider/context.js";
import type { Target } from "../src/provider/target.js";
import { declare } from "./support/program.js";
import { hasMoto, startMoto, type Moto } from "./support/moto.js";

const enabled = hasMoto();
let moto: Moto;
let dir: string;
let target: Target;
let sdk: ProviderContext;

beforeAll(async () => {
  if (!enabled) return;
  moto = await startMoto();
  target = { kind: "aws", region: "us-east-1", endpoint: moto.endpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" } };
  sdk = createProviderContext(target, { stack: "x", project: "x" });
});
afterAll(async () => {
  sdk?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  if (!enabled) return;
  await moto.reset();
  dir = mkdtempSync(join(tmpdir(), "aws-dynamodb-"));
  return () => rmSync(dir, { recursive: true, force: true });
});

interface Shape {
  table?: Partial<aws.dynamodb.TableArgs>;
  subscription?: aws.dynamodb.TableEventSubscriptionArgs;
}

const KEY: aws.dynamodb.TableArgs = { attributes: [{ name: "id", type: "S" }], hashKey: "id", billingMode: "PAY_PER_REQUEST" };

function program(shape: Shape): void {
  const table = new aws.dynamodb.Table("orders", { ...KEY, ...shape.table } as aws.dynamodb.TableArgs);
  if (shape.subscription === undefined) return;
  const code = new aws.asset.AssetArchive({ "index.js": new aws.asset.StringAsset("exports.handler = async () => {};") });
  table.onEvent("changes", new aws.lambda.Function("changes", { code, runtime: "nodejs22.x", timeout: 10 }), shape.subscription);
}

async function up(shape: Shape | undefined, beforeApply?: (plan: Plan) => Promise<void>): Promise<Plan> {
  const resources = declare(() => shape && program(shape));
  const deployment = await Deployment.open({ projectDir: dir, project: "shop", stack: "dev", target, command: "test", mutating: true });
  try {
    const plan = await deployment.plan(resources);
    await beforeApply?.(plan);
    await deployment.apply(plan, {});
    return plan;
  } finally {
    deployment.close();
  }
}

const changes = (plan: Plan) => plan.steps.filter((s) => s.step !== "same" && s.step !== "read").map((s) => `${s.step} ${s.type} ${s.name}`);
const idOf = (plan: Plan, type: string, name: string) => plan.steps.find((s) => s.type === type && s.name === name)!.id;
const outputsOf = (plan: Plan) => plan.values.outputsOf("aws:dynamodb:Table::orders")!;
const tables = async () => (await sdk.clients.dynamodb.send(new ListTablesCommand({}))).TableNames ?? [];
const describeTable = async (name: string) => (await sdk.clients.dynamodb.send(new DescribeTableCommand({ TableName: name }))).Table!;
const STREAM = { streamEnabled: true, streamViewType: "NEW_IMAGE" as const };

describe.skipIf(!enabled)("dynamodb provider against moto", () => {
  test("table: created with its key, billing, stream and the stack's tags; outputs name, arn, streamArn; the next plan is empty", async () => {
    const plan = await up({ table: { ...STREAM, tags: { team: "a" } } });
    const id = idOf(plan, "aws:dynamodb:Table", "orders");
    expect(id).toMatch(/^orders-[0-9a-f]{7}$/);
    const table = await describeTable(id);
    expect([table.KeySchema, table.BillingModeSummary?.BillingMode, table.StreamSpecification]).toEqual([
      [{ AttributeName: "id", KeyType: "HASH" }],
      "PAY_PER_REQUEST",
      { StreamEnabled: true, StreamViewType: "NEW_IMAGE" },
    ]);
    expect(outputsOf(plan)).toEqual({
      name: id,
      arn: `arn:aws:dynamodb:us-east-1:123456789012:table/${id}`,
      streamArn: table.LatestStreamArn,
      streamLabel: table.LatestStreamLabel,
    });
    const tags = (await sdk.clients.dynamodb.send(new ListTagsOfResourceCommand({ ResourceArn: table.TableArn }))).Tags;
    expect(Object.fromEntries((tags ?? []).map((t) => [t.Key, t.Value]))).toEqual({
      team: "a",
      "closure-pack:name": "orders",
      "closure-pack:project": "shop",
      "closure-pack:stack": "dev",
    });
    expect(changes(await up({ table: { ...STREAM, tags: { team: "a" } } }))).toEqual([]);
  });

  // moto 5.2.1 refuses to enable a table's stream again once disabled ("Cannot enable stream"), which
  // AWS allows: a new view type (old stream off, new one on) is tested on the local cloud (the CLI test).
  test("table: billing and capacities change in place; a new key replaces the table", async () => {
    const first = await up({ table: STREAM });
    const id = idOf(first, "aws:dynamodb:Table", "orders");
    const second = await up({ table: { ...STREAM, billingMode: "PROVISIONED", readCapacity: 3, writeCapacity: 4 } });
    expect(changes(second)).toEqual(["update aws:dynamodb:Table orders"]);
    const table = await describeTable(id);
    expect([table.ProvisionedThroughput?.ReadCapacityUnits, table.ProvisionedThroughput?.WriteCapacityUnits, outputsOf(second).streamArn]).toEqual([
      3,
      4,
      table.LatestStreamArn,
    ]);
    const third = await up({ table: { attributes: [{ name: "key", type: "N" }], hashKey: "key" } });
    expect(changes(third)).toEqual(["replace aws:dynamodb:Table orders", "delete aws:dynamodb:Table orders"]);
    expect(await tables()).toEqual([idOf(third, "aws:dynamodb:Table", "orders")]);
  });

  test("table: one made before a crash under the planned name is adopted and brought in line", async () => {
    await up({ table: STREAM }, async (plan) => {
      await sdk.clients.dynamodb.send(
        new CreateTableCommand({
          TableName: idOf(plan, "aws:dynamodb:Table", "orders"),
          AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
          KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
          BillingMode: "PAY_PER_REQUEST",
          // The create cut short set the stack's tags in the same call.
          Tags: [
            { Key: "closure-pack:project", Value: "shop" },
            { Key: "closure-pack:stack", Value: "dev" },
            { Key: "closure-pack:name", Value: "orders" },
          ],
        }),
      );
    });
    const names = await tables();
    expect(names).toHaveLength(1);
    expect((await describeTable(names[0]!)).StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: "NEW_IMAGE" });
  });

  test("subscription: the mapping reads the table's stream from its starting position; destroy leaves nothing", async () => {
    const plan = await up({ table: STREAM, subscription: { startingPosition: "TRIM_HORIZON", batchSize: 50 } });
    const listed = (await sdk.clients.lambda.send(new ListEventSourceMappingsCommand({}))).EventSourceMappings ?? [];
    expect(listed.map((m) => [m.EventSourceArn, m.BatchSize, m.StartingPosition])).toEqual([[outputsOf(plan).streamArn, 50, "TRIM_HORIZON"]]);
    // The mapping's id names its source, whose ARN was known only once the table existed.
    expect(idOf(plan, "aws:lambda:EventSourceMapping", "changes")).toBe(
      `${idOf(plan, "aws:lambda:Function", "changes")}|${outputsOf(plan).streamArn as string}`,
    );
    expect(changes(await up({ table: STREAM, subscription: { startingPosition: "TRIM_HORIZON", batchSize: 50 } }))).toEqual([]);
    await up(undefined);
    expect([await tables(), (await sdk.clients.lambda.send(new ListEventSourceMappingsCommand({}))).EventSourceMappings]).toEqual([[], []]);
  });
});
