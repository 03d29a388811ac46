// The provider against moto_server: each resource type created, read back
// through the SDK, updated in place, replaced and deleted; the plan after an
// up is empty; SDK calls are counted to prove an unchanged function gets no
// UpdateFunctionCode. Functions here are archives: closures are serialized
// in child processes only (cli e2e tests).
import { GetFunctionCommand, GetPolicyCommand, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import {
  GetBucketNotificationConfigurationCommand,
  GetBucketTaggingCommand,
  ListBucketsCommand,
  PutBucketNotificationConfigurationCommand,
  CreateBucketCommand,
} from "@aws-sdk/client-s3";
import { ListRolesCommand } from "@aws-sdk/client-iam";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
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
  dir = mkdtempSync(join(tmpdir(), "aws-provider-"));
  return () => rmSync(dir, { recursive: true, force: true });
});

interface Shape {
  code?: string;
  memorySize?: number;
  bucket?: string;
  existing?: string;
}

function program(shape: Shape): void {
  const docs = shape.existing
    ? aws.s3.Bucket.get("docs", shape.existing)
    : new aws.s3.Bucket("docs", { forceDestroy: true, ...(shape.bucket ? { bucket: shape.bucket } : {}) });
  const fn = new aws.lambda.Function("worker", {
    code: new aws.asset.AssetArchive({ "index.js": new aws.asset.StringAsset(shape.code ?? "exports.handler = async () => 1;") }),
    runtime: "nodejs22.x",
    memorySize: shape.memorySize ?? 128,
  });
  docs.onObjectCreated("onDoc", fn, { filterSuffix: ".txt" });
}

async function up(shape: Shape | undefined, calls: string[] = []): Promise<Plan> {
  const resources = declare(() => shape && program(shape));
  const deployment = await Deployment.open({
    projectDir: dir,
    project: "seed",
    stack: "dev",
    target,
    command: "test",
    mutating: true,
    providerOptions: { observe: (service, command) => calls.push(`${service}:${command}`) },
  });
  try {
    const plan = await deployment.plan(resources);
    await deployment.apply(plan, {});
    return plan;
  } finally {
    deployment.close();
  }
}

function changes(plan: Plan): string[] {
  return plan.steps.filter((s) => s.step !== "same" && s.step !== "read").map((s) => `${s.step} ${s.type} ${s.name}`);
}

async function functions(): Promise<string[]> {
  return ((await sdk.clients.lambda.send(new ListFunctionsCommand({}))).Functions ?? []).map((f) => f.FunctionName!).sort();
}

