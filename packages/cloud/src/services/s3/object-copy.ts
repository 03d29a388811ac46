// CopyObject: the source named by x-amz-copy-source (URL-encoded
// `bucket/key`, in this or another bucket), its copy-source conditions, and
// MetadataDirective COPY (the source's headers) or REPLACE (the request's).
// The copy shares the source's bytes through a hard link (an inline source's
// bytes are inserted again with the copy's row); only a multipart
// source (whose copy is a single-part object with an MD5 ETag) or a change of
// checksum algorithm makes it read them.
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { AwsResponse } from "../../server/aws-request.js";
import { bytesOf, readBlob } from "./blob-copy.js";
import { wholeSeconds } from "./bucket-operations.js";
import { checksumElement, createHasher, isChecksumAlgorithm, type Checksum } from "./checksums.js";
import { commitObject } from "./object-commit.js";
import { checksumResponseHeaders, storedHeaders } from "./object-headers.js";
import { etagListMatches } from "./object-read.js";
import { requireBucket, type S3Call, type S3Context } from "./s3-context.js";
import { invalidArgument, invalidRequest, noSuchBucket, noSuchKey, preconditionFailed } from "./s3-errors.js";
import type { ObjectRow } from "./s3-store.js";
import { element, isoTime, optionalElement, quoteEtag, xmlResponse } from "./s3-xml.js";

export interface CopySource {
  bucket: string;
  key: string;
}

/** Parses x-amz-copy-source: `[/]bucket/key[?versionId=…]`, percent-encoded. */
export function parseCopySource(header: string | string[] | undefined): CopySource {
  const text = String(header ?? "")
    .replace(/^\//, "")
    .split("?versionId=")[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    throw invalidArgument("Invalid copy source encoding", "x-amz-copy-source", String(header));
  }
  const slash = decoded.indexOf("/");
  if (slash <= 0 || slash === decoded.length - 1) throw invalidArgument("Invalid copy source object key", "x-amz-copy-source", String(header));
  return { bucket: decoded.slice(0, slash), key: decoded.slice(slash + 1) };
}

/** The source object (with its bytes, when inline), after its copy-source conditions; every failed condition is 412 on a copy. */
export function readCopySource(context: S3Context, headers: IncomingHttpHeaders): ObjectRow {
  const source = parseCopySource(headers["x-amz-copy-source"]);
  if (context.store.bucket(source.bucket) === undefined) throw noSuchBucket(source.bucket);
  const row = context.store.objectWithBytes(source.bucket, source.key);
  if (row === undefined) throw noSuchKey(source.key);
  const match = headers["x-amz-copy-source-if-match"];
  const noneMatch = headers["x-amz-copy-source-if-none-match"];
  const unmodifiedSince = Date.parse(String(headers["x-amz-copy-source-if-unmodified-since"]));
  const modifiedSince = Date.parse(String(headers["x-amz-copy-source-if-modified-since"]));
  if (typeof match === "string" && !etagListMatches(match, row.etag)) throw preconditionFailed("x-amz-copy-source-If-Match");
  if (typeof match !== "string" && !Number.isNaN(unmodifiedSince) && row.modifiedMs > unmodifiedSince) {
    throw preconditionFailed("x-amz-copy-source-If-Unmodified-Since");
  }
  if (typeof noneMatch === "string" && etagListMatches(noneMatch, row.etag)) throw preconditionFailed("x-amz-copy-source-If-None-Match");
  if (typeof noneMatch !== "string" && !Number.isNaN(modifiedSince) && row.modifiedMs <= modifiedSince) {
    throw preconditionFailed("x-amz-copy-source-If-Modified-Since");
  }
  return row;
}

export async function copyObject(context: S3Context, call: S3Call): Promise<AwsResponse> {
  requireBucket(context, call);
  const headers = call.http.headers;
  const directive = String(headers["x-amz-metadata-directive"] ?? "COPY").toUpperCase();
  if (directive !== "COPY" && directive !== "REPLACE") throw invalidArgument("Unknown metadata directive.", "x-amz-metadata-directive", directive);
  const source = readCopySource(context, headers);
  if (source.bucket === call.bucket && source.key === call.key && directive === "COPY" && !changesStorage(headers)) {
    throw invalidRequest(
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
  const algorithm = String(headers["x-amz-checksum-algorithm"] ?? "").toUpperCase();
  // Linked in the tick the source row was read: a concurrent overwrite cannot remove it first.
  const blob = source.blob === undefined ? undefined : context.blobs.link(source.blob);
  const row: ObjectRow = {
    bucket: call.bucket,
    key: call.key,
    blob,
    bytes: source.bytes,
    size: source.size,
    etag: source.etag,
    modifiedMs: wholeSeconds(context.cloud.clock.now()),
    headers: directive === "COPY" ? source.headers : storedHeaders(headers),
    checksum: source.checksum,
    parts: undefined,
  };
  try {
    await rehashIfNeeded(context, source, row, isChecksumAlgorithm(algorithm) ? algorithm : undefined);
  } catch (error) {
    if (blob !== undefined) context.blobs.remove([blob]);
    throw error;
  }
  await commitObject(context, call, row, "ObjectCreated:Copy");
  const checksum = row.checksum === undefined ? "" : element(checksumElement(row.checksum.algorithm), row.checksum.value);
  const inner =
    element("ETag", quoteEtag(row.etag)) + element("LastModified", isoTime(row.modifiedMs)) + checksum + optionalElement("ChecksumType", row.checksum?.type);
  return xmlResponse("CopyObjectResult", inner, checksumResponseHeaders(row.checksum));
}

function changesStorage(headers: IncomingHttpHeaders): boolean {
  return ["x-amz-storage-class", "x-amz-website-redirect-location", "x-amz-server-side-encryption"].some((name) => headers[name] !== undefined);
}

// A multipart source becomes a single-part copy: its ETag is the MD5 of its
// bytes, and a composite checksum becomes one of the whole object.
async function rehashIfNeeded(context: S3Context, source: ObjectRow, row: ObjectRow, algorithm: Checksum["algorithm"] | undefined): Promise<void> {
  const wanted = algorithm ?? (source.checksum?.type === "COMPOSITE" ? source.checksum.algorithm : undefined);
  const newChecksum = wanted !== undefined && (wanted !== source.checksum?.algorithm || source.checksum.type === "COMPOSITE");
  if (source.parts === undefined && !newChecksum) return;
  const md5 = createHash("md5");
  const hasher = newChecksum ? createHasher(wanted!) : undefined;
  await readBlob(context.blobs, bytesOf(row), (chunk) => {
    md5.update(chunk);
    hasher?.update(chunk);
  });
  row.etag = md5.digest("hex");
  if (hasher !== undefined) row.checksum = { algorithm: wanted!, value: hasher.digest().toString("base64"), type: "FULL_OBJECT" };
}
