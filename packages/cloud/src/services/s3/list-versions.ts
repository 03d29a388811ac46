// ListObjectVersions. Buckets here are never versioned, so every object is
// its one version, "null", the latest; the walk is ListObjects' (prefix,
// delimiter, key-marker, max-keys). The deploy provider empties a bucket
// this way before deleting it, as it must on AWS where versions may exist.
import type { AwsResponse } from "../../server/aws-request.js";
import { encodingOf, entryName, listPage, listRequest } from "./list-objects.js";
import { OWNER_ID, requireBucket, type S3Call, type S3Context } from "./s3-context.js";
import { element, isoTime, quoteEtag, urlEncode, xmlResponse } from "./s3-xml.js";

export function listObjectVersions(context: S3Context, call: S3Call): AwsResponse {
  requireBucket(context, call);
  const query = call.http.query;
  const encode = encodingOf(query.get("encoding-type"));
  const text = (value: string): string => (encode ? urlEncode(value) : value);
  const keyMarker = query.get("key-marker") ?? "";
  const request = listRequest(query, keyMarker);
  const page = listPage(context.store, call.bucket, request);
  const last = page.entries[page.entries.length - 1];
  const owner = `<Owner>${element("ID", OWNER_ID)}${element("DisplayName", "closure-pack")}</Owner>`;
  let versions = "";
  let prefixes = "";
  for (const entry of page.entries) {
    if (entry.kind === "prefix") {
      prefixes += `<CommonPrefixes>${element("Prefix", text(entry.prefix))}</CommonPrefixes>`;
      continue;
    }
    const row = entry.row;
    versions +=
      `<Version>${element("Key", text(row.key))}${element("VersionId", "null")}${element("IsLatest", true)}${element("LastModified", isoTime(row.modifiedMs))}` +
      `${element("ETag", quoteEtag(row.etag))}${element("Size", row.size)}${owner}${element("StorageClass", row.headers["x-amz-storage-class"] ?? "STANDARD")}</Version>`;
  }
  const next =
    page.truncated && last !== undefined
      ? element("NextKeyMarker", text(entryName(last))) + (last.kind === "object" ? element("NextVersionIdMarker", "null") : "")
      : "";
  const inner =
    element("Name", call.bucket) +
    element("Prefix", text(request.prefix)) +
    element("KeyMarker", text(keyMarker)) +
    element("VersionIdMarker", query.get("version-id-marker") ?? "") +
    next +
    element("MaxKeys", request.maxKeys) +
    (request.delimiter === "" ? "" : element("Delimiter", text(request.delimiter))) +
    element("IsTruncated", page.truncated) +
    (encode ? element("EncodingType", "url") : "") +
    versions +
    prefixes;
  return xmlResponse("ListVersionsResult", inner);
}
