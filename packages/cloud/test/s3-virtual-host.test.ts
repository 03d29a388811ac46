// Virtual-hosted requests: the SDK with forcePathStyle false sends
// `<bucket>.localhost:<port>` (resolved to loopback by the test client's
// agent), and plain requests carry the Host headers other tools send
// (`<bucket>.s3.<region>.amazonaws.com`, dotted bucket names).
import { request } from "node:http";
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { s3Client } from "./helpers/s3-clients.js";

let daemon: DaemonProcess;
let hosted: S3Client;
let pathStyle: S3Client;

beforeAll(async () => {
  daemon = await startDaemon();
  hosted = s3Client(daemon.endpoint, { virtualHosted: true });
  pathStyle = s3Client(daemon.endpoint);
});

afterAll(async () => {
  hosted.destroy();
  pathStyle.destroy();
  await daemon.stop();
  removeDataDir(daemon.dataDir);
});

/** A GET with a chosen Host header; returns status and body. */
function getWithHost(host: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port: daemon.port, path, headers: { host } }, (incoming) => {
      let body = "";
      incoming.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, body }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

describe("s3 virtual-hosted", () => {
  it("sdk: bucket and object calls work with the bucket in the Host header", async () => {
    await hosted.send(new CreateBucketCommand({ Bucket: "hosted-bucket" }));
    await hosted.send(new HeadBucketCommand({ Bucket: "hosted-bucket" }));
    await hosted.send(new PutObjectCommand({ Bucket: "hosted-bucket", Key: "dir/a b+c.txt", Body: "hosted" }));
    const got = await hosted.send(new GetObjectCommand({ Bucket: "hosted-bucket", Key: "dir/a b+c.txt" }));
    expect(await got.Body!.transformToString()).toBe("hosted");
    const listed = await hosted.send(new ListObjectsV2Command({ Bucket: "hosted-bucket", Delimiter: "/" }));
    expect(listed.CommonPrefixes).toEqual([{ Prefix: "dir/" }]);
    // The same bucket, path-style.
    const viaPath = await pathStyle.send(new GetObjectCommand({ Bucket: "hosted-bucket", Key: "dir/a b+c.txt" }));
    expect(await viaPath.Body!.transformToString()).toBe("hosted");
    await hosted.send(new DeleteObjectCommand({ Bucket: "hosted-bucket", Key: "dir/a b+c.txt" }));
  });

  it.each([
    ["AWS's regional name", "host-styles.s3.us-east-1.amazonaws.com"],
    ["AWS's global name", "host-styles.s3.amazonaws.com"],
    ["any name after .s3.", "host-styles.s3.localhost.localstack.cloud:4566"],
    ["localhost with a port", "host-styles.localhost:4566"],
  ])("host: %s names the bucket", async (_, host) => {
    await pathStyle.send(new CreateBucketCommand({ Bucket: "host-styles" }));
    await pathStyle.send(new PutObjectCommand({ Bucket: "host-styles", Key: "key/with space", Body: "found" }));
    const object = await getWithHost(host, "/key/with%20space");
    expect(object).toEqual({ status: 200, body: "found" });
    const listing = await getWithHost(host, "/?list-type=2");
    expect(listing.body).toContain("<Name>host-styles</Name>");
  });

  it("host: a dotted bucket name is the whole label sequence before .localhost", async () => {
    await pathStyle.send(new CreateBucketCommand({ Bucket: "my.dotted.bucket" }));
    await pathStyle.send(new PutObjectCommand({ Bucket: "my.dotted.bucket", Key: "k", Body: "dots" }));
    expect(await getWithHost("my.dotted.bucket.localhost", "/k")).toEqual({ status: 200, body: "dots" });
  });

  it("host: 127.0.0.1 and localhost are path style", async () => {
    await pathStyle.send(new CreateBucketCommand({ Bucket: "path-only" }));
    await pathStyle.send(new PutObjectCommand({ Bucket: "path-only", Key: "k", Body: "path" }));
    expect(await getWithHost("localhost", "/path-only/k")).toEqual({ status: 200, body: "path" });
    expect(await getWithHost(`127.0.0.1:${daemon.port}`, "/path-only/k")).toEqual({ status: 200, body: "path" });
  });
});
