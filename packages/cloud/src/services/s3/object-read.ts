// GetObject and HeadObject: conditional requests (If-Match,
// If-Unmodified-Since → 412; If-None-Match, If-Modified-Since → 304, in
// RFC 7232's order, as S3 evaluates them), byte ranges (206, or 416 when
// unsatisfiable), part numbers of multipart objects, response-* overrides,
// and the stored checksum when the client asks (whole object only). An
// inline body comes with its row, in one read; a blob is opened in the same
// tick as its row is read, so a concurrent overwrite (which unlinks the old
// blob) cannot pull the bytes away.
import { closeSync, readSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import type { AwsResponse } from "../../server/aws-request.js";
import { objectResponseHeaders } from "./object-headers.js";
import { requireBucket, type S3Call, type S3Context } from "./s3-context.js";
import { invalidArgument, invalidRange, noSuchKey, preconditionFailed } from "./s3-errors.js";
import type { ObjectRow } from "./s3-store.js";
import { unquoteEtag } from "./s3-xml.js";

// Bodies up to this size are read in one synchronous call and sent as a buffer.
const SMALL_BODY = 64 * 1024;

interface ByteRange {
  start: number;
  end: number;
}

export function getObject(context: S3Context, call: S3Call): AwsResponse {
  return readObject(context, call, true);
}

export function headObject(context: S3Context, call: S3Call): AwsResponse {
  return readObject(context, call, false);
}

function readObject(context: S3Context, call: S3Call, withBody: boolean): AwsResponse {
  requireBucket(context, call);
  const row = withBody ? context.store.objectWithBytes(call.bucket, call.key) : context.store.object(call.bucket, call.key);
  if (row === undefined) throw noSuchKey(call.key);
  const headers = call.http.headers;
  const notModified = evaluateConditions(headers, row);
  if (notModified) {
    const { etag, "last-modified": lastModified } = objectResponseHeaders(row);
    return { status: 304, headers: { etag: etag!, "last-modified": lastModified! } };
  }
  const range = partRange(call.http.query.get("partNumber"), row) ?? parseRange(headers.range, row.size);
  const responseHeaders = objectResponseHeaders(row, {
    query: call.http.query,
    // S3 sends the checksum of the whole object only, never of a range.
    checksum: range === undefined && String(headers["x-amz-checksum-mode"] ?? "").toUpperCase() === "ENABLED",
  });
  const { start, end } = range ?? { start: 0, end: row.size - 1 };
  const length = end - start + 1;
  responseHeaders["content-length"] = String(length);
  if (range !== undefined) responseHeaders["content-range"] = `bytes ${start}-${end}/${row.size}`;
  const status = range === undefined ? 200 : 206;
  if (!withBody || length === 0) return { status, headers: responseHeaders };
  return { status, headers: responseHeaders, body: readBlob(context, row, start, end) };
}

function readBlob(context: S3Context, row: ObjectRow, start: number, end: number): NonNullable<AwsResponse["body"]> {
  if (row.blob === undefined) return row.bytes!.subarray(start, end + 1);
  const fd = context.blobs.openSync(row.blob);
  const length = end - start + 1;
  if (length > SMALL_BODY) return context.blobs.streamFd(fd, start, end);
  try {
    const buffer = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const n = readSync(fd, buffer, read, length - read, start + read);
      if (n === 0) throw new Error(`blob ${row.blob} of ${row.bucket}/${row.key} is shorter than its ${row.size} bytes`);
      read += n;
    }
    return buffer;
  } finally {
    closeSync(fd);
  }
}

/** True for 304; throws PreconditionFailed for 412; false to answer normally. */
export function evaluateConditions(headers: IncomingHttpHeaders, row: ObjectRow): boolean {
  const ifMatch = headers["if-match"];
  if (ifMatch !== undefined) {
    if (!etagListMatches(ifMatch, row.etag)) throw preconditionFailed("If-Match");
  } else if (headers["if-unmodified-since"] !== undefined) {
    const since = Date.parse(headers["if-unmodified-since"]);
    if (!Number.isNaN(since) && row.modifiedMs > since) throw preconditionFailed("If-Unmodified-Since");
  }
  const ifNoneMatch = headers["if-none-match"];
  if (ifNoneMatch !== undefined) return etagListMatches(ifNoneMatch, row.etag);
  if (headers["if-modified-since"] !== undefined) {
    const since = Date.parse(headers["if-modified-since"]);
    if (!Number.isNaN(since) && row.modifiedMs <= since) return true;
  }
  return false;
}

export function etagListMatches(list: string, etag: string): boolean {
  return list.split(",").some((each) => each.trim() === "*" || unquoteEtag(each) === etag);
}

/**
 * A Range header as S3 reads it: one range `bytes=a-b`, `bytes=a-` or
 * `bytes=-n`. Anything else (several ranges, bad syntax) is ignored and the
 * whole object sent; a range starting past the end is 416.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null || (match[1] === "" && match[2] === "")) return undefined;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) throw invalidRange(header, size);
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  if (start >= size) throw invalidRange(header, size);
  const end = match[2] === "" ? size - 1 : Number(match[2]);
  if (end < start) return undefined;
  return { start, end: Math.min(end, size - 1) };
}

// ?partNumber=N reads the bytes of part N of a multipart object (part 1 is
// the whole of a single-part object).
function partRange(text: string | undefined, row: ObjectRow): ByteRange | undefined {
  if (text === undefined) return undefined;
  const number = Number(text);
  const parts = row.parts ?? [row.size];
  if (!Number.isInteger(number) || number < 1 || number > 10_000) {
    throw invalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber", text);
  }
  if (row.parts === undefined && number === 1) return undefined;
  if (number > parts.length) throw invalidRange(`part ${number}`, row.size);
  const start = parts.slice(0, number - 1).reduce((sum, size) => sum + size, 0);
  return { start, end: start + parts[number - 1]! - 1 };
}
