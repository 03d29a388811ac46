// S3 buckets through @aws-sdk/client-s3 against the real daemon: create
// (regions, AWS's naming rules, repeated creates), head, list, location,
// tagging, versioning, delete (only when empty).
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketTaggingCommand,
  GetBucketLocationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutBucketTaggingCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDaemon, type DaemonProcess, removeDataDir } from "./helpers/daemon.js";
import { s3Client } from "./helpers/s3-clients.js";

let daemon: DaemonProcess;
let s3: S3Client;

beforeAll(async () => {
  daemon = await startDaemon();
  s3 = s3Client(daemon.endpoint);
});

afterAll(async () => {
  s3.destroy();
  await daemon.stop();
  removeDataDir(daemon.dataDir);
});

describe("s3 buckets", () => {
  it("bucket: create, head, list, location, delete", async () => {
    await s3.send(new CreateBucketCommand({ Bucket: "life-cycle" }));
    const head = await s3.send(new HeadBucketCommand({ Bucket: "life-cycle" }));
    expect(head.BucketRegion).toBe("us-east-1");
    const listed = await s3.send(new ListBucketsCommand({}));
    expect(listed.Buckets?.map((bucket) => bucket.Name)).toContain("life-cycle");
    expect((await s3.send(new GetBucketLocationCommand({ Bucket: "life-cycle" }))).LocationConstraint).toBeUndefined();
    await s3.send(new DeleteBucketCommand({ Bucket: "life-cycle" }));
    await expect(s3.send(new HeadBucketCommand({ Bucket: "life-cycle" }))).rejects.toMatchObject({ name: "NotFound", $metadata: { httpStatusCode: 404 } });
    await expect(s3.send(new DeleteBucketCommand({ Bucket: "life-cycle" }))).rejects.toMatchObject({
      name: "NoSuchBucket",
      message: "The specified bucket does not exist",
      BucketName: "life-cycle",
    });
  });

  it("bucket: a region's LocationConstraint is kept and reported", async () => {
    const eu = s3Client(daemon.endpoint, { region: "eu-west-1" });
    await eu.send(new CreateBucketCommand({ Bucket: "in-ireland", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
    expect((await eu.send(new GetBucketLocationCommand({ Bucket: "in-ireland" }))).LocationConstraint).toBe("eu-west-1");
    expect((await s3.send(new HeadBucketCommand({ Bucket: "in-ireland" }))).BucketRegion).toBe("eu-west-1");
    // (Without a constraint the SDK adds its client's region itself.)
    await expect(
      eu.send(new CreateBucketCommand({ Bucket: "elsewhere", CreateBucketConfiguration: { LocationConstraint: "ap-south-1" } })),
    ).rejects.toMatchObject({
      name: "IllegalLocationConstraintException",
      message: "The ap-south-1 location constraint is incompatible for the region specific endpoint this request was sent to.",
    });
    await expect(
      s3.send(new CreateBucketCommand({ Bucket: "explicit-east", CreateBucketConfiguration: { LocationConstraint: "us-east-1" as never } })),
    ).rejects.toMatchObject({
      name: "InvalidLocationConstraint",
      message: "The specified location-constraint is not valid",
    });
    eu.destroy();
  });

  it.each([
    ["too short", "ab"],
    ["too long", "a".repeat(64)],
    ["upper case", "MyBucket"],
    ["underscore", "my_bucket"],
    ["starts with a hyphen", "-bucket"],
    ["ends with a dot", "bucket."],
    ["two adjacent dots", "my..bucket"],
    ["an IP address", "192.168.5.4"],
    ["reserved prefix xn--", "xn--bucket"],
    ["reserved prefix sthree-", "sthree-bucket"],
    ["reserved suffix -s3alias", "bucket-s3alias"],
    ["reserved suffix --ol-s3", "bucket--ol-s3"],
  ])("bucket: a name %s is InvalidBucketName", async (_, name) => {
    await expect(s3.send(new CreateBucketCommand({ Bucket: name }))).rejects.toMatchObject({
      name: "InvalidBucketName",
      message: "The specified bucket is not valid.",
    });
  });

  it("bucket: creating one's own bucket again is 200 in us-east-1, BucketAlreadyOwnedByYou elsewhere, BucketAlreadyExists for another owner", async () => {
    await s3.send(new CreateBucketCommand({ Bucket: "made-twice" }));
    await s3.send(new CreateBucketCommand({ Bucket: "made-twice" }));
    const eu = s3Client(daemon.endpoint, { region: "eu-west-1" });
    await eu.send(new CreateBucketCommand({ Bucket: "made-twice-eu", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
    await expect(
      eu.send(new CreateBucketCommand({ Bucket: "made-twice-eu", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } })),
    ).rejects.toMatchObject({ name: "BucketAlreadyOwnedByYou", message: "Your previous request to create the named bucket succeeded and you already own it." });
    const stranger = s3Client(daemon.endpoint, { extra: { credentials: { accessKeyId: "someone-else", secretAccessKey: "x" } } });
    await expect(stranger.send(new CreateBucketCommand({ Bucket: "made-twice" }))).rejects.toMatchObject({
      name: "BucketAlreadyExists",
      message:
        "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.",
    });
    eu.destroy();
    stranger.destroy();
  });

  it("bucket: a bucket with objects is not deleted", async () => {
    await s3.send(new CreateBucketCommand({ Bucket: "not-empty" }));
    await s3.send(new PutObjectCommand({ Bucket: "not-empty", Key: "k", Body: "x" }));
    await expect(s3.send(new DeleteBucketCommand({ Bucket: "not-empty" }))).rejects.toMatchObject({
      name: "BucketNotEmpty",
      message: "The bucket you tried to delete is not empty",
    });
  });

  it("bucket: tags are put, read, replaced and deleted", async () => {
    await s3.send(new CreateBucketCommand({ Bucket: "tagged" }));
    await expect(s3.send(new GetBucketTaggingCommand({ Bucket: "tagged" }))).rejects.toMatchObject({
      name: "NoSuchTagSet",
      message: "The TagSet does not exist",
    });
    const tags = [
      { Key: "closure-pack:stack", Value: "dev" },
      { Key: "closure-pack:resource", Value: "docs" },
    ];
    await s3.send(new PutBucketTaggingCommand({ Bucket: "tagged", Tagging: { TagSet: tags } }));
    expect((await s3.send(new GetBucketTaggingCommand({ Bucket: "tagged" }))).TagSet).toEqual(tags);
    await s3.send(new PutBucketTaggingCommand({ Bucket: "tagged", Tagging: { TagSet: [{ Key: "only", Value: "" }] } }));
    expect((await s3.send(new GetBucketTaggingCommand({ Bucket: "tagged" }))).TagSet).toEqual([{ Key: "only", Value: "" }]);
    await s3.send(new DeleteBucketTaggingCommand({ Bucket: "tagged" }));
    await expect(s3.send(new GetBucketTaggingCommand({ Bucket: "tagged" }))).rejects.toMatchObject({ name: "NoSuchTagSet" });
  });

  it.each([
    [
      "the same key twice",
      [
        { Key: "a", Value: "1" },
        { Key: "a", Value: "2" },
      ],
      "Cannot provide multiple Tags with the same key",
    ],
    ["an aws: key", [{ Key: "aws:cloudformation:stack-name", Value: "x" }], "System tags cannot be added/updated by requester"],
    ["a key over 128 characters", [{ Key: "k".repeat(129), Value: "x" }], "The TagKey you have provided is too long, max 128"],
  ])("bucket: tags with %s are InvalidTag", async (_, TagSet, message) => {
    await s3.send(new CreateBucketCommand({ Bucket: "bad-tags" }));
    await expect(s3.send(new PutBucketTaggingCommand({ Bucket: "bad-tags", Tagging: { TagSet } }))).rejects.toMatchObject({ name: "InvalidTag", message });
  });

  it("bucket: versioning was never enabled", async () => {
    await s3.send(new CreateBucketCommand({ Bucket: "unversioned" }));
    const versioning = await s3.send(new GetBucketVersioningCommand({ Bucket: "unversioned" }));
    expect(versioning.Status).toBeUndefined();
    expect(versioning.$metadata.httpStatusCode).toBe(200);
  });

  it("bucket: ListBuckets filters by prefix and pages with max-buckets", async () => {
    for (const name of ["page-a", "page-b", "page-c"]) await s3.send(new CreateBucketCommand({ Bucket: name }));
    const first = await s3.send(new ListBucketsCommand({ Prefix: "page-", MaxBuckets: 2 }));
    expect(first.Buckets?.map((bucket) => bucket.Name)).toEqual(["page-a", "page-b"]);
    const second = await s3.send(new ListBucketsCommand({ Prefix: "page-", MaxBuckets: 2, ContinuationToken: first.ContinuationToken }));
    expect(second.Buckets?.map((bucket) => bucket.Name)).toEqual(["page-c"]);
    expect(second.ContinuationToken).toBeUndefined();
  });
});
