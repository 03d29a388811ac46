// Against moto_server: every resource the provider creates that AWS can tag
// (buckets, functions, roles, queues, HTTP APIs) carries the stack's tags,
// and nothing in the account is untagged; destroy leaves none. Replacement
// makes the new resource before deleting the old one when the name allows
// it (the calls' order, seen by the provider's call observer), and deletes
// first when the new one must have the old one's name.
import { GetBucketTaggingCommand, ListBucketsCommand } from "@aws-sdk/client-s3";
import { ListFunctionsCommand, ListTagsCommand } from "@aws-sdk/client-lambda";
import { ListRolesCommand, ListRoleTagsCommand } from "@aws-sdk/client-iam";
import { ListQueuesCommand, ListQueueTagsCommand } from "@aws-sdk/client-sqs";
import { GetApisCommand } from "@aws-sdk/client-apigatewayv2";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as aws from "../src/index.js";
import { Deployment } from "../src/engine/deployment.js";
import type { Plan } from "../src/engine/plan.js";
import { readState } from "../src/engine/state.js";
import { createProviderContext, type ProviderContext } from "../src/provider/context.js";
import type { Target } from "../src/provider/target.js";
import { hasMoto, startMoto, type Moto } from "./support/moto.js";
import { declare } from "./support/program.js";

const enabled = hasMoto();
let moto: Moto;
let sdk: ProviderContext;
let target: Target;
let dir: string;

