// The headers an object keeps (Content-Type, Cache-Control,
// Content-Disposition, Content-Encoding, Content-Language, Expires,
// x-amz-meta-*, storage class, redirect) as a request sends them on
// PutObject / CopyObject REPLACE / CreateMultipartUpload, and as GetObject
// and HeadObject answer them, with the response-* query overrides.
import type { IncomingHttpHeaders } from "node:http";
import { AwsError } from "../../errors.js";
import { checksumHeader } from "./checksums.js";
import type { ObjectHeaders, ObjectRow } from "./s3-store.js";
import { httpTime, quoteEtag } from "./s3-xml.js";

const STORED = ["content-type", "cache-control", "content-disposition", "content-encoding", "content-language", "expires", "x-amz-website-redirect-location"];

// S3's default when an upload names no type.
const DEFAULT_CONTENT_TYPE = "binary/octet-stream";
const MAX_METADATA_BYTES = 2 * 1024;

const OVERRIDES: ReadonlyArray<readonly [string, string]> = [
  ["response-content-type", "content-type"],
  ["response-content-language", "content-language"],
  ["response-expires", "expires"],
  ["response-cache-control", "cache-control"],
  ["response-content-disposition", "content-disposition"],
  ["response-content-encoding", "content-encoding"],
];

/** The headers of a request that the new object keeps. */
export function storedHeaders(headers: IncomingHttpHeaders): ObjectHeaders {
  const stored: ObjectHeaders = { "content-type": DEFAULT_CONTENT_TYPE };
  let metadataBytes = 0;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(",") : value;
    if (name.startsWith("x-amz-meta-")) {
      stored[name] = text;
      metadataBytes += name.length - "x-amz-meta-".length + Buffer.byteLength(text);
    } else if (STORED.includes(name)) {
      stored[name] = text;
    }
  }
  const encoding = withoutAwsChunked(stored["content-encoding"]);
  if (encoding === undefined) delete stored["content-encoding"];
  else stored["content-encoding"] = encoding;
  const storageClass = headers["x-amz-storage-class"];
  if (typeof storageClass === "string" && storageClass !== "STANDARD") stored["x-amz-storage-class"] = storageClass;
  if (metadataBytes > MAX_METADATA_BYTES) {
    throw new AwsError("MetadataTooLarge", "Your metadata headers exceed the maximum allowed metadata size", 400, {
      Size: String(metadataBytes),
      MaxSizeAllowed: String(MAX_METADATA_BYTES),
    });
  }
  return stored;
}

// aws-chunked frames the upload; it is not an encoding of the object.
function withoutAwsChunked(encoding: string | undefined): string | undefined {
  if (encoding === undefined) return undefined;
  const rest = encoding
    .split(",")
    .map((each) => each.trim())
    .filter((each) => each !== "" && each !== "aws-chunked");
  return rest.length === 0 ? undefined : rest.join(",");
}

export interface ObjectHeaderOptions {
  /** Query of the request, for response-* overrides. */
  query?: ReadonlyMap<string, string>;
  /** Whether to include the stored checksum (x-amz-checksum-mode: ENABLED, whole object). */
  checksum?: boolean;
}

/** The headers GetObject and HeadObject answer for `row` (without Content-Length and Content-Range). */
export function objectResponseHeaders(row: ObjectRow, options: ObjectHeaderOptions = {}): Record<string, string> {
  const headers: Record<string, string> = {
    ...row.headers,
    etag: quoteEtag(row.etag),
    "last-modified": httpTime(row.modifiedMs),
    "accept-ranges": "bytes",
  };
  if (row.parts !== undefined) headers["x-amz-mp-parts-count"] = String(row.parts.length);
  if (options.checksum === true && row.checksum !== undefined) {
    headers[checksumHeader(row.checksum.algorithm)] = row.checksum.value;
    headers["x-amz-checksum-type"] = row.checksum.type;
  }
  for (const [parameter, header] of OVERRIDES) {
    const value = options.query?.get(parameter);
    if (value !== undefined) headers[header] = value;
  }
  return headers;
}

/** The headers of a checksum for PutObject / UploadPart / CopyObject answers. */
export function checksumResponseHeaders(checksum: ObjectRow["checksum"]): Record<string, string> {
  if (checksum === undefined) return {};
  return { [checksumHeader(checksum.algorithm)]: checksum.value, "x-amz-checksum-type": checksum.type };
}
