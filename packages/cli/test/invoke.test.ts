// `closure-pack invoke` and `closure-pack event` through the real command:
// a package packed with writeZip and invoked with a generated event, exit
// codes, stdout/stderr split, and the errors a user can cause.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeZip } from "@closure-pack/pack";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, REPO, runCli, type CliRun } from "./support/cli.js";

const RUNTIME_FIXTURES = join(REPO, "fixtures", "runtime");
let dir: string;
const run = (args: string[]) => runCli(args, { cwd: dir });

function withStdin(args: string[], input: string): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "closure-pack-invoke-"));
  const cjs = join(RUNTIME_FIXTURES, "cjs");
  writeFileSync(join(dir, "cjs.zip"), await writeZip(readdirSync(cjs).map((name) => ({ path: name, bytes: readFileSync(join(cjs, name)) }))));
  const unsafe = new JSZip();
  unsafe.file("../escape.js", "pwned", { createFolders: false });
  writeFileSync(join(dir, "unsafe.zip"), await unsafe.generateAsync({ type: "nodebuffer" }));
  writeFileSync(join(dir, "bad.json"), "{ nope");
  writeFileSync(join(dir, "sleep.json"), '{ "ms": 5000 }');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("invoke", () => {
  it("invoke: a zip with a generated S3 event, response on stdout, logs on stderr", async () => {
    const event = await run(["event", "s3-put", "--bucket", "photos", "--key", "cats/tom.jpg"]);
    expect(event.code).toBe(0);
    writeFileSync(join(dir, "s3.json"), event.stdout);
    const result = await run(["invoke", "cjs.zip", "--event", "s3.json", "--name", "thumbnails", "--memory", "256"]);
    expect(result.code).toBe(0);
    const value = JSON.parse(result.stdout) as { calls: number; event: unknown; context: Record<string, unknown> };
    expect(value.event).toEqual(JSON.parse(event.stdout));
    expect(value.context).toMatchObject({ functionName: "thumbnails", memoryLimitInMB: "256" });
    const lines = result.stderr.split("\n").slice(0, -1);
    expect(lines[0]).toMatch(/^START RequestId: \S+ Version: \$LATEST$/);
    expect(lines[1]).toMatch(/^\S+Z\t\S+\tINFO\tevent \{"Records"/);
    expect(lines[2]).toMatch(/^END RequestId: \S+$/);
    expect(lines[3]).toMatch(
      /^REPORT RequestId: \S+\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 256 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms\t$/,
    );
    expect(lines).toHaveLength(4);
  });

  it("invoke: a folder, the event from stdin, --env", async () => {
    const result = await withStdin(
      ["invoke", join(RUNTIME_FIXTURES, "cases"), "--handler", "env.handler", "--event", "-", "--env", "STAGE=dev", "--env", "EMPTY="],
      "{}",
    );
    expect(result.code).toBe(0);
    const { env } = JSON.parse(result.stdout) as { env: Record<string, string> };
    expect([env.STAGE, env.EMPTY, env.AWS_LAMBDA_FUNCTION_NAME]).toEqual(["dev", "", "cases"]);
  });

  it("warm: two --event flags and --repeat 2 run four invocations in order on one instance, one response per line", async () => {
    writeFileSync(join(dir, "a.json"), '{ "n": "a" }');
    writeFileSync(join(dir, "b.json"), '{ "n": "b" }');
    const result = await run(["invoke", "cjs.zip", "--event", "a.json", "--event", "b.json", "--repeat", "2"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines.pop()).toBe("");
    const values = lines.map((line) => JSON.parse(line) as { calls: number; pid: number; event: { n: string } });
    expect(values.map((value) => [value.calls, value.event.n])).toEqual([
      [1, "a"],
      [2, "b"],
      [3, "a"],
      [4, "b"],
    ]);
    expect(new Set(values.map((value) => value.pid)).size).toBe(1);
    const reports = result.stderr.split("\n").filter((line) => line.startsWith("REPORT "));
    expect(reports.map((line) => line.includes("Init Duration"))).toEqual([true, false, false, false]);
  });

  it("warm: --json prints the responses as one array, stdin read once for every -", async () => {
    const result = await withStdin(["invoke", "cjs.zip", "--event", "-", "--event", "-", "--json"], '{ "n": "in" }');
    expect(result.code).toBe(0);
    const values = JSON.parse(result.stdout) as Array<{ calls: number; event: unknown }>;
    expect(values.map((value) => [value.calls, value.event])).toEqual([
      [1, { n: "in" }],
      [2, { n: "in" }],
    ]);
  });

  it("invoke: a CommonJS folder inside a type module project loads as on Lambda", async () => {
    // An unzipped package in a project's build folder: the project's package.json is above the task root.
    mkdirSync(join(dir, "app", "dist", "fn"), { recursive: true });
    writeFileSync(join(dir, "app", "package.json"), '{ "type": "module" }\n');
    writeFileSync(join(dir, "app", "dist", "fn", "index.js"), "module.exports.handler = async () => typeof require;\n");
    const result = await run(["invoke", "app/dist/fn"]);
    expect([result.code, result.stdout]).toEqual([0, '"function"\n']);
  });

  it("invoke: a function error prints the error object and exits 1", async () => {
    const result = await run(["invoke", join(RUNTIME_FIXTURES, "cases"), "--handler", "behaviours.sleep", "--timeout", "0.5", "--event", "sleep.json"]);
    expect(result.code).toBe(1);
    const error = JSON.parse(result.stdout) as { errorType: string; errorMessage: string };
    expect(error).toEqual({
      errorType: "Sandbox.Timedout",
      errorMessage: expect.stringMatching(/^RequestId: \S+ Error: Task timed out after 0\.50 seconds$/),
      trace: [],
    });
  });

  it.each([
    [["invoke", "missing.zip"], "missing.zip: no such zip or folder\n"],
    [["invoke", "cjs.zip", "--event", "bad.json"], /^bad\.json: the event is not JSON: /],
    [["invoke", "cjs.zip", "--event", "none.json"], "none.json: event file not found\nhint: write one with: closure-pack event s3-put > event.json\n"],
    [
      ["invoke", "unsafe.zip"],
      `unsafe.zip: entry "../escape.js" has a ".." part that leaves the folder\nhint: a Lambda package's entries must be relative paths inside it\n`,
    ],
  ])("errors: %j exits 1 with the message alone", async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    if (typeof message === "string") expect(result.stderr).toBe(message);
    else expect(result.stderr).toMatch(message);
  });

  it.each([
    [["invoke"], '"invoke" takes one <zip|dir>, got none'],
    [["invoke", "cjs.zip", "--timeout", "soon"], 'option "--timeout" must be a number of seconds above 0 and at most 900, got "soon"'],
    [["invoke", "cjs.zip", "--repeat", "0"], 'option "--repeat" must be a whole number from 1 to 10000, got "0"'],
    [["invoke", "cjs.zip", "--memory", "64"], 'option "--memory" must be a whole number of MB from 128 to 10240, got "64"'],
    [["invoke", "cjs.zip", "--env", "NOVALUE"], 'option "--env" must be KEY=VALUE, got "NOVALUE"'],
    [["invoke", "cjs.zip", "--bucket", "b"], 'unknown option "--bucket" for "invoke"'],
    [["event", "s3-put", "--queue", "q"], 'option "--queue" does not apply to "event s3-put"'],
    [["event", "sns", "--count", "2"], 'option "--count" does not apply to "event sns"'],
    [["event", "sqs", "--count", "many"], 'option "--count" must be a whole number from 1 to 10000, got "many"'],
    [
      ["event", "carrier-pigeon"],
      'unknown event kind "carrier-pigeon": must be one of s3-put, s3-delete, sqs, sns, dynamodb, kinesis, schedule, eventbridge, logs, apigw-v1, apigw-v2',
    ],
  ])("usage: %j exits 2", async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(`closure-pack: ${message}`);
  });
});

describe("event", () => {
  it("event: the same bytes every run, options applied", async () => {
    const [a, b] = await Promise.all([
      run(["event", "apigw-v2", "--path", "/items?id=7", "--method", "post"]),
      run(["event", "apigw-v2", "--path", "/items?id=7", "--method", "post"]),
    ]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout)).toMatchObject({ routeKey: "POST /items", rawPath: "/items", rawQueryString: "id=7", queryStringParameters: { id: "7" } });
  });

  it("event: --count makes a batch of that many records", async () => {
    const result = await run(["event", "sqs", "--count", "3", "--body", "hi"]);
    expect(result.code).toBe(0);
    const event = JSON.parse(result.stdout) as { Records: Array<{ body: string; messageId: string }> };
    expect(event.Records.map((record) => record.body)).toEqual(["hi", "hi", "hi"]);
    expect(new Set(event.Records.map((record) => record.messageId)).size).toBe(3);
  });
});