beforeAll(async () => {
  if (!enabled) return;
  moto = await startMoto();
  target = { kind: "aws", region: "us-east-1", endpoint: moto.endpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" } };
  sdk = createProviderContext(target, { stack: "t", project: "t" });
});
afterAll(async () => {
  sdk?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  if (!enabled) return;
  await moto.reset();
  dir = mkdtempSync(join(tmpdir(), "aws-tags-"));
  return () => rmSync(dir, { recursive: true, force: true });
});

const code = () => new aws.asset.AssetArchive({ "index.js": new aws.asset.StringAsset("exports.handler = async () => 1;") });

/** One of each taggable kind, with the sub-resources that tie them together. */
function everything(): void {
  const docs = new aws.s3.Bucket("docs");
  const worker = new aws.lambda.Function("worker", { code: code(), runtime: "nodejs22.x", timeout: 30 });
  docs.onObjectCreated("onDoc", worker);
  new aws.sqs.Queue("jobs", { tags: { team: "data" } }).onEvent("onJob", worker);
  new aws.apigateway.API("shop", { routes: [{ path: "/items", method: "GET", eventHandler: worker }] });
}

async function up(build: (() => void) | undefined, calls: string[] = []): Promise<Plan> {
  const resources = declare(() => build?.());
  const deployment = await Deployment.open({
    projectDir: dir,
    project: "tags",
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

type Tags = Record<string, string>;

/** Every taggable resource in the account, `kind physical-id`, with its tags. */
async function tagged(): Promise<Record<string, Tags>> {
  const found: Record<string, Tags> = {};
  for (const bucket of (await sdk.clients.s3.send(new ListBucketsCommand({}))).Buckets ?? []) {
    const tags = await sdk.clients.s3.send(new GetBucketTaggingCommand({ Bucket: bucket.Name! })).catch(() => ({ TagSet: [] }));
    found[`bucket ${bucket.Name!}`] = Object.fromEntries((tags.TagSet ?? []).map((t) => [t.Key!, t.Value!]));
  }
  for (const fn of (await sdk.clients.lambda.send(new ListFunctionsCommand({}))).Functions ?? []) {
    found[`function ${fn.FunctionName!}`] = (await sdk.clients.lambda.send(new ListTagsCommand({ Resource: fn.FunctionArn! }))).Tags ?? {};
  }
  for (const role of (await sdk.clients.iam.send(new ListRolesCommand({}))).Roles ?? []) {
    const tags = (await sdk.clients.iam.send(new ListRoleTagsCommand({ RoleName: role.RoleName! }))).Tags ?? [];
    found[`role ${role.RoleName!}`] = Object.fromEntries(tags.map((t) => [t.Key!, t.Value!]));
  }
  for (const url of (await sdk.clients.sqs.send(new ListQueuesCommand({}))).QueueUrls ?? []) {
    found[`queue ${url.slice(url.lastIndexOf("/") + 1)}`] = (await sdk.clients.sqs.send(new ListQueueTagsCommand({ QueueUrl: url }))).Tags ?? {};
  }
  for (const api of (await sdk.clients.apigatewayv2.send(new GetApisCommand({}))).Items ?? []) found[`api ${api.Name!}`] = api.Tags ?? {};
  return found;
}

const KINDS: Record<string, string> = {
  "aws:s3:Bucket": "bucket",
  "aws:lambda:Function": "function",
  "aws:iam:Role": "role",
  "aws:sqs:Queue": "queue",
  "aws:apigatewayv2:Api": "api",
};

/** What the state says exists of the taggable kinds, with the tags each must carry. */
function expectedTags(extra: Record<string, Tags> = {}): Record<string, Tags> {
  const state = readState(dir, "dev")!;
  const kept = state.resources.filter((r) => KINDS[r.type] !== undefined);
  return Object.fromEntries(
    kept.map((r) => [
      `${KINDS[r.type]} ${r.id}`,
      { ...extra[r.name], "closure-pack:project": "tags", "closure-pack:stack": "dev", "closure-pack:name": r.name },
    ]),
  );
}

describe.skipIf(!enabled)("tags", () => {
  test("tags: every taggable resource of an up carries the stack's tags, nothing in the account is untagged; destroy leaves none", async () => {
    await up(everything);
    const expected = expectedTags({ jobs: { team: "data" } });
    expect(
      Object.keys(expected)
        .map((key) => key.split(" ")[0])
        .sort(),
    ).toEqual(["api", "bucket", "function", "queue", "role"]);
    expect(await tagged()).toEqual(expected);
    await up(undefined);
    expect(await tagged()).toEqual({});
  });
});

interface Replacement {
  name: string;
  before: () => void;
  after: () => void;
  /** The two calls, in the order they must happen. */
  order: [string, string];
  /** The plan's replace and delete steps. */
  steps: string[];
}

const REPLACEMENTS: Replacement[] = [
  {
    name: "replace: a bucket's new name is created before the old bucket is deleted",
    before: () => new aws.s3.Bucket("docs", { bucket: "docs-one" }),
    after: () => new aws.s3.Bucket("docs", { bucket: "docs-two" }),
    order: ["s3:CreateBucket", "s3:DeleteBucket"],
    steps: ["replace", "delete"],
  },
  {
    name: "replace: a function's new name is created before the old function is deleted",
    before: () => new aws.lambda.Function("worker", { code: code(), runtime: "nodejs22.x", name: "worker-one" }),
    after: () => new aws.lambda.Function("worker", { code: code(), runtime: "nodejs22.x", name: "worker-two" }),
    order: ["lambda:CreateFunction", "lambda:DeleteFunction"],
    steps: ["replace", "delete"],
  },
  {
    name: "replace: a role's new name is created before the old role is deleted",
    before: () => new aws.iam.Role("runner", { name: "runner-one" }),
    after: () => new aws.iam.Role("runner", { name: "runner-two" }),
    order: ["iam:CreateRole", "iam:DeleteRole"],
    steps: ["replace", "delete"],
  },
  {
    name: "replace: a role keeping its given name on a new path is deleted first (IAM names are unique)",
    before: () => new aws.iam.Role("runner", { name: "runner", path: "/one/" }),
    after: () => new aws.iam.Role("runner", { name: "runner", path: "/two/" }),
    order: ["iam:DeleteRole", "iam:CreateRole"],
    // The replace deletes the old role itself: no delete step, which would take the new one.
    steps: ["replace"],
  },
];

describe.skipIf(!enabled)("replacement", () => {
  for (const { name, before, after, order, steps } of REPLACEMENTS) {
    test(name, async () => {
      await up(before);
      const calls: string[] = [];
      const plan = await up(after, calls);
      expect(plan.steps.filter((s) => s.step === "replace" || s.step === "delete").map((s) => s.step)).toEqual(steps);
      const [first, second] = order.map((call) => calls.indexOf(call));
      expect(first).toBeGreaterThanOrEqual(0);
      expect(second).toBeGreaterThan(first!);
      expect(await tagged()).toEqual(expectedTags());
      expect((await up(after)).steps.filter((s) => s.step !== "same")).toEqual([]);
    });
  }
});
