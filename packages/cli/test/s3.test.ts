// `closure-pack s3 cp|ls|rm` as a child process against a real local cloud
// (started here on a free port): uploads, listings, downloads, copies and
// deletes with aws-s3-like output, checked through the SDK; S3 errors as one
// line with a hint (exit 1); bad command lines (exit 2).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { startCloud, type Cloud } from "@closure-pack/cloud";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliRun } from "./support/cli.js";

let cloud: Cloud;
let s3: S3Client;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "closure-pack-s3-"));
  cloud = await startCloud({ dataDir: join(dir, "cloud"), port: 0 });
  s3 = new S3Client({ endpoint: cloud.endpoint, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "test", secretAccessKey: "test" } });
  await s3.send(new CreateBucketCommand({ Bucket: "docs" }));
  mkdirSync(join(dir, "work", "downloads"), { recursive: true });
  writeFileSync(join(dir, "work", "doc1.txt"), "hello from doc1\n");
  writeFileSync(join(dir, "work", "empty.bin"), "");
});

afterAll(async () => {
  s3.destroy();
  await cloud.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `closure-pack s3 ...` in the work folder, pointed at the cloud by --endpoint-url. */
function s3Cli(...args: string[]): Promise<CliRun> {
  return runCli(["s3", ...args, "--endpoint-url", cloud.endpoint], { cwd: join(dir, "work") });
}

async function text(key: string): Promise<string> {
  return (await s3.send(new GetObjectCommand({ Bucket: "docs", Key: key }))).Body!.transformToString();
}

describe("closure-pack s3", () => {
  it("cp: a file to a folder key keeps its name and gets its content type", async () => {
    expect(await s3Cli("cp", "doc1.txt", "s3://docs/in/")).toEqual({ code: 0, stdout: "upload: doc1.txt to s3://docs/in/doc1.txt\n", stderr: "" });
    expect(await text("in/doc1.txt")).toBe("hello from doc1\n");
    expect((await s3.send(new HeadObjectCommand({ Bucket: "docs", Key: "in/doc1.txt" }))).ContentType).toBe("text/plain");
  });

  it("cp: an empty file, to a key with spaces", async () => {
    expect((await s3Cli("cp", "empty.bin", "s3://docs/in/my empty.bin")).stdout).toBe("upload: empty.bin to s3://docs/in/my empty.bin\n");
    expect(await text("in/my empty.bin")).toBe("");
  });

  it("cp: an object down to a file and to a folder, and between keys", async () => {
    await s3Cli("cp", "doc1.txt", "s3://docs/down/doc1.txt");
    expect(await s3Cli("cp", "s3://docs/down/doc1.txt", "back.txt")).toEqual({
      code: 0,
      stdout: "download: s3://docs/down/doc1.txt to back.txt\n",
      stderr: "",
    });
    expect(readFileSync(join(dir, "work", "back.txt"), "utf8")).toBe("hello from doc1\n");
    expect((await s3Cli("cp", "s3://docs/down/doc1.txt", "downloads")).code).toBe(0);
    expect(readFileSync(join(dir, "work", "downloads", "doc1.txt"), "utf8")).toBe("hello from doc1\n");
    expect((await s3Cli("cp", "s3://docs/down/doc1.txt", "s3://docs/copies/")).stdout).toBe("copy: s3://docs/down/doc1.txt to s3://docs/copies/doc1.txt\n");
    expect(await text("copies/doc1.txt")).toBe("hello from doc1\n");
  });

  it("ls: buckets, then a bucket's folders and objects relative to the prefix", async () => {
    await s3Cli("cp", "doc1.txt", "s3://docs/ls/a.txt");
    await s3Cli("cp", "doc1.txt", "s3://docs/ls/sub/b.txt");
    const buckets = await s3Cli("ls");
    expect(buckets.stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d docs\n$/);
    const listing = await s3Cli("ls", "s3://docs/ls/");
    expect(listing.code).toBe(0);
    expect(listing.stdout.replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/gm, "<time>")).toBe(`${"PRE".padStart(30)} sub/\n<time> ${"16".padStart(10)} a.txt\n`);
  });

  it("rm: deletes the object", async () => {
    await s3Cli("cp", "doc1.txt", "s3://docs/rm/doc1.txt");
    expect(await s3Cli("rm", "s3://docs/rm/doc1.txt")).toEqual({ code: 0, stdout: "delete: s3://docs/rm/doc1.txt\n", stderr: "" });
    await expect(text("rm/doc1.txt")).rejects.toMatchObject({ name: "NoSuchKey" });
  });

  it("endpoint: AWS_ENDPOINT_URL is used without --endpoint-url", async () => {
    const result = await runCli(["s3", "ls"], { cwd: join(dir, "work"), env: { AWS_ENDPOINT_URL: cloud.endpoint } });
    expect(result.stdout).toContain(" docs\n");
  });

  it.each([
    [
      "a missing bucket",
      ["cp", "doc1.txt", "s3://nope-bucket/doc1.txt"],
      "s3://nope-bucket/doc1.txt: NoSuchBucket: The specified bucket does not exist\nhint: create it with `aws s3 mb s3://nope-bucket` or by deploying the program that declares it; `closure-pack s3 ls` lists the buckets\n",
    ],
    [
      "a missing key",
      ["cp", "s3://docs/never.txt", "never.txt"],
      "s3://docs/never.txt: NoSuchKey: The specified key does not exist.\nhint: `closure-pack s3 ls s3://docs/` lists what the bucket holds\n",
    ],
    ["a missing file", ["cp", "nothing.txt", "s3://docs/"], "nothing.txt: no such file\n"],
  ])("error: %s is one line with a hint, exit 1", async (_, args, stderr) => {
    expect(await s3Cli(...args)).toEqual({ code: 1, stdout: "", stderr });
  });

  it("error: nothing listening at the endpoint", async () => {
    const result = await runCli(["s3", "ls", "--endpoint-url", "http://127.0.0.1:9"], { cwd: join(dir, "work") });
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: "http://127.0.0.1:9: cannot connect (ECONNREFUSED)\nhint: check --endpoint-url or AWS_ENDPOINT_URL\n",
    });
  });

  it.each([
    [["s3"], `"s3" takes cp, ls or rm, got none`, "s3"],
    [["s3", "mv", "a", "b"], `"s3" takes cp, ls or rm, got "mv"`, "s3"],
    [["s3", "cp", "a.txt", "b.txt"], `"s3 cp" copies to or from S3: one of its paths must be an s3://bucket/key URL`, "s3 cp"],
    [["s3", "cp", "a.txt"], `"s3 cp" takes a source and a destination, got 1 path(s)`, "s3 cp"],
    [["s3", "rm", "s3://docs"], `"s3 rm" takes one object, s3://bucket/key`, "s3 rm"],
    [["s3", "ls", "s3://"], `"s3://" names no bucket: expected s3://bucket/key`, "s3 ls"],
    [["s3", "ls", "--endpoint-url", "localhost:4566"], `option "--endpoint-url" must be an http:// or https:// URL, got "localhost:4566"`, "s3 ls"],
    [["s3", "ls", "--cache"], `unknown option "--cache" for "s3 ls"`, "s3 ls"],
  ])("usage: %j is exit 2 and points at its --help", async (args, message, command) => {
    expect(await runCli(args, { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr: `closure-pack: ${message}\nrun "closure-pack ${command} --help" for usage\n`,
    });
  });
});
