// Invoke over the wire: functions really run (one runtime pool per function),
// with their settings and the local cloud's endpoint and credentials, the AWS
// SDK importable unbundled, Lambda's answers for results, errors and log
// tails; new code replaces the pool while running invocations finish on the
// old one; delete and kill -9 leave no function process behind.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  InvokeCommand,
  PutFunctionConcurrencyCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  type InvokeCommandOutput,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli, clientsFor, type Clients } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { createFixtureFunction, ensureRole, fixtureZip, ROLE_ARN, zipOf } from "./helpers/functions.js";
import { s3Client } from "./helpers/s3-clients.js";

let daemon: DaemonProcess;
let aws: Clients;

beforeAll(async () => {
  daemon = await startDaemon();
  aws = clientsFor(daemon.endpoint);
});

afterAll(async () => {
  aws.destroy();
  await daemon.stop();
  removeDataDir(daemon.dataDir);
});

function payloadOf(output: InvokeCommandOutput): unknown {
  return JSON.parse(Buffer.from(output.Payload ?? new Uint8Array()).toString("utf8"));
}

function invoke(name: string, event: unknown, extra: Partial<ConstructorParameters<typeof InvokeCommand>[0]> = {}): Promise<InvokeCommandOutput> {
  return aws.lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from(JSON.stringify(event)), ...extra }));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The file's text once it exists and is not empty. */
