// Multipart uploads: CreateMultipartUpload, UploadPart, UploadPartCopy,
// CompleteMultipartUpload (S3's part rules: ascending part numbers, ETags
// that match, 5 MiB minimum for every part but the last; the ETag is the MD5
// of the parts' MD5s with `-<count>`), AbortMultipartUpload. Completion
// writes the object's bytes as one new blob, then commits the object, drops
// the upload and queues the event in one transaction.
import { createHash, randomBytes } from "node:crypto";
import type { AwsResponse } from "../../server/aws-request.js";
import { asArray } from "../../protocols/xml.js";
import { bytesOf, concatenateBlobs } from "./blob-copy.js";
import { receiveBody } from "./body-receiver.js";
import { wholeSeconds } from "./bucket-operations.js";
import { checksumElement, createHasher, type Checksum } from "./checksums.js";
import { multipartChecksum, partChecksumProblem, uploadChecksumOf } from "./multipart-checksums.js";
import type { PartRow, UploadRow } from "./multipart-store.js";
import { commitObject } from "./object-commit.js";
import { readCopySource } from "./object-copy.js";
import { checksumResponseHeaders, storedHeaders } from "./object-headers.js";
import { emptyResponse, requireBucket, type S3Call, type S3Context } from "./s3-context.js";
import { entityTooSmall, invalidArgument, invalidPart, invalidPartOrder, invalidRequest, malformedXml, noSuchUpload } from "./s3-errors.js";
import type { ObjectRow } from "./s3-store.js";
import { element, isoTime, objectOf, parseXmlBody, quoteEtag, textOf, unquoteEtag, xmlResponse } from "./s3-xml.js";

const MIN_PART_SIZE = 5 * 1024 * 1024;

export function createMultipartUpload(context: S3Context, call: S3Call): AwsResponse {
  requireBucket(context, call);
  const { algorithm, type } = uploadChecksumOf(call.http.headers);
  const upload: UploadRow = {
    uploadId: randomBytes(36).toString("base64url"),
    bucket: call.bucket,
    key: call.key,
    initiatedMs: wholeSeconds(context.cloud.clock.now()),
    headers: storedHeaders(call.http.headers),
    checksumAlgorithm: algorithm,
    checksumType: type,
  };
  context.uploads.insertUpload(upload);
  const headers: Record<string, string> = algorithm === undefined ? {} : { "x-amz-checksum-algorithm": algorithm, "x-amz-checksum-type": type! };
  const inner = element("Bucket", call.bucket) + element("Key", call.key) + element("UploadId", upload.uploadId);
  return xmlResponse("InitiateMultipartUploadResult", inner, headers);
}

export async function uploadPart(context: S3Context, call: S3Call): Promise<AwsResponse> {
  const { upload, partNumber } = targetPart(context, call);
  // Parts stay files, whatever their size: completion concatenates files.
  const body = await receiveBody(call.http, context.blobs, false);
  const part: PartRow = {
    uploadId: upload.uploadId,
    partNumber,
    blob: body.blob,
    size: body.size,
    etag: body.md5,
    modifiedMs: wholeSeconds(context.cloud.clock.now()),
    checksum: body.checksum,
  };
  const problem = partChecksumProblem(upload, part.checksum);
  if (problem !== undefined) {
    context.blobs.remove([part.blob]);
    throw invalidRequest(problem);
  }
  await commitPart(context, part);
  return emptyResponse(200, { etag: quoteEtag(part.etag), ...checksumResponseHeaders(part.checksum) });
}

