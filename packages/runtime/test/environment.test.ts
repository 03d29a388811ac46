// The environment of an instance: Lambda's variables, the function's own,
// PATH, and nothing else of the parent's; two functions never see each other's.
import { describe, expect, it } from "vitest";
import { RuntimeError, type InvokeResult } from "../src/index.js";
import { FIXTURES, fixtureFunction } from "./support/functions.js";

interface EnvReport {
  env: Record<string, string>;
  offset: number;
  argv: string[];
}

function report(result: InvokeResult): EnvReport {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as EnvReport;
}

describe("environment", () => {
  it("env: Lambda's variables, the function's own, PATH and nothing else", async () => {
    process.env.CLOSURE_PACK_PARENT_SECRET = "must not leak";
    try {
      const fn = await fixtureFunction("cases", {
        name: "env-a",
        handler: "env.handler",
        memorySize: 256,
        region: "eu-west-1",
        environment: { STAGE: "test" },
      });
      const { env, offset, argv } = report(await fn.invoke({}));
      expect(env).toEqual({
        STAGE: "test",
        PATH: process.env.PATH,
        LANG: "en_US.UTF-8",
        TZ: ":UTC",
        LAMBDA_TASK_ROOT: `${FIXTURES}cases`,
        LAMBDA_RUNTIME_DIR: expect.stringMatching(/\/packages\/runtime\/bootstrap\/$/),
        _HANDLER: "env.handler",
        _X_AMZN_TRACE_ID: expect.stringMatching(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/),
        AWS_REGION: "eu-west-1",
        AWS_DEFAULT_REGION: "eu-west-1",
        AWS_EXECUTION_ENV: expect.stringMatching(/^AWS_Lambda_nodejs\d+\.x$/),
        AWS_LAMBDA_FUNCTION_NAME: "env-a",
        AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: "256",
        AWS_LAMBDA_LOG_GROUP_NAME: "/aws/lambda/env-a",
        AWS_LAMBDA_LOG_STREAM_NAME: expect.stringMatching(/^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/),
        AWS_LAMBDA_INITIALIZATION_TYPE: "on-demand",
        AWS_LAMBDA_RUNTIME_API: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
      });
      expect(offset).toBe(0);
      expect(argv).toEqual(["--max-old-space-size=230"]);
    } finally {
      delete process.env.CLOSURE_PACK_PARENT_SECRET;
    }
  });

  it("env: two functions running at once see only their own variables", async () => {
    const [a, b] = await Promise.all([
      fixtureFunction("cases", { name: "env-a", handler: "env.handler", environment: { ONLY_A: "a", SHARED: "from a" } }),
      fixtureFunction("cases", { name: "env-b", handler: "env.handler", environment: { ONLY_B: "b", SHARED: "from b" } }),
    ]);
    const [ra, rb] = (await Promise.all([a.invoke({}), b.invoke({})])).map(report);
    expect([ra!.env.ONLY_A, ra!.env.ONLY_B, ra!.env.SHARED, ra!.env.AWS_LAMBDA_FUNCTION_NAME]).toEqual(["a", undefined, "from a", "env-a"]);
    expect([rb!.env.ONLY_A, rb!.env.ONLY_B, rb!.env.SHARED, rb!.env.AWS_LAMBDA_FUNCTION_NAME]).toEqual([undefined, "b", "from b", "env-b"]);
  });

  it("env: credentials become the AWS_* variables", async () => {
    const fn = await fixtureFunction("cases", {
      handler: "env.handler",
      credentials: { accessKeyId: "AKID", secretAccessKey: "SECRET", sessionToken: "TOKEN" },
    });
    const { env } = report(await fn.invoke({}));
    expect([env.AWS_ACCESS_KEY_ID, env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN]).toEqual(["AKID", "SECRET", "TOKEN"]);
  });

  it.each([
    [
      { environment: { AWS_REGION: "x" } },
      "environment.AWS_REGION: is reserved: Lambda's runtime sets it\nhint: use another name, or the region and credentials options",
    ],
    [{ environment: { "1BAD": "x" } }, 'option "environment.1BAD": the name must be a letter followed by letters, digits or _, got "1BAD"'],
    [{ timeout: 0 }, 'option "timeout": must be a number of seconds above 0 and at most 900, got 0'],
    [{ memorySize: 100 }, 'option "memorySize": must be a whole number of MB from 128 to 10240, got 100'],
    [{ concurrency: 0 }, 'option "concurrency": must be a whole number of at least 1, got 0'],
    [{ handler: "index" }, 'option "handler": must be "file.export" (e.g. "index.handler"), got "index"'],
    [{ name: "a b" }, 'option "name": must be 1 to 64 letters, digits, - or _, got "a b"'],
  ])("options: %j is refused", async (options, message) => {
    const made = fixtureFunction("cases", options);
    await expect(made).rejects.toThrow(RuntimeError);
    await expect(made).rejects.toThrow(message);
  });
});
