// POST Object (browser form uploads) against the real daemon: the file under
// its key (with ${filename}), form fields as headers and metadata, S3's three
// answers, large files streamed, and the forms S3 refuses.
import { createHash, randomBytes } from "node:crypto";
import { CreateBucketCommand, GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { s3Client } from "./helpers/s3-clients.js";

let daemon: DaemonProcess;
let s3: S3Client;
const BUCKET = "browser-uploads";

beforeAll(async () => {
  daemon = await startDaemon();
  s3 = s3Client(daemon.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

afterAll(async () => {
  s3.destroy();
  await daemon.stop();
  removeDataDir(daemon.dataDir);
});

function form(fields: Record<string, string>, file?: { name: string; bytes: Buffer | string }): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  if (file !== undefined) body.append("file", new Blob([file.bytes]), file.name);
  return body;
}

const post = (body: FormData | string, headers: Record<string, string> = {}) => fetch(`${daemon.endpoint}/${BUCKET}`, { method: "POST", body, headers });

describe("s3 post object", () => {
  it("post: the file is stored under its key, fields become headers, 204 with ETag and Location", async () => {
    const response = await post(
      form(
        { key: "uploads/${filename}", "Content-Type": "text/plain", "x-amz-meta-origin": "browser", policy: "ignored" },
        { name: "doc 1.txt", bytes: "hello" },
      ),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("etag")).toBe(`"${createHash("md5").update("hello").digest("hex")}"`);
    expect(response.headers.get("location")).toBe(`http://127.0.0.1:${daemon.port}/${BUCKET}/uploads/doc%201.txt`);
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: "uploads/doc 1.txt" }));
    expect(await got.Body!.transformToString()).toBe("hello");
    expect(got).toMatchObject({ ContentType: "text/plain", Metadata: { origin: "browser" } });
  });

  it.each([
    ["201", 201, `<PostResponse xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Location>`],
    ["200", 200, ""],
    ["302", 204, ""],
  ])("post: success_action_status %s answers %i", async (status, expected, body) => {
    const response = await post(form({ key: `status-${status}`, success_action_status: status }, { name: "x", bytes: "x" }));
    expect(response.status).toBe(expected);
    expect(await response.text()).toContain(body);
  });

  it("post: a large file is streamed and stored whole", async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 5);
    expect((await post(form({ key: "large.bin" }, { name: "large.bin", bytes }))).status).toBe(204);
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: "large.bin" }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(bytes)).toBe(true);
  });

  it.each([
    [
      "no key field",
      form({}, { name: "x", bytes: "x" }),
      400,
      "<Code>InvalidArgument</Code><Message>Bucket POST must contain a field named &apos;key&apos;.  If it is specified, please check the order of the fields.</Message>",
    ],
    ["no file", form({ key: "k" }), 400, "<Code>InvalidArgument</Code><Message>POST requires exactly one file upload per request.</Message>"],
    ["not a form", "key=k", 412, "<Code>PreconditionFailed</Code><Message>Bucket POST must be of the enclosure-type multipart/form-data</Message>"],
  ])("post: %s is refused", async (_, body, status, error) => {
    const response = await post(body, typeof body === "string" ? { "content-type": "application/x-www-form-urlencoded" } : {});
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(error);
  });
});
