// The deploy commands end to end against moto_server (--target aws with
// AWS_ENDPOINT_URL): the seed program's up, no-change up, one-handler edit,
// preview, stack output, logs and destroy; kill -9 of up at several points
// and up again; the lock; and the bad inputs, each a whole message.
import { GetBucketNotificationConfigurationCommand, ListBucketsCommand } from "@aws-sdk/client-s3";
import { GetPolicyCommand, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { ListRolePoliciesCommand, ListRolesCommand } from "@aws-sdk/client-iam";
import { CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { createProviderContext, type ProviderContext, type StackState } from "@closure-pack/aws/engine";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readZip } from "@closure-pack/pack";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { hasMoto, startMoto, type Moto } from "../../aws/test/support/moto.js";
import { BIN } from "./support/cli.js";
import { createProject, killHard, type Project } from "./support/deploy.js";

const enabled = hasMoto();
let moto: Moto;
let sdk: ProviderContext;
let env: NodeJS.ProcessEnv;
let project: Project;

beforeAll(async () => {
  if (!enabled) return;
  moto = await startMoto();
  env = { AWS_ENDPOINT_URL: moto.endpoint, AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "us-east-1" };
  sdk = createProviderContext(
    { kind: "aws", region: "us-east-1", endpoint: moto.endpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" } },
    { stack: "t", project: "t" },
  );
});
afterAll(async () => {
  sdk?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  if (!enabled) return;
  await moto.reset();
  project = createProject("seed", env);
  return () => project.remove();
});

const UP = ["up", "index.ts", "--target", "aws", "--yes"];

function state(): StackState {
  return JSON.parse(project.read(".closure-pack/stacks/dev.json")) as StackState;
}

/** What exists in the account, through the SDK. */
async function inventory(): Promise<Record<string, string[]>> {
  const buckets = ((await sdk.clients.s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name!);
  const functions = ((await sdk.clients.lambda.send(new ListFunctionsCommand({}))).Functions ?? []).map((f) => f.FunctionName!);
  const roles = ((await sdk.clients.iam.send(new ListRolesCommand({}))).Roles ?? []).map((r) => r.RoleName!);
  const policies = (
    await Promise.all(
      roles.map(async (role) => ((await sdk.clients.iam.send(new ListRolePoliciesCommand({ RoleName: role }))).PolicyNames ?? []).map((p) => `${role}:${p}`)),
    )
  ).flat();
  const statements = (
    await Promise.all(
      functions.map(async (fn) => {
        const policy = await sdk.clients.lambda.send(new GetPolicyCommand({ FunctionName: fn })).catch(() => ({ Policy: "{}" }));
        return ((JSON.parse(policy.Policy ?? "{}") as { Statement?: Array<{ Sid: string }> }).Statement ?? []).map((s) => `${fn}:${s.Sid}`);
      }),
    )
  ).flat();
  const notifications = (
    await Promise.all(
      buckets.map(async (bucket) =>
        ((await sdk.clients.s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }))).LambdaFunctionConfigurations ?? []).map(
          (c) => `${bucket}:${c.Id}`,
        ),
      ),
    )
  ).flat();
  return { buckets, functions, roles, policies, statements, notifications };
}

/** What the state says should exist. */
function declared(): Record<string, string[]> {
  const ids = (type: string) =>
    state()
      .resources.filter((r) => r.type === type)
      .map((r) => r.id);
  const bucket = ids("aws:s3:Bucket");
  return {
    buckets: bucket,
    functions: ids("aws:lambda:Function"),
    roles: ids("aws:iam:Role"),
    policies: ids("aws:iam:RolePolicy"),
    statements: ids("aws:lambda:Permission"),
    notifications: bucket.map((b) => `${b}:docsHandler`),
  };
}

