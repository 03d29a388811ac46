// The aws:kinesis:Stream provider module against moto_server: a stream is
// created with its shards, retention and the stack's tags, updated in place
// (retention, tags), replaced when its shard count changes, adopted when a
// create was cut short; a subscription's mapping reads it; destroy leaves
// nothing. The provider's client speaks HTTP/1.1 (see context.ts).
import {
  AddTagsToStreamCommand,
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  ListStreamsCommand,
  ListTagsForStreamCommand,
} from "@aws-sdk/client-kinesis";
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
  dir = mkdtempSync(join(tmpdir(), "aws-kinesis-"));
  return () => rmSync(dir, { recursive: true, force: true });
});

interface Shape {
  stream?: aws.kinesis.StreamArgs;
  subscription?: aws.kinesis.StreamEventSubscriptionArgs;
}

function program(shape: Shape): void {
  const stream = new aws.kinesis.Stream("clicks", shape.stream ?? { shardCount: 1 });
  if (shape.subscription === undefined) return;
  const code = new aws.asset.AssetArchive({ "index.js": new aws.asset.StringAsset("exports.handler = async () => {};") });
  stream.onEvent("reader", new aws.lambda.Function("reader", { code, runtime: "nodejs22.x", timeout: 10 }), shape.subscription);
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
const streams = async () => (await sdk.clients.kinesis.send(new ListStreamsCommand({}))).StreamNames ?? [];
const summary = async (name: string) => (await sdk.clients.kinesis.send(new DescribeStreamSummaryCommand({ StreamName: name }))).StreamDescriptionSummary!;

describe.skipIf(!enabled)("kinesis provider against moto", () => {
  test("stream: created with its shards and the stack's tags; retention and tags change in place; a new shard count replaces it", async () => {
    const first = await up({ stream: { shardCount: 2, tags: { team: "a" } } });
    const id = idOf(first, "aws:kinesis:Stream", "clicks");
    expect(id).toMatch(/^clicks-[0-9a-f]{7}$/);
    expect(first.values.outputsOf("aws:kinesis:Stream::clicks")).toEqual({ name: id, arn: `arn:aws:kinesis:us-east-1:123456789012:stream/${id}` });
    expect((await summary(id)).OpenShardCount).toBe(2);
    const tags = (await sdk.clients.kinesis.send(new ListTagsForStreamCommand({ StreamName: id }))).Tags ?? [];
    expect(Object.fromEntries(tags.map((t) => [t.Key, t.Value]))).toEqual({
      team: "a",
      "closure-pack:name": "clicks",
      "closure-pack:project": "shop",
      "closure-pack:stack": "dev",
    });
    expect(changes(await up({ stream: { shardCount: 2, tags: { team: "a" } } }))).toEqual([]);
    const second = await up({ stream: { shardCount: 2, retentionPeriod: 48 } });
    expect(changes(second)).toEqual(["update aws:kinesis:Stream clicks"]);
    expect((await summary(id)).RetentionPeriodHours).toBe(48);
    const third = await up({ stream: { shardCount: 3, retentionPeriod: 48 } });
    expect(changes(third)).toEqual(["replace aws:kinesis:Stream clicks", "delete aws:kinesis:Stream clicks"]);
    expect(await streams()).toEqual([idOf(third, "aws:kinesis:Stream", "clicks")]);
  });

  test("stream: one made before a crash under the planned name is adopted; a subscription's mapping reads it; destroy leaves nothing", async () => {
    const plan = await up({ subscription: { startingPosition: "TRIM_HORIZON", batchSize: 20 } }, async (planned) => {
      const name = idOf(planned, "aws:kinesis:Stream", "clicks");
      await sdk.clients.kinesis.send(new CreateStreamCommand({ StreamName: name, ShardCount: 1 }));
      // What the create cut short left: the stack's tags (given to CreateStream, which moto 5.2.1 drops).
      await sdk.clients.kinesis.send(
        new AddTagsToStreamCommand({ StreamName: name, Tags: { "closure-pack:project": "shop", "closure-pack:stack": "dev", "closure-pack:name": "clicks" } }),
      );
    });
    expect(await streams()).toHaveLength(1);
    const arn = plan.values.outputsOf("aws:kinesis:Stream::clicks")!.arn;
    const listed = (await sdk.clients.lambda.send(new ListEventSourceMappingsCommand({}))).EventSourceMappings ?? [];
    expect(listed.map((m) => [m.EventSourceArn, m.BatchSize, m.StartingPosition])).toEqual([[arn, 20, "TRIM_HORIZON"]]);
    await up(undefined);
    expect([await streams(), (await sdk.clients.lambda.send(new ListEventSourceMappingsCommand({}))).EventSourceMappings]).toEqual([[], []]);
  });
});