async function waitForFile(path: string): Promise<string> {
  for (;;) {
    try {
      const text = readFileSync(path, "utf8");
      if (text !== "") return text;
    } catch {
      // Not written yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function waitUntilGone(pids: number[]): Promise<void> {
  while (pids.some(isAlive)) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe("invoke", () => {
  it("request-response: the handler's value, its context, and the local cloud's endpoint and credentials", async () => {
    await createFixtureFunction(aws, "echo", "echo", { MemorySize: 256, Environment: { Variables: { STAGE: "dev" } } });
    const output = await invoke("echo", { hello: "world" });
    expect([output.StatusCode, output.ExecutedVersion, output.FunctionError]).toEqual([200, "$LATEST", undefined]);
    expect(payloadOf(output)).toMatchObject({
      event: { hello: "world" },
      functionName: "echo",
      invokedFunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:echo",
      memory: "256",
      env: {
        STAGE: "dev",
        AWS_ENDPOINT_URL: daemon.endpoint,
        AWS_REGION: "us-east-1",
        AWS_ACCESS_KEY_ID: "test",
        AWS_SECRET_ACCESS_KEY: "test",
        AWS_LAMBDA_LOG_GROUP_NAME: "/aws/lambda/echo",
      },
    });
  });

  it("sdk: a function calls the local cloud with the AWS SDK it did not bundle", async () => {
    await createFixtureFunction(aws, "sdk", "sdk");
    expect(payloadOf(await invoke("sdk", {}))).toEqual({ account: "000000000000" });
  });

  it("sdk: an @aws-sdk client nobody installed fails to load with a hint saying how to provide it", async () => {
    await ensureRole(aws);
    const zip = await zipOf({
      "index.mjs": 'import { TextractClient } from "@aws-sdk/client-textract";\nexport const handler = async () => typeof TextractClient;\n',
    });
    await aws.lambda.send(
      new CreateFunctionCommand({ FunctionName: "no-textract", Runtime: "nodejs22.x", Role: ROLE_ARN, Handler: "index.handler", Code: { ZipFile: zip } }),
    );
    const output = await invoke("no-textract", {});
    expect(output.FunctionError).toBe("Unhandled");
    const error = payloadOf(output) as { errorType: string; errorMessage: string };
    expect(error.errorType).toBe("Runtime.ImportModuleError");
    expect(error.errorMessage.split("\n").at(-1)).toBe(
      "hint: Lambda's Node.js runtimes include @aws-sdk/client-textract; closure-pack gives functions the @aws-sdk packages installed in your project or beside closure-pack, and @aws-sdk/client-textract is in neither: install it (npm install @aws-sdk/client-textract), or bundle it into the function",
    );
  });

  it("code: a function's zip read from S3 (S3Bucket and S3Key)", async () => {
    await ensureRole(aws);
    const s3 = s3Client(daemon.endpoint);
    try {
      await s3.send(new CreateBucketCommand({ Bucket: "code-bucket" }));
      await s3.send(new PutObjectCommand({ Bucket: "code-bucket", Key: "fn/echo.zip", Body: await fixtureZip("echo") }));
      const created = await aws.lambda.send(
        new CreateFunctionCommand({
          FunctionName: "from-s3",
          Runtime: "nodejs22.x",
          Role: ROLE_ARN,
          Handler: "index.handler",
          Code: { S3Bucket: "code-bucket", S3Key: "fn/echo.zip" },
        }),
      );
      expect(created.CodeSha256).toBe(
        createHash("sha256")
          .update(await fixtureZip("echo"))
          .digest("base64"),
      );
      expect(payloadOf(await invoke("from-s3", { via: "s3" }))).toMatchObject({ event: { via: "s3" } });
      await expect(
        aws.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: "from-s3", S3Bucket: "code-bucket", S3Key: "fn/missing.zip" })),
      ).rejects.toMatchObject({
        name: "InvalidParameterValueException",
        message:
          "Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist. (s3://code-bucket/fn/missing.zip)",
      });
    } finally {
      s3.destroy();
    }
  });

  it("logs: a line is readable while the function that wrote it still runs", async () => {
    await ensureRole(aws);
    const dir = mkdtempSync(join(tmpdir(), "cloud-signal-"));
    try {
      const zip = await zipOf({
        "index.mjs":
          'import { existsSync } from "node:fs";\nexport const handler = async (e) => { console.log("first line"); while (!existsSync(e.release)) await new Promise((r) => setTimeout(r, 10)); return "done"; };\n',
      });
      await aws.lambda.send(
        new CreateFunctionCommand({
          FunctionName: "writes-early",
          Runtime: "nodejs22.x",
          Role: ROLE_ARN,
          Handler: "index.handler",
          Code: { ZipFile: zip },
          Timeout: 60,
        }),
      );
      let finished = false;
      const running = invoke("writes-early", { release: join(dir, "release") }).then((output) => ((finished = true), output));
      const seen = async () => {
        const page = await aws.logs
          .send(new FilterLogEventsCommand({ logGroupName: "/aws/lambda/writes-early", filterPattern: '"first line"' }))
          .catch(() => ({ events: [] }));
        return (page.events ?? []).length > 0;
      };
      while (!(await seen())) await new Promise((resolve) => setTimeout(resolve, 10));
      // The handler waits for the release file: it cannot have finished yet.
      expect(finished).toBe(false);
      writeFileSync(join(dir, "release"), "");
      expect(payloadOf(await running)).toBe("done");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("error: X-Amz-Function-Error Unhandled, the error as the payload, and the log tail", async () => {
    await createFixtureFunction(aws, "fail", "fail");
    const output = await invoke("fail", { reason: "tested" }, { LogType: "Tail" });
    expect([output.StatusCode, output.FunctionError]).toEqual([200, "Unhandled"]);
    expect(payloadOf(output)).toMatchObject({
      errorType: "BoomError",
      errorMessage: "boom: tested",
      trace: expect.arrayContaining([expect.stringMatching(/^BoomError: boom: tested/)]),
    });
    const tail = Buffer.from(output.LogResult!, "base64").toString("utf8").split("\n");
    expect(tail[0]).toMatch(/^START RequestId: [0-9a-f-]{36} Version: \$LATEST$/);
    expect(tail[1]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z\t[0-9a-f-]{36}\tINFO\tabout to fail {"reason":"tested"}$/);
    expect(tail.some((line) => line.startsWith("END RequestId: "))).toBe(true);
    expect(tail.some((line) => line.startsWith("REPORT RequestId: "))).toBe(true);
  });

  it("types: DryRun answers 204 and Event 202, without running the function now", async () => {
    await createFixtureFunction(aws, "types", "echo");
    expect((await invoke("types", {}, { InvocationType: "DryRun" })).StatusCode).toBe(204);
    expect((await invoke("types", {}, { InvocationType: "Event" })).StatusCode).toBe(202);
  });

  it("update: new code runs next, while an invocation already running finishes on the old code", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cloud-signal-"));
    try {
      await createFixtureFunction(aws, "versioned", "sleep", { Environment: { Variables: { TAG: "old" } } });
      const running = invoke("versioned", { ms: 1500, signal: join(dir, "started") });
      await waitForFile(join(dir, "started"));
      await aws.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: "versioned", Environment: { Variables: { TAG: "new" } } }));
      expect(payloadOf(await invoke("versioned", {}))).toMatchObject({ tag: "new" });
      expect(payloadOf(await running)).toMatchObject({ tag: "old" });
      const zip = await zipOf({ "index.mjs": 'export const handler = async () => "new code";' });
      await aws.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: "versioned", ZipFile: zip }));
      expect(payloadOf(await invoke("versioned", {}))).toBe("new code");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("delete: the function's instances end", async () => {
    await createFixtureFunction(aws, "doomed", "echo");
    const { pid } = payloadOf(await invoke("doomed", {})) as { pid: number };
    expect(isAlive(pid)).toBe(true);
    await aws.lambda.send(new DeleteFunctionCommand({ FunctionName: "doomed" }));
    await waitUntilGone([pid]);
    expect(isAlive(pid)).toBe(false);
  });

  const errors: Array<[string, () => Promise<unknown>, string, string]> = [
    [
      "invoke: a function that does not exist",
      () => invoke("nobody", {}),
      "ResourceNotFoundException",
      "Function not found: arn:aws:lambda:us-east-1:000000000000:function:nobody",
    ],
    [
      "invoke: a payload that is not JSON",
      async () => (
        await createFixtureFunction(aws, "notjson", "echo"),
        aws.lambda.send(new InvokeCommand({ FunctionName: "notjson", Payload: Buffer.from("{oops") }))
      ),
      "InvalidRequestContentException",
      "Could not parse request body into json: Could not parse payload into json: Expected property name or '}' in JSON at position 1",
    ],
    [
      "invoke: a payload above 6 MB",
      async () => (await createFixtureFunction(aws, "big", "echo"), invoke("big", { data: "x".repeat(6 * 1024 * 1024) })),
      "RequestTooLargeException",
      "Request must be smaller than 6291456 bytes for the Invoke operation",
    ],
    [
      "invoke: reserved concurrency 0 throttles",
      async () => {
        await createFixtureFunction(aws, "throttled", "echo");
        await aws.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: "throttled", ReservedConcurrentExecutions: 0 }));
        return invoke("throttled", {});
      },
      "TooManyRequestsException",
      "Rate Exceeded.",
    ],
  ];

  it.each(errors)("%s", async (_name, call, code, message) => {
    await expect(call()).rejects.toMatchObject({ name: code, message });
  });
});