describe.skipIf(!enabled)("deploy commands against moto", () => {
  test("seed: up, no-change up, one-handler edit, outputs, destroy", async () => {
    const first = await project.run(UP);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("+ 6 to create\n");
    expect(await inventory()).toEqual(declared());
    const bucket = (await project.run(["stack", "output", "docsBucketName"])).stdout.trim();
    expect(bucket).toMatch(/^docs-[0-9a-f]{7}$/);

    const again = await project.run(["up", "index.ts", "--yes"]);
    expect(again.stdout).toContain("no changes\n6 unchanged\n");

    // Another clone: another folder, the state but no cache (ignored by git), plans nothing.
    const clone = createProject("seed", env);
    try {
      cpSync(join(project.dir, ".closure-pack", "stacks"), join(clone.dir, ".closure-pack", "stacks"), { recursive: true });
      expect(project.read(".closure-pack/.gitignore")).toContain("cache/\n");
      expect((await clone.run(["up", "index.ts", "--yes"])).stdout).toContain("no changes\n6 unchanged\n");
    } finally {
      clone.remove();
    }

    project.write("index.ts", project.read("index.ts").replace("Hello from Lambda", "Goodbye from Lambda"));
    const preview = await project.run(["preview", "index.ts", "--json"]);
    expect(JSON.parse(preview.stdout).changes).toEqual({ create: 0, update: 1, replace: 0, delete: 0, read: 0, same: 5 });
    const edited = await project.run(["up", "index.ts", "--yes", "--diff"]);
    expect(edited.stdout).toContain("  aws:lambda:Function        docsHandler  update\n      code: ");
    expect(edited.stdout).toContain("~ 1 to update\n5 unchanged\n");

    const destroyed = await project.run(["destroy", "index.ts", "--yes"]);
    expect(destroyed.stdout).toContain("- 6 to delete\n");
    expect(await inventory()).toEqual({ buckets: [], functions: [], roles: [], policies: [], statements: [], notifications: [] });
    expect((await project.run(["stack", "ls"])).stdout).toBe("dev  aws:us-east-1  0 resources\n");
  }, 300_000);

  test("kill -9: up killed around each mutating call, then up again, ends with exactly the declared resources", async () => {
    for (const point of [1, 2, 5, 8, 11, 12]) {
      await moto.reset();
      project.remove();
      project = createProject("seed", env);
      const child = await project.startUntil(UP, `test kill point ${point} reached`, { CLOSURE_PACK_TEST_KILL_POINT: String(point) });
      await killHard(child);
      const rerun = await project.run(UP);
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(state().pending).toEqual([]);
      expect({ point, ...(await inventory()) }).toEqual({ point, ...declared() });
      expect((await project.run(UP)).stdout).toContain("no changes\n");
    }
  }, 300_000);

  test("target: --profile takes the credentials of a named profile", async () => {
    project.write("credentials", "[bench]\naws_access_key_id = test\naws_secret_access_key = test\n");
    const env = {
      AWS_ACCESS_KEY_ID: "",
      AWS_SECRET_ACCESS_KEY: "",
      AWS_SHARED_CREDENTIALS_FILE: join(project.dir, "credentials"),
      AWS_CONFIG_FILE: "/nonexistent",
    };
    const run = await project.run([...UP, "--profile", "bench"], env);
    expect(run.code, run.stderr).toBe(0);
    expect(await inventory()).toEqual(declared());
  });

  test("target: without --region or AWS_REGION, the region of the profile's section in the shared config file", async () => {
    project.write("credentials", "[far]\naws_access_key_id = test\naws_secret_access_key = test\n");
    project.write("config", "[profile far]\nregion = eu-west-3\n");
    // undefined leaves the variable out of the child's environment.
    const env = {
      AWS_REGION: undefined,
      AWS_ACCESS_KEY_ID: "",
      AWS_SECRET_ACCESS_KEY: "",
      AWS_SHARED_CREDENTIALS_FILE: join(project.dir, "credentials"),
      AWS_CONFIG_FILE: join(project.dir, "config"),
    };
    const run = await project.run([...UP, "--profile", "far"], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Updating stack "dev" (aws:eu-west-3):');
    expect((await project.run(["stack", "ls"])).stdout).toBe("dev  aws:eu-west-3  6 resources\n");
    expect((await project.run(["destroy", "index.ts", "--profile", "far", "--yes"], env)).code).toBe(0);
  });

  test("lock: a second up fails at once naming the holder; a dead holder's lock is taken over", async () => {
    const holder = await project.startUntil(UP, "test kill point 1 reached", { CLOSURE_PACK_TEST_KILL_POINT: "1" });
    const second = await project.run(UP);
    expect(second.code).toBe(1);
    expect(second.stderr.replace(/pid \d+ on [^)]+/, "pid P on H")).toBe(
      'stack "dev": is locked by "closure-pack up" (pid P on H)\nhint: wait for it to finish; if that process is gone on another machine, remove the .lock file beside the stack\'s state\n',
    );
    await killHard(holder);
    expect((await project.run(UP)).code).toBe(0);
  });

  test("logs: the functions' lines, merged by time, with their logical names", async () => {
    await project.run(UP);
    const fn = declared().functions![0];
    const group = `/aws/lambda/${fn!}`;
    await sdk.clients.logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    await sdk.clients.logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: "s" }));
    const now = Date.now();
    await sdk.clients.logs.send(
      new PutLogEventsCommand({
        logGroupName: group,
        logStreamName: "s",
        logEvents: [
          { timestamp: now - 2000, message: "first\n" },
          { timestamp: now - 1000, message: "second" },
        ],
      }),
    );
    const logs = await project.run(["logs", "--since", "1m"]);
    expect(logs.stdout).toBe(`${new Date(now - 2000).toISOString()}[docsHandler] first\n${new Date(now - 1000).toISOString()}[docsHandler] second\n`);
    const json = await project.run(["logs", "--since", "1m", "--resource", "docsHandler", "--json"]);
    expect(
      json.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([
      { time: new Date(now - 2000).toISOString(), function: "docsHandler", message: "first" },
      { time: new Date(now - 1000).toISOString(), function: "docsHandler", message: "second" },
    ]);
    expect((await project.run(["logs", "--since", "1s"])).stdout).toBe("");
    const unknown = await project.run(["logs", "--resource", "nope"]);
    expect(unknown.stderr).toBe('stack "dev": has no function named "nope"\nhint: --resource takes a function\'s name as the program gives it\n');
  });

  test("captures: a function gets the deployed values of the outputs and resources it captures, and depends on them", async () => {
    project.remove();
    project = createProject("captures", env);
    expect((await project.run(UP)).code).toBe(0);
    const run = async () => {
      const fn = state().resources.find((r) => r.type === "aws:lambda:Function")!;
      const entries = await readZip(readFileSync(join(project.dir, ".closure-pack", "cache", `${String(fn.inputs.code)}.zip`)));
      const text = Buffer.from(entries.find((e) => e.path === "index.js")!.bytes).toString("utf8");
      writeFileSync(join(project.dir, "unzipped.cjs"), text);
      const out = spawnSync(process.execPath, ["-e", "require('./unzipped.cjs').handler().then((r) => console.log(JSON.stringify(r)))"], {
        cwd: project.dir,
        encoding: "utf8",
      });
      return { fn, text, result: JSON.parse(out.stdout) as unknown };
    };
    const ids = () =>
      Object.fromEntries(
        state()
          .resources.filter((r) => r.type === "aws:s3:Bucket")
          .map((r) => [r.name, r.id]),
      );
    const first = await run();
    expect(first.result).toEqual({ docs: ids().docs, other: `arn:aws:s3:::${ids().other}`, upper: `ARN:AWS:S3:::${ids().other!.toUpperCase()}` });
    expect(first.text).not.toContain("closure-pack.aws");
    expect(first.fn.dependencies).toEqual(expect.arrayContaining(["aws:s3:Bucket::docs", "aws:s3:Bucket::other"]));
    const renamed = await project.run(UP, { OTHER_BUCKET: "renamed-other" });
    expect(renamed.stdout).toContain("  aws:lambda:Function  reader  update\n");
    expect((await run()).result).toEqual({ docs: ids().docs, other: "arn:aws:s3:::renamed-other", upper: "ARN:AWS:S3:::RENAMED-OTHER" });
  }, 300_000);

  test("up: on a terminal it asks; no changes nothing, yes applies", async () => {
    const ask = (answer: string) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        // script(1) gives the command a terminal; our pipe types into it.
        const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} up index.ts --target aws`;
        const child = spawn("script", ["-qefc", command, "/dev/null"], { cwd: project.dir, env: { PATH: process.env.PATH, NO_COLOR: "1", ...env } });
        let out = "";
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
          const asked = out.includes("(yes/no)");
          out += chunk;
          if (!asked && out.includes("(yes/no)")) child.stdin.write(`${answer}\n`);
        });
        child.once("exit", (code) => resolve({ code, out }));
      });
    const refused = await ask("no");
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("Do you want to perform this update? (yes/no) ");
    expect((await inventory()).buckets).toEqual([]);
    const accepted = await ask("yes");
    expect(accepted.code).toBe(0);
    expect(await inventory()).toEqual(declared());
  });

  test("up: without a terminal and without --yes, nothing is applied, exit 2", async () => {
    const run = await project.run(["up", "index.ts", "--target", "aws"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'closure-pack: not applying without --yes: there is no terminal to ask\nhint: review the plan with "closure-pack preview", then run again with --yes\n',
    );
    expect((await inventory()).buckets).toEqual([]);
  });
});

const BAD: Array<{ name: string; args: string[]; stderr: string; env?: NodeJS.ProcessEnv }> = [
  {
    name: "bad input: a program that throws while loading",
    args: ["up", "throws.ts", "--target", "aws", "--yes"],
    stderr:
      "throws.ts: threw while loading: TypeError: Cannot read properties of undefined (reading 'toUpperCase')\n    at <anonymous> (throws.ts:5:38)\nhint: the program runs when it is planned: fix it where the stack above points, then run the command again\n",
  },
  {
    name: "bad input: two resources with the same name",
    args: ["up", "duplicate.ts", "--target", "aws", "--yes"],
    stderr:
      'duplicate.ts:4: aws:s3:Bucket "docs" is declared twice (first at duplicate.ts:3)\nhint: names are unique per resource type: give one of them another name\n',
  },
  {
    name: "bad input: a handler that cannot be serialized",
    args: ["up", "generator.ts", "--target", "aws", "--yes"],
    stderr:
      "docsHandler: handler -> counter.ids: cannot serialize a suspended generator object\nhint: capture the generator function and create the generator inside the handler\n",
  },
  {
    name: "bad input: get of an id that does not exist",
    args: ["up", "missing.ts", "--target", "aws", "--yes"],
    stderr:
      "missing.ts:3: aws:s3:Bucket \"shared\": get() found no resource with id \"no-such-bucket\"\nhint: check the id (a bucket's or function's name, a role's name) and the target's account and region\n",
  },
  {
    name: "bad input: no credentials for the target",
    args: ["up", "duplicate.ts", "--target", "aws", "--yes"],
    env: { AWS_ACCESS_KEY_ID: "", AWS_SECRET_ACCESS_KEY: "", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent", AWS_CONFIG_FILE: "/nonexistent" },
    stderr:
      "target aws:us-east-1: reading the account (STS GetCallerIdentity) failed: CredentialsProviderError: Could not load credentials from any providers\nhint: check the credentials and permissions of the target\n",
  },
  {
    name: "bad input: a profile that does not exist",
    args: ["up", "duplicate.ts", "--target", "aws", "--profile", "nope", "--yes"],
    env: { AWS_ACCESS_KEY_ID: "", AWS_SECRET_ACCESS_KEY: "", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent", AWS_CONFIG_FILE: "/nonexistent" },
    stderr:
      "target aws:us-east-1: reading the account (STS GetCallerIdentity) failed: CredentialsProviderError: Could not load credentials from any providers\nhint: check the credentials and permissions of the target\n",
  },
  {
    name: "bad input: AWS_MAX_ATTEMPTS that is not a whole number",
    args: ["up", "duplicate.ts", "--target", "aws", "--yes"],
    env: { AWS_MAX_ATTEMPTS: "lots" },
    stderr: 'AWS_MAX_ATTEMPTS: must be a whole number from 1 to 100, got "lots"\nhint: unset it for closure-pack\'s default of 8 attempts per call\n',
  },
  {
    name: "bad input: an unknown stack",
    args: ["stack", "output", "--stack", "prod"],
    stderr:
      'stack "prod": has no state here (.closure-pack/stacks/ beside the program)\nhint: deploy it first: closure-pack up <program> --stack <name>, or run from the program\'s folder (--dir)\n',
  },
];

describe.skipIf(!enabled)("bad input", () => {
  test.each(BAD)("$name", async ({ args, stderr, env: extra }) => {
    project.remove();
    project = createProject("bad", env);
    const run = await project.run(args, extra);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(stderr);
    expect(await inventory()).toEqual({ buckets: [], functions: [], roles: [], policies: [], statements: [], notifications: [] });
  });

  test("bad input: a corrupt state file is refused and left as it is", async () => {
    await project.run(UP);
    project.write(".closure-pack/stacks/dev.json", "{ not json");
    const run = await project.run(UP);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      ".closure-pack/stacks/dev.json: the state file is not valid JSON\nhint: restore it from version control or a backup; closure-pack never overwrites a state file it cannot read\n",
    );
    expect(project.read(".closure-pack/stacks/dev.json")).toBe("{ not json");
  });
});
