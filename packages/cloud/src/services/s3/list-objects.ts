// ListObjectsV2 and ListObjects (v1). A listing is a walk of the bucket's
// key index from a starting point: a key rolling up into a common prefix
// (delimiter) is reported once as that prefix, and the walk then seeks past
// every key under it instead of reading them, so a page costs about
// max-keys index steps whatever the bucket holds. Entries (keys and common
// prefixes) are ordered by UTF-8 bytes; the page ends after the last entry
// reported, which is also what a continuation token or marker holds.
import type { AwsResponse } from "../../server/aws-request.js";
import { OWNER_ID, requireBucket, type S3Call, type S3Context } from "./s3-context.js";
import { invalidArgument } from "./s3-errors.js";
import type { ObjectRow, S3Store } from "./s3-store.js";
import { element, isoTime, optionalElement, quoteEtag, urlEncode, xmlResponse } from "./s3-xml.js";

export type Entry = { kind: "object"; row: ObjectRow } | { kind: "prefix"; prefix: string };

export interface ListRequest {
  prefix: string;
  delimiter: string;
  /** Entries at or before this (key or common prefix) are not listed. */
  after: string;
  maxKeys: number;
}

interface Page {
  entries: Entry[];
  truncated: boolean;
}

const DEFAULT_MAX_KEYS = 1000;
const TOKEN_VERSION = "1:";

export function listObjectsV2(context: S3Context, call: S3Call): AwsResponse {
  requireBucket(context, call);
  const query = call.http.query;
  const encode = encodingOf(query.get("encoding-type"));
  const token = query.get("continuation-token");
  const startAfter = query.get("start-after") ?? "";
  const request = listRequest(query, token === undefined ? startAfter : decodeToken(token));
  const page = listPage(context.store, call.bucket, request);
  const last = page.entries[page.entries.length - 1];
  const text = (value: string): string => (encode ? urlEncode(value) : value);
  const inner =
    element("Name", call.bucket) +
    element("Prefix", text(request.prefix)) +
    (request.delimiter === "" ? "" : element("Delimiter", text(request.delimiter))) +
    element("MaxKeys", request.maxKeys) +
    (encode ? element("EncodingType", "url") : "") +
    element("KeyCount", page.entries.length) +
    element("IsTruncated", page.truncated) +
    optionalElement("ContinuationToken", token) +
    (page.truncated && last !== undefined ? element("NextContinuationToken", encodeToken(entryName(last))) : "") +
    (query.has("start-after") ? element("StartAfter", text(startAfter)) : "") +
    entriesXml(page.entries, text, query.get("fetch-owner") === "true");
  return xmlResponse("ListBucketResult", inner);
}

export function listObjectsV1(context: S3Context, call: S3Call): AwsResponse {
  requireBucket(context, call);
  const query = call.http.query;
  const encode = encodingOf(query.get("encoding-type"));
  const marker = query.get("marker") ?? "";
  const request = listRequest(query, marker);
  const page = listPage(context.store, call.bucket, request);
  const last = page.entries[page.entries.length - 1];
  const text = (value: string): string => (encode ? urlEncode(value) : value);
  // NextMarker is only sent with a delimiter; without one, clients use the last key.
  const nextMarker = page.truncated && request.delimiter !== "" && last !== undefined ? element("NextMarker", text(entryName(last))) : "";
  const inner =
    element("Name", call.bucket) +
    element("Prefix", text(request.prefix)) +
    element("Marker", text(marker)) +
    nextMarker +
    element("MaxKeys", request.maxKeys) +
    (request.delimiter === "" ? "" : element("Delimiter", text(request.delimiter))) +
    element("IsTruncated", page.truncated) +
    (encode ? element("EncodingType", "url") : "") +
    entriesXml(page.entries, text, true);
  return xmlResponse("ListBucketResult", inner);
}

export function listRequest(query: ReadonlyMap<string, string>, after: string): ListRequest {
  return { prefix: query.get("prefix") ?? "", delimiter: query.get("delimiter") ?? "", after, maxKeys: maxKeysOf(query.get("max-keys")) };
}

function maxKeysOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_MAX_KEYS;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) throw invalidArgument("Provided max-keys not an integer or within integer range", "max-keys", text);
  return Math.min(value, DEFAULT_MAX_KEYS);
}

export function encodingOf(value: string | undefined): boolean {
  if (value === undefined) return false;
  if (value.toLowerCase() !== "url") throw invalidArgument("Invalid Encoding Method specified in Request", "encoding-type", value);
  return true;
}

/** Up to maxKeys entries after `after`, and whether more follow. */
export function listPage(store: S3Store, bucket: string, request: ListRequest): Page {
  const entries: Entry[] = [];
  if (request.maxKeys === 0) return { entries, truncated: false };
  for (const entry of walk(store, bucket, request)) {
    if (entries.length === request.maxKeys) return { entries, truncated: true };
    entries.push(entry);
  }
  return { entries, truncated: false };
}

function* walk(store: S3Store, bucket: string, request: ListRequest): Generator<Entry> {
  const prefix = Buffer.from(request.prefix);
  const after = Buffer.from(request.after);
  const end = request.prefix === "" ? undefined : successor(prefix);
  // Start at the prefix itself (inclusive) or just after the marker, whichever is later.
  const afterMarker = Buffer.compare(after, prefix) >= 0;
  let from: Buffer = afterMarker ? after : prefix;
  let inclusive = !afterMarker;
  seek: for (;;) {
    for (const row of store.scanObjects(bucket, from, inclusive, end)) {
      const common = commonPrefixOf(row.key, request);
      if (common === undefined) {
        yield { kind: "object", row };
        continue;
      }
      const commonBytes = Buffer.from(common);
      // A common prefix at or before the marker was reported on an earlier page.
      if (Buffer.compare(commonBytes, after) > 0) yield { kind: "prefix", prefix: common };
      const next = successor(commonBytes);
      if (next === undefined) return;
      from = next;
      inclusive = true;
      continue seek;
    }
    return;
  }
}

function commonPrefixOf(key: string, request: ListRequest): string | undefined {
  if (request.delimiter === "") return undefined;
  const at = key.indexOf(request.delimiter, request.prefix.length);
  return at === -1 ? undefined : key.slice(0, at + request.delimiter.length);
}

/** The smallest byte string after every string that starts with `bytes`, or undefined when there is none. */
export function successor(bytes: Buffer): Buffer | undefined {
  for (let i = bytes.length - 1; i >= 0; i--) {
    if (bytes[i]! < 0xff) {
      const next = Buffer.from(bytes.subarray(0, i + 1));
      next[i]! += 1;
      return next;
    }
  }
  return undefined;
}

export function entryName(entry: Entry): string {
  return entry.kind === "object" ? entry.row.key : entry.prefix;
}

function entriesXml(entries: readonly Entry[], text: (value: string) => string, withOwner: boolean): string {
  const owner = withOwner ? `<Owner>${element("ID", OWNER_ID)}${element("DisplayName", "closure-pack")}</Owner>` : "";
  let contents = "";
  let prefixes = "";
  for (const entry of entries) {
    if (entry.kind === "prefix") {
      prefixes += `<CommonPrefixes>${element("Prefix", text(entry.prefix))}</CommonPrefixes>`;
      continue;
    }
    const row = entry.row;
    const checksum = row.checksum === undefined ? "" : element("ChecksumAlgorithm", row.checksum.algorithm) + element("ChecksumType", row.checksum.type);
    const storageClass = row.headers["x-amz-storage-class"] ?? "STANDARD";
    contents += `<Contents>${element("Key", text(row.key))}${element("LastModified", isoTime(row.modifiedMs))}${element("ETag", quoteEtag(row.etag))}${checksum}${element("Size", row.size)}${owner}${element("StorageClass", storageClass)}</Contents>`;
  }
  return contents + prefixes;
}

// Continuation tokens are opaque to clients: the last entry of the page, versioned.
function encodeToken(last: string): string {
  return Buffer.from(TOKEN_VERSION + last).toString("base64");
}

function decodeToken(token: string): string {
  const text = Buffer.from(token, "base64").toString("utf8");
  if (!text.startsWith(TOKEN_VERSION)) throw invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
  return text.slice(TOKEN_VERSION.length);
}