async function buckets(): Promise<string[]> {
  return ((await sdk.clients.s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name!).sort();
}

describe.skipIf(!enabled)("provider against moto", () => {
  test("seed: created, read back through the SDK, tagged; the next plan is empty and calls only reads", async () => {
    const first = await up({});
    expect(changes(first)).toHaveLength(6);
    const bucket = first.steps.find((s) => s.type === "aws:s3:Bucket")!.id;
    const fnStep = first.steps.find((s) => s.type === "aws:lambda:Function")!;
    expect(await buckets()).toEqual([bucket]);
    expect(await functions()).toEqual([fnStep.id]);
    const tags = (await sdk.clients.s3.send(new GetBucketTaggingCommand({ Bucket: bucket }))).TagSet!.map((t) => `${t.Key}=${t.Value}`);
    expect(tags).toEqual(["closure-pack:name=docs", "closure-pack:project=seed", "closure-pack:stack=dev"]);
    const notification = await sdk.clients.s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }));
    expect(notification.LambdaFunctionConfigurations!.map((c) => [c.Id, c.LambdaFunctionArn, c.Events])).toEqual([
      ["onDoc", fnStep.outputs.arn, ["s3:ObjectCreated:*"]],
    ]);
    const policy = JSON.parse((await sdk.clients.lambda.send(new GetPolicyCommand({ FunctionName: fnStep.id }))).Policy!);
    expect(policy.Statement.map((s: { Principal: unknown }) => s.Principal)).toEqual([{ Service: "s3.amazonaws.com" }]);
    const reported = (await sdk.clients.lambda.send(new GetFunctionCommand({ FunctionName: fnStep.id }))).Configuration!.CodeSha256;
    const zip = readFileSync(join(dir, ".closure-pack", "cache", `${String(fnStep.inputs.code)}.zip`));
    expect(reported).toBe(createHash("sha256").update(zip).digest("base64"));

    const calls: string[] = [];
    const second = await up({}, calls);
    expect(changes(second)).toEqual([]);
    expect(calls).toEqual(["sts:GetCallerIdentity"]);
  });

  test("function: memorySize is one in-place update without UpdateFunctionCode; new code is one UpdateFunctionCode", async () => {
    await up({});
    const calls: string[] = [];
    expect(changes(await up({ memorySize: 256 }, calls))).toEqual(["update aws:lambda:Function worker"]);
    expect(calls.filter((c) => c.startsWith("lambda:Update"))).toEqual(["lambda:UpdateFunctionConfiguration"]);
    calls.length = 0;
    expect(changes(await up({ memorySize: 256, code: "exports.handler = async () => 2;" }, calls))).toEqual(["update aws:lambda:Function worker"]);
    expect(calls.filter((c) => c.startsWith("lambda:Update"))).toEqual(["lambda:UpdateFunctionCode"]);
    expect(changes(await up({ memorySize: 256, code: "exports.handler = async () => 2;" }))).toEqual([]);
  });

  test("bucket: a new name replaces it, the new one made before the old one is deleted", async () => {
    const first = await up({});
    const old = first.steps.find((s) => s.type === "aws:s3:Bucket")!.id;
    const replaced = await up({ bucket: "renamed-docs" });
    expect(changes(replaced)).toEqual([
      "replace aws:s3:Bucket docs",
      "replace aws:lambda:Permission onDoc",
      "replace aws:s3:BucketNotification docs",
      "delete aws:s3:BucketNotification docs",
      "delete aws:lambda:Permission onDoc",
      "delete aws:s3:Bucket docs",
    ]);
    expect(await buckets()).toEqual(["renamed-docs"]);
    expect(old).not.toBe("renamed-docs");
    const notification = await sdk.clients.s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: "renamed-docs" }));
    expect(notification.LambdaFunctionConfigurations!.map((c) => c.Id)).toEqual(["onDoc"]);
    expect(changes(await up({ bucket: "renamed-docs" }))).toEqual([]);
  });

  test("get: a read bucket keeps the notification made outside the program, after up and after destroy", async () => {
    await sdk.clients.s3.send(new CreateBucketCommand({ Bucket: "shared" }));
    const foreign = { Id: "theirs", LambdaFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:theirs", Events: ["s3:ObjectRemoved:*" as const] };
    await sdk.clients.s3.send(
      new PutBucketNotificationConfigurationCommand({ Bucket: "shared", NotificationConfiguration: { LambdaFunctionConfigurations: [foreign] } }),
    );
    const first = await up({ existing: "shared" });
    expect(first.steps.find((s) => s.type === "aws:s3:Bucket")!.step).toBe("read");
    const ids = async () =>
      ((await sdk.clients.s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: "shared" }))).LambdaFunctionConfigurations ?? [])
        .map((c) => c.Id)
        .sort();
    expect(await ids()).toEqual(["onDoc", "theirs"]);
    await up(undefined);
    expect(await ids()).toEqual(["theirs"]);
    expect(await buckets()).toEqual(["shared"]);
  });

  test("get: an id that does not exist", async () => {
    await expect(up({ existing: "nope" })).rejects.toThrow(/aws:s3:Bucket "docs": get\(\) found no resource with id "nope"\nhint: check the id/);
  });

  test("destroy: no resource left", async () => {
    await up({});
    const destroyed = await up(undefined);
    expect(destroyed.steps.every((s) => s.step === "delete")).toBe(true);
    expect(await buckets()).toEqual([]);
    expect(await functions()).toEqual([]);
    expect((await sdk.clients.iam.send(new ListRolesCommand({}))).Roles ?? []).toEqual([]);
  });
});
