// Errors AWS returns, against moto_server behind a real HTTP proxy that
// answers chosen calls with AWS's errors: throttling is retried within the
// retry policy's bound (attempts counted at the proxy), access denied is not,
// a name taken by a resource the stack did not make is refused rather than
// adopted; each ends as one whole message naming the resource and the AWS
// code, and the next up (the fault gone) ends with exactly the program's
// resources.
import { CreateBucketCommand, GetBucketTaggingCommand, ListBucketsCommand } from "@aws-sdk/client-s3";
import { CreateFunctionCommand, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { CreateRoleCommand, GetRoleCommand, ListRolesCommand } from "@aws-sdk/client-iam";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as aws from "../src/index.js";
import { Deployment } from "../src/engine/deployment.js";
import type { Plan } from "../src/engine/plan.js";
import { readState } from "../src/engine/state.js";
import { createProviderContext, type ProviderContext } from "../src/provider/context.js";
import { DEFAULT_MAX_ATTEMPTS } from "../src/provider/retry-policy.js";
import type { Target } from "../src/provider/target.js";
import { jsonError, queryError, s3Error, startFaultProxy, type Fault, type FaultProxy } from "./support/fault-proxy.js";
import { hasMoto, startMoto, type Moto } from "./support/moto.js";
import { declare } from "./support/program.js";

const enabled = hasMoto();
let moto: Moto;
let proxy: FaultProxy;
let sdk: ProviderContext;
let dir: string;

beforeAll(async () => {
  if (!enabled) return;
  moto = await startMoto();
  proxy = await startFaultProxy(moto.endpoint);
  sdk = createProviderContext(
    { kind: "aws", region: "us-east-1", endpoint: moto.endpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" } },
    { stack: "t", project: "t" },
  );
});
afterAll(async () => {
  sdk?.destroy();
  await proxy?.stop();
  await moto?.stop();
});
beforeEach(async () => {
  if (!enabled) return;
  await moto.reset();
  proxy.faults = [];
  proxy.attempts.clear();
  dir = mkdtempSync(join(tmpdir(), "aws-errors-"));
  return () => rmSync(dir, { recursive: true, force: true });
});

interface Names {
  bucket?: string;
  role?: string;
  fn?: string;
}

function program(names: Names): void {
  new aws.s3.Bucket("docs", names.bucket === undefined ? {} : { bucket: names.bucket });
  const role = new aws.iam.Role("workerRole", names.role === undefined ? {} : { name: names.role });
  new aws.lambda.Function("worker", {
    code: new aws.asset.AssetArchive({ "index.js": new aws.asset.StringAsset("exports.handler = async () => 1;") }),
    runtime: "nodejs22.x",
    role,
    ...(names.fn === undefined ? {} : { name: names.fn }),
  });
}

async function up(names: Names, maxAttempts?: number): Promise<Plan> {
  const target: Target = {
    kind: "aws",
    region: "us-east-1",
    endpoint: proxy.endpoint,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
  };
  const resources = declare(() => program(names));
  const deployment = await Deployment.open({
    projectDir: dir,
    project: "errors",
    stack: "dev",
    target,
    command: "test",
    mutating: true,
    providerOptions: { retryDelayMs: 10 },
  });
  try {
    const plan = await deployment.plan(resources);
    await deployment.apply(plan, {});
    return plan;
  } finally {
    deployment.close();
  }
}

/** The account, through the SDK straight to moto. */
async function inventory(): Promise<string[]> {
  const buckets = ((await sdk.clients.s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => `bucket ${b.Name!}`);
  const roles = ((await sdk.clients.iam.send(new ListRolesCommand({}))).Roles ?? []).map((r) => `role ${r.RoleName!}`);
  const functions = ((await sdk.clients.lambda.send(new ListFunctionsCommand({}))).Functions ?? []).map((f) => `function ${f.FunctionName!}`);
  return [...buckets, ...roles, ...functions].sort();
}

/** What the state file says exists (and nothing pending). */
function declared(): string[] {
  const state = readState(dir, "dev")!;
  expect(state.pending).toEqual([]);
  const kinds: Record<string, string> = { "aws:s3:Bucket": "bucket", "aws:iam:Role": "role", "aws:lambda:Function": "function" };
  return state.resources.map((r) => `${kinds[r.type]} ${r.id}`).sort();
}

/** The next up (no fault) makes exactly the program's resources, and the one after plans nothing. */
async function expectRecovered(names: Names = {}): Promise<void> {
  proxy.faults = [];
  await up(names);
  expect(await inventory()).toEqual(declared());
  expect(declared()).toHaveLength(3);
  const again = await up(names);
  expect(again.steps.filter((s) => s.step !== "same")).toEqual([]);
}

const attempts = (count: number, max: number) => Array.from({ length: count }, (_, i) => `attempt=${i + 1}; max=${max}`);

interface Case {
  name: string;
  fault: Fault;
  maxAttempts?: number;
  /** The whole message, or undefined when the up succeeds. */
  message?: string;
  attempts: string[];
}

const CASES: Case[] = [
  {
    name: "throttling: Lambda answers TooManyRequestsException twice, the third attempt creates the function",
    fault: { call: "lambda:CreateFunction", times: 2, answer: jsonError(429, "TooManyRequestsException", "Rate exceeded") },
    attempts: attempts(3, DEFAULT_MAX_ATTEMPTS),
  },
  {
    name: "throttling: IAM answers Throttling to every CreateRole: the bound of attempts, then one message",
    fault: { call: "iam:CreateRole", times: Infinity, answer: queryError(400, "Throttling", "Rate exceeded") },
    maxAttempts: 3,
    message:
      'aws:iam:Role "workerRole": create failed after 3 attempts: Throttling: Rate exceeded\nhint: AWS throttled the calls and the retries ran out: run the command again later (completed steps are kept); AWS_MAX_ATTEMPTS allows more attempts',
    attempts: attempts(3, 3),
  },
  {
    name: "throttling: S3 answers SlowDown (503) to PutBucketTagging once",
    fault: { call: "s3:PutBucketTagging", times: 1, answer: s3Error(503, "SlowDown", "Please reduce your request rate.") },
    attempts: attempts(2, DEFAULT_MAX_ATTEMPTS),
  },
  {
    name: "access denied: S3 answers AccessDenied to CreateBucket: not retried",
    fault: { call: "s3:CreateBucket", times: Infinity, answer: s3Error(403, "AccessDenied", "Access Denied") },
    message: 'aws:s3:Bucket "docs": create failed: AccessDenied: Access Denied\nhint: check the credentials and permissions of the target',
    attempts: attempts(1, DEFAULT_MAX_ATTEMPTS),
  },
  {
    name: "access denied: IAM answers AccessDenied to CreateRole: not retried",
    fault: {
      call: "iam:CreateRole",
      times: Infinity,
      answer: queryError(403, "AccessDenied", "User: arn:aws:iam::123456789012:user/deployer is not authorized to perform: iam:CreateRole"),
    },
    message:
      'aws:iam:Role "workerRole": create failed: AccessDenied: User: arn:aws:iam::123456789012:user/deployer is not authorized to perform: iam:CreateRole\nhint: check the credentials and permissions of the target',
    attempts: attempts(1, DEFAULT_MAX_ATTEMPTS),
  },
];

describe.skipIf(!enabled)("errors AWS returns", () => {
  for (const { name, fault, maxAttempts, message, attempts: expected } of CASES) {
    test(name, async () => {
      proxy.faults = [fault];
      if (message === undefined) await up({}, maxAttempts);
      else await expect(up({}, maxAttempts)).rejects.toThrow(expect.objectContaining({ code: "CLOUD_ERROR", message }));
      expect(proxy.attempts.get(fault.call)).toEqual(expected);
      await expectRecovered();
    });
  }
});

describe.skipIf(!enabled)("a name taken", () => {
  test("name taken: a role of that name made outside the stack is refused, not adopted, and left alone", async () => {
    await sdk.clients.iam.send(new CreateRoleCommand({ RoleName: "shared-role", AssumeRolePolicyDocument: "{}" }));
    await expect(up({ role: "shared-role" })).rejects.toThrow(
      expect.objectContaining({
        code: "CLOUD_ERROR",
        message:
          'aws:iam:Role "workerRole": create failed: EntityAlreadyExists: Role with name shared-role already exists.\nhint: the name is taken by a resource this stack did not make: give the resource another name, or use the existing one with get()',
      }),
    );
    expect((await sdk.clients.iam.send(new GetRoleCommand({ RoleName: "shared-role" }))).Role!.Tags ?? []).toEqual([]);
    expect(readState(dir, "dev")!.resources.map((r) => r.id)).not.toContain("shared-role");
    await up({});
    expect(await inventory()).toEqual([...declared(), "role shared-role"].sort());
    expect((await sdk.clients.iam.send(new GetRoleCommand({ RoleName: "shared-role" }))).Role!.Tags ?? []).toEqual([]);
  });

  test("name taken: a bucket of that name this account made outside the stack is refused, its tags untouched", async () => {
    await sdk.clients.s3.send(new CreateBucketCommand({ Bucket: "shared-bucket" }));
    await expect(up({ bucket: "shared-bucket" })).rejects.toThrow(
      expect.objectContaining({
        code: "CLOUD_ERROR",
        message:
          'aws:s3:Bucket "docs": create failed: BucketAlreadyOwnedByYou: bucket shared-bucket exists in this account and was not made by this stack\nhint: the name is taken by a resource this stack did not make: give the resource another name, or use the existing one with get()',
      }),
    );
    await expect(sdk.clients.s3.send(new GetBucketTaggingCommand({ Bucket: "shared-bucket" }))).rejects.toThrow(
      expect.objectContaining({ name: "NoSuchTagSet" }),
    );
    expect(readState(dir, "dev")!.resources.map((r) => r.id)).not.toContain("shared-bucket");
    await up({});
    expect(await inventory()).toEqual([...declared(), "bucket shared-bucket"].sort());
  });

  test("name taken: a function of that name made outside the stack is refused, not updated", async () => {
    const role = await sdk.clients.iam.send(new CreateRoleCommand({ RoleName: "theirs", AssumeRolePolicyDocument: "{}" }));
    const zip = Buffer.from("UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==", "base64");
    const made = await sdk.clients.lambda.send(
      new CreateFunctionCommand({ FunctionName: "shared-fn", Role: role.Role!.Arn!, Runtime: "nodejs20.x", Handler: "index.handler", Code: { ZipFile: zip } }),
    );
    await expect(up({ fn: "shared-fn" })).rejects.toThrow(
      expect.objectContaining({
        code: "CLOUD_ERROR",
        message:
          'aws:lambda:Function "worker": create failed: ResourceConflictException: Function already exist: shared-fn\nhint: the name is taken by a resource this stack did not make: give the resource another name, or use the existing one with get()',
      }),
    );
    const after = (await sdk.clients.lambda.send(new ListFunctionsCommand({}))).Functions!.find((f) => f.FunctionName === "shared-fn")!;
    expect([after.CodeSha256, after.Runtime]).toEqual([made.CodeSha256, "nodejs20.x"]);
    await up({});
    expect(await inventory()).toEqual([...declared(), "function shared-fn", "role theirs"].sort());
  });
});
