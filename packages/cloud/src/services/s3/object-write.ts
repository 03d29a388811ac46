// PutObject, DeleteObject and DeleteObjects. Bodies are received first
// (body-receiver.ts: a blob file, or bytes kept in the row's transaction
// when small), rows committed with their events after (object-commit.ts); a
// delete removes the row and queues its event in one transaction, then
// removes the blob file, if any.
import type { AwsResponse } from "../../server/aws-request.js";
import { asArray } from "../../protocols/xml.js";
import { wholeSeconds } from "./bucket-operations.js";
import { receiveBody } from "./body-receiver.js";
import { checkBodyDigests } from "./body-digests.js";
import { changeFacts, commitObject } from "./object-commit.js";
import { checksumResponseHeaders, storedHeaders } from "./object-headers.js";
import { emptyResponse, requireBucket, type S3Call, type S3Context } from "./s3-context.js";
import { keyTooLong, malformedXml, noSuchVersion } from "./s3-errors.js";
import type { ObjectRow } from "./s3-store.js";
import { element, objectOf, optionalElement, parseXmlBody, quoteEtag, textOf, xmlResponse } from "./s3-xml.js";

export async function putObject(context: S3Context, call: S3Call): Promise<AwsResponse> {
  requireBucket(context, call);
  const headers = storedHeaders(call.http.headers);
  const body = await receiveBody(call.http, context.blobs, true);
  const row: ObjectRow = {
    bucket: call.bucket,
    key: call.key,
    blob: body.blob,
    bytes: body.bytes,
    size: body.size,
    etag: body.md5,
    modifiedMs: wholeSeconds(context.cloud.clock.now()),
    headers,
    checksum: body.checksum,
    parts: undefined,
  };
  await commitObject(context, call, row, "ObjectCreated:Put");
  return emptyResponse(200, { etag: quoteEtag(row.etag), ...checksumResponseHeaders(row.checksum) });
}

export async function deleteObject(context: S3Context, call: S3Call): Promise<AwsResponse> {
  requireBucket(context, call);
  await removeObjects(context, call, [call.key]);
  return emptyResponse(204);
}

const MAX_DELETE_KEYS = 1000;

export async function deleteObjects(context: S3Context, call: S3Call): Promise<AwsResponse> {
  requireBucket(context, call);
  const body = await call.http.body(8 * 1024 * 1024);
  checkBodyDigests(call.http.headers, body);
  const root = objectOf(parseXmlBody(body).Delete);
  if (root === undefined) throw malformedXml();
  const quiet = textOf(root.Quiet)?.trim().toLowerCase() === "true";
  const entries = asArray(root.Object).map((entry) => ({ key: textOf(objectOf(entry)?.Key), versionId: textOf(objectOf(entry)?.VersionId) }));
  if (entries.length === 0 || entries.length > MAX_DELETE_KEYS || entries.some(({ key }) => key === undefined || key === "")) throw malformedXml();
  const valid: string[] = [];
  const errors: string[] = [];
  for (const { key, versionId } of entries as Array<{ key: string; versionId: string | undefined }>) {
    const bytes = Buffer.byteLength(key);
    // Only the "null" version exists (buckets are not versioned).
    const problem = bytes > 1024 ? keyTooLong(bytes) : versionId !== undefined && versionId !== "null" ? noSuchVersion(key, versionId) : undefined;
    if (problem === undefined) valid.push(key);
    else
      errors.push(
        `<Error>${element("Key", key)}${optionalElement("VersionId", versionId)}${element("Code", problem.code)}${element("Message", problem.message)}</Error>`,
      );
  }
  await removeObjects(context, call, valid);
  // S3 reports a key that did not exist as deleted: the delete is idempotent.
  const deleted = quiet ? "" : valid.map((key) => `<Deleted>${element("Key", key)}</Deleted>`).join("");
  return xmlResponse("DeleteResult", deleted + errors.join(""));
}

// One transaction for all keys: each existing object's row goes with its
// ObjectRemoved:Delete event; blobs are removed after the commit.
async function removeObjects(context: S3Context, call: S3Call, keys: readonly string[]): Promise<void> {
  const removed: string[] = [];
  await context.commits.run(() => {
    const bucket = requireBucket(context, call);
    for (const key of keys) {
      const row = context.store.deleteObject(call.bucket, key);
      if (row === undefined) continue;
      if (row.blob !== undefined) removed.push(row.blob);
      context.notifier.emit(bucket, () => changeFacts(context, call, "ObjectRemoved:Delete", key));
    }
  });
  context.blobs.remove(removed);
}