export async function uploadPartCopy(context: S3Context, call: S3Call): Promise<AwsResponse> {
  const { upload, partNumber } = targetPart(context, call);
  const source = readCopySource(context, call.http.headers);
  const range = copyRange(call.http.headers["x-amz-copy-source-range"], source.size);
  const md5 = createHash("md5");
  const hasher = upload.checksumAlgorithm === undefined ? undefined : createHasher(upload.checksumAlgorithm);
  const blob = await concatenateBlobs(context.blobs, [{ source: bytesOf(source), ...range }], (chunk) => {
    md5.update(chunk);
    hasher?.update(chunk);
  });
  const checksum: Checksum | undefined =
    hasher === undefined ? undefined : { algorithm: upload.checksumAlgorithm!, value: hasher.digest().toString("base64"), type: "FULL_OBJECT" };
  const part: PartRow = {
    uploadId: upload.uploadId,
    partNumber,
    blob,
    size: range.end - range.start + 1,
    etag: md5.digest("hex"),
    modifiedMs: wholeSeconds(context.cloud.clock.now()),
    checksum,
  };
  await commitPart(context, part);
  const checksumXml = checksum === undefined ? "" : element(checksumElement(checksum.algorithm), checksum.value);
  return xmlResponse("CopyPartResult", element("ETag", quoteEtag(part.etag)) + element("LastModified", isoTime(part.modifiedMs)) + checksumXml);
}

function targetPart(context: S3Context, call: S3Call): { upload: UploadRow; partNumber: number } {
  requireBucket(context, call);
  const text = call.http.query.get("partNumber") ?? "";
  const partNumber = Number(text);
  if (!/^\d+$/.test(text) || partNumber < 1 || partNumber > 10_000) {
    throw invalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber", text);
  }
  return { upload: requireUpload(context, call), partNumber };
}

function copyRange(header: string | string[] | undefined, size: number): { start: number; end: number } {
  if (header === undefined) return { start: 0, end: size - 1 };
  const match = /^bytes=(\d+)-(\d+)$/.exec(String(header).trim());
  if (match === null || Number(match[2]) < Number(match[1])) {
    throw invalidArgument(
      "The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy",
      "x-amz-copy-source-range",
      String(header),
    );
  }
  const start = Number(match[1]);
  const end = Number(match[2]);
  if (end >= size) throw invalidRequest(`Range specified is not valid for source object of size: ${size}`);
  return { start, end };
}

// The part row commits only while its upload exists (an abort may have come first).
async function commitPart(context: S3Context, part: PartRow): Promise<void> {
  let replaced: string | undefined;
  try {
    await context.commits.run(() => {
      if (context.uploads.upload(part.uploadId) === undefined) throw noSuchUpload(part.uploadId);
      replaced = context.uploads.putPart(part);
    });
  } catch (error) {
    context.blobs.remove([part.blob]);
    throw error;
  }
  if (replaced !== undefined) context.blobs.remove([replaced]);
}

/** The upload named by ?uploadId, which must be for this bucket and key. */
export function requireUpload(context: S3Context, call: S3Call): UploadRow {
  const uploadId = call.http.query.get("uploadId") ?? "";
  const upload = context.uploads.upload(uploadId);
  if (upload === undefined || upload.bucket !== call.bucket || upload.key !== call.key) throw noSuchUpload(uploadId);
  return upload;
}

