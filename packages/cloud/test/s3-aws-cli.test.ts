// The `aws` CLI (v1) against the real daemon, as users run it with
// --endpoint-url: `aws s3` mb/cp/ls/sync/mv/rm/rb (multipart uploads and
// ranged downloads above its 8 MiB threshold) and `aws s3api` calls, with
// their output and exit codes. Skipped, with one line, where `aws` is not installed.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli, type CliResult } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";

const hasAws = spawnSync("aws", ["--version"], { stdio: "ignore" }).status === 0;
if (!hasAws) console.log("s3-aws-cli: `aws` is not installed; skipping the aws CLI tests");

let daemon: DaemonProcess;
let work: string;

beforeAll(async () => {
  if (!hasAws) return;
  daemon = await startDaemon();
  work = mkdtempSync(join(tmpdir(), "s3-cli-"));
});

afterAll(async () => {
  if (!hasAws) return;
  await daemon.stop();
  removeDataDir(daemon.dataDir);
  rmSync(work, { recursive: true, force: true });
});

async function aws(...args: string[]): Promise<CliResult> {
  const result = await awsCli(daemon.endpoint, args, work);
  return result;
}

/** Runs and expects success; returns stdout. */
async function ok(...args: string[]): Promise<string> {
  const result = await aws(...args);
  expect(result, `aws ${args.join(" ")}`).toMatchObject({ code: 0 });
  return result.stdout;
}