describe("invoke with the aws CLI", () => {
  it("cli: aws lambda invoke --function-name f out.json", async () => {
    await createFixtureFunction(aws, "cli-invoke", "echo");
    const dir = mkdtempSync(join(tmpdir(), "cloud-cli-"));
    try {
      const result = await awsCli(daemon.endpoint, ["lambda", "invoke", "--function-name", "cli-invoke", "--payload", '{"from":"cli"}', "out.json"], dir);
      expect(result.stderr).toBe("");
      expect(JSON.parse(result.stdout)).toEqual({ StatusCode: 200, ExecutedVersion: "$LATEST" });
      expect(JSON.parse(readFileSync(join(dir, "out.json"), "utf8"))).toMatchObject({ event: { from: "cli" }, functionName: "cli-invoke" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("daemon death", () => {
  it("kill -9: no function process outlives the daemon, busy or idle", async () => {
    const own = await startDaemon();
    const clients = clientsFor(own.endpoint);
    const dir = mkdtempSync(join(tmpdir(), "cloud-signal-"));
    try {
      await createFixtureFunction(clients, "orphan", "sleep");
      const send = (event: object) => clients.lambda.send(new InvokeCommand({ FunctionName: "orphan", Payload: Buffer.from(JSON.stringify(event)) }));
      const idle = (payloadOf(await send({})) as { pid: number }).pid;
      void send({ ms: 600_000, signal: join(dir, "busy") }).catch(() => {});
      const busy = Number((await waitForFile(join(dir, "busy"))).trim());
      expect([idle, busy].every(isAlive)).toBe(true);
      await own.kill();
      await waitUntilGone([idle, busy]);
      expect([idle, busy].filter(isAlive)).toEqual([]);
    } finally {
      clients.destroy();
      rmSync(dir, { recursive: true, force: true });
      removeDataDir(own.dataDir);
    }
  });
});