export async function completeMultipartUpload(context: S3Context, call: S3Call): Promise<AwsResponse> {
  requireBucket(context, call);
  const upload = requireUpload(context, call);
  const requested = parseCompletion(await call.http.body(16 * 1024 * 1024), upload);
  const parts = checkParts(context, upload, requested);
  const md5s = Buffer.concat(parts.map((part) => Buffer.from(part.etag, "hex")));
  const etag = `${createHash("md5").update(md5s).digest("hex")}-${parts.length}`;
  const full = upload.checksumType === "FULL_OBJECT" ? createHasher(upload.checksumAlgorithm!) : undefined;
  const blob = await concatenateBlobs(
    context.blobs,
    parts.map((part) => ({ source: part.blob, start: 0, end: part.size - 1 })),
    (chunk) => full?.update(chunk),
  );
  const row: ObjectRow = {
    bucket: call.bucket,
    key: call.key,
    blob,
    size: parts.reduce((sum, part) => sum + part.size, 0),
    etag,
    modifiedMs: wholeSeconds(context.cloud.clock.now()),
    headers: upload.headers,
    checksum: multipartChecksum(upload, parts, full),
    parts: parts.map((part) => part.size),
  };
  let partBlobs: string[] = [];
  await commitObject(context, call, row, "ObjectCreated:CompleteMultipartUpload", () => {
    if (context.uploads.upload(upload.uploadId) === undefined) throw noSuchUpload(upload.uploadId);
    partBlobs = context.uploads.deleteUpload(upload.uploadId);
  });
  context.blobs.remove(partBlobs);
  const checksum =
    row.checksum === undefined ? "" : element(checksumElement(row.checksum.algorithm), row.checksum.value) + element("ChecksumType", row.checksum.type);
  const location = `${call.http.headers.host === undefined ? "" : `http://${call.http.headers.host}`}/${call.bucket}/${encodeURIComponent(call.key).replace(/%2F/g, "/")}`;
  const inner = element("Location", location) + element("Bucket", call.bucket) + element("Key", call.key) + element("ETag", quoteEtag(etag)) + checksum;
  return xmlResponse("CompleteMultipartUploadResult", inner, checksumResponseHeaders(row.checksum));
}

interface RequestedPart {
  partNumber: number;
  etag: string;
  checksum: string | undefined;
}

function parseCompletion(body: Buffer, upload: UploadRow): RequestedPart[] {
  const root = objectOf(parseXmlBody(body).CompleteMultipartUpload);
  const entries = asArray(root?.Part).map(objectOf);
  if (entries.length === 0) throw malformedXml();
  const element = upload.checksumAlgorithm === undefined ? undefined : checksumElement(upload.checksumAlgorithm);
  return entries.map((entry) => {
    const partNumber = Number(textOf(entry?.PartNumber));
    const etag = textOf(entry?.ETag);
    if (!Number.isInteger(partNumber) || etag === undefined) throw malformedXml();
    return { partNumber, etag: unquoteEtag(etag), checksum: element === undefined ? undefined : textOf(entry?.[element]) };
  });
}

// S3's rules, in its order: ascending numbers, each part present with its
// ETag (and checksum, when the upload has an algorithm), each but the last at least 5 MiB.
function checkParts(context: S3Context, upload: UploadRow, requested: readonly RequestedPart[]): PartRow[] {
  const stored = new Map(context.uploads.parts(upload.uploadId).map((part) => [part.partNumber, part]));
  const parts: PartRow[] = [];
  for (const [index, want] of requested.entries()) {
    if (index > 0 && want.partNumber <= requested[index - 1]!.partNumber) throw invalidPartOrder(upload.uploadId);
    const part = stored.get(want.partNumber);
    if (part === undefined || part.etag !== want.etag) throw invalidPart(upload.uploadId, want.partNumber, quoteEtag(want.etag));
    if (upload.checksumAlgorithm !== undefined && upload.checksumType === "COMPOSITE") {
      if (want.checksum === undefined) {
        throw invalidRequest(
          `The upload was created using a ${upload.checksumAlgorithm.toLowerCase()} checksum. The complete request must include the checksum for each part. It was missing for part ${want.partNumber} in the request.`,
        );
      }
      if (want.checksum !== part.checksum?.value) throw invalidPart(upload.uploadId, want.partNumber, quoteEtag(want.etag));
    }
    parts.push(part);
  }
  for (const part of parts.slice(0, -1)) {
    if (part.size < MIN_PART_SIZE) throw entityTooSmall(part.size, part.partNumber, quoteEtag(part.etag));
  }
  return parts;
}

export async function abortMultipartUpload(context: S3Context, call: S3Call): Promise<AwsResponse> {
  requireBucket(context, call);
  const upload = requireUpload(context, call);
  const blobs = await context.commits.run(() => context.uploads.deleteUpload(upload.uploadId));
  context.blobs.remove(blobs);
  return emptyResponse(204);
}