// Each aws process takes about a second to start; these tests run dozens.
describe.skipIf(!hasAws)("aws cli", { timeout: 240_000 }, () => {
  it("s3: mb, cp up and down (small and multipart), ls, rm, rb", async () => {
    const big = randomBytes(20 * 1024 * 1024 + 11);
    writeFileSync(join(work, "small file.txt"), "small body\n");
    writeFileSync(join(work, "big.bin"), big);
    expect(await ok("s3", "mb", "s3://cli-bucket")).toBe("make_bucket: cli-bucket\n");
    await ok("s3", "cp", "small file.txt", "s3://cli-bucket/dir/small file.txt");
    await ok("s3", "cp", "big.bin", "s3://cli-bucket/dir/big.bin");
    expect(await ok("s3", "ls")).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d cli-bucket$/m);
    expect(await ok("s3", "ls", "s3://cli-bucket/")).toBe("                           PRE dir/\n");
    const listing = await ok("s3", "ls", "s3://cli-bucket/dir/");
    expect(listing).toMatch(new RegExp(`\\s${big.length} big\\.bin\\n`));
    expect(listing).toMatch(/\s11 small file\.txt\n/);
    await ok("s3", "cp", "s3://cli-bucket/dir/big.bin", "big-back.bin");
    await ok("s3", "cp", "s3://cli-bucket/dir/small file.txt", "small-back.txt");
    expect(readFileSync(join(work, "big-back.bin")).equals(big)).toBe(true);
    expect(readFileSync(join(work, "small-back.txt"), "utf8")).toBe("small body\n");
    const head = JSON.parse(await ok("s3api", "head-object", "--bucket", "cli-bucket", "--key", "dir/big.bin")) as { ETag: string; ContentLength: number };
    expect(head.ETag).toMatch(/^"[0-9a-f]{32}-3"$/);
    expect(head.ContentLength).toBe(big.length);
    const refused = await aws("s3", "rb", "s3://cli-bucket");
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("BucketNotEmpty");
    await ok("s3", "rm", "s3://cli-bucket/dir/small file.txt");
    expect(await ok("s3", "ls", "s3://cli-bucket/dir/")).not.toContain("small file.txt");
    await ok("s3", "rb", "s3://cli-bucket", "--force");
    expect(await ok("s3", "ls")).not.toContain("cli-bucket");
  });

  it("s3: sync uploads what changed only, then down again; cp and mv between keys", async () => {
    const tree = join(work, "tree");
    mkdirSync(join(tree, "sub dir"), { recursive: true });
    writeFileSync(join(tree, "a.txt"), "a");
    writeFileSync(join(tree, "sub dir", "b+c.txt"), "bc");
    // S3's LastModified has whole seconds (as on AWS): a file written in the
    // second of its upload looks newer than its copy, and sync uploads it
    // again. Files a minute old are what sync's "changed only" is about.
    const minuteAgo = new Date(Date.now() - 60_000);
    for (const file of [join(tree, "a.txt"), join(tree, "sub dir", "b+c.txt")]) utimesSync(file, minuteAgo, minuteAgo);
    await ok("s3", "mb", "s3://sync-bucket");
    const first = await ok("s3", "sync", tree, "s3://sync-bucket/tree/");
    expect(first.match(/^upload:/gm)?.length).toBe(2);
    expect(await ok("s3", "sync", tree, "s3://sync-bucket/tree/")).toBe("");
    await ok("s3", "cp", "s3://sync-bucket/tree/a.txt", "s3://sync-bucket/copied/a.txt");
    await ok("s3", "mv", "s3://sync-bucket/copied/a.txt", "s3://sync-bucket/moved/a.txt");
    await ok("s3", "sync", "s3://sync-bucket/", join(work, "down"));
    expect(readFileSync(join(work, "down", "tree", "sub dir", "b+c.txt"), "utf8")).toBe("bc");
    expect(readFileSync(join(work, "down", "moved", "a.txt"), "utf8")).toBe("a");
    const keys = (await ok("s3", "ls", "s3://sync-bucket/", "--recursive"))
      .trim()
      .split("\n")
      .map((line) => line.split(/\s+/).slice(3).join(" "));
    expect(keys).toEqual(["moved/a.txt", "tree/a.txt", "tree/sub dir/b+c.txt"]);
    await ok("s3", "rm", "s3://sync-bucket/tree/", "--recursive");
    expect((await ok("s3", "ls", "s3://sync-bucket/", "--recursive")).trim()).toMatch(/ moved\/a\.txt$/);
  });

  it("s3api: put, get, list, tagging, location, delete-objects", async () => {
    await ok("s3api", "create-bucket", "--bucket", "api-bucket");
    writeFileSync(join(work, "body.json"), '{"x":1}');
    const put = JSON.parse(
      await ok(
        "s3api",
        "put-object",
        "--bucket",
        "api-bucket",
        "--key",
        "data/x.json",
        "--body",
        "body.json",
        "--content-type",
        "application/json",
        "--metadata",
        "k=v",
      ),
    ) as { ETag: string };
    expect(put.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    const get = JSON.parse(await ok("s3api", "get-object", "--bucket", "api-bucket", "--key", "data/x.json", "out.json")) as {
      ContentType: string;
      Metadata: Record<string, string>;
    };
    expect(get).toMatchObject({ ContentType: "application/json", Metadata: { k: "v" } });
    expect(readFileSync(join(work, "out.json"), "utf8")).toBe('{"x":1}');
    const listed = JSON.parse(await ok("s3api", "list-objects-v2", "--bucket", "api-bucket", "--prefix", "data/")) as {
      Contents: Array<{ Key: string }>;
      KeyCount: number;
    };
    expect(listed.Contents.map((entry) => entry.Key)).toEqual(["data/x.json"]);
    await ok("s3api", "put-bucket-tagging", "--bucket", "api-bucket", "--tagging", "TagSet=[{Key=stack,Value=dev}]");
    expect(JSON.parse(await ok("s3api", "get-bucket-tagging", "--bucket", "api-bucket"))).toEqual({ TagSet: [{ Key: "stack", Value: "dev" }] });
    expect(JSON.parse(await ok("s3api", "get-bucket-location", "--bucket", "api-bucket"))).toEqual({ LocationConstraint: null });
    const deleted = JSON.parse(await ok("s3api", "delete-objects", "--bucket", "api-bucket", "--delete", "Objects=[{Key=data/x.json},{Key=never}]")) as {
      Deleted: Array<{ Key: string }>;
    };
    expect(deleted.Deleted.map((entry) => entry.Key)).toEqual(["data/x.json", "never"]);
  });

  it("errors: a missing bucket or key names AWS's error code", async () => {
    const bucket = await aws("s3", "ls", "s3://no-such-bucket");
    expect(bucket.code).not.toBe(0);
    expect(bucket.stderr).toContain("An error occurred (NoSuchBucket) when calling the ListObjectsV2 operation: The specified bucket does not exist");
    await ok("s3api", "create-bucket", "--bucket", "error-bucket");
    const key = await aws("s3api", "get-object", "--bucket", "error-bucket", "--key", "missing", "out");
    expect(key.stderr).toContain("An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.");
    const notification = await aws(
      "s3api",
      "put-bucket-notification-configuration",
      "--bucket",
      "error-bucket",
      "--notification-configuration",
      JSON.stringify({
        LambdaFunctionConfigurations: [{ LambdaFunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:none", Events: ["s3:ObjectCreated:*"] }],
      }),
    );
    expect(notification.stderr).toContain(
      "An error occurred (InvalidArgument) when calling the PutBucketNotificationConfiguration operation: Unable to validate the following destination configurations",
    );
  });
});
