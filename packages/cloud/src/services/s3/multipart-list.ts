// ListParts and ListMultipartUploads. Uploads are listed by key, then by
// upload id (AWS orders a key's uploads by start time; ids here are random,
// so the order is stable but not chronological), with prefix, delimiter and
// key/upload-id markers.
import type { AwsResponse } from "../../server/aws-request.js";
import { checksumElement } from "./checksums.js";
import type { UploadRow } from "./multipart-store.js";
import { requireUpload } from "./multipart-upload.js";
import { OWNER_ID, requireBucket, type S3Call, type S3Context } from "./s3-context.js";
import { invalidArgument } from "./s3-errors.js";
import { compareKeys } from "./s3-store.js";
import { element, isoTime, optionalElement, quoteEtag, urlEncode, xmlResponse } from "./s3-xml.js";

const OWNER = `${element("ID", OWNER_ID)}${element("DisplayName", "closure-pack")}`;

export function listParts(context: S3Context, call: S3Call): AwsResponse {
  requireBucket(context, call);
  const upload = requireUpload(context, call);
  const query = call.http.query;
  const maxParts = limitOf(query.get("max-parts"), "max-parts");
  const marker = limitOf(query.get("part-number-marker") ?? "0", "part-number-marker");
  const parts = context.uploads.parts(upload.uploadId, marker, maxParts + 1);
  const page = parts.slice(0, maxParts);
  const truncated = parts.length > maxParts;
  const partsXml = page
    .map((part) => {
      const checksum = part.checksum === undefined ? "" : element(checksumElement(part.checksum.algorithm), part.checksum.value);
      return `<Part>${element("PartNumber", part.partNumber)}${element("LastModified", isoTime(part.modifiedMs))}${element("ETag", quoteEtag(part.etag))}${checksum}${element("Size", part.size)}</Part>`;
    })
    .join("");
  const inner =
    element("Bucket", call.bucket) +
    element("Key", call.key) +
    element("UploadId", upload.uploadId) +
    element("PartNumberMarker", marker) +
    element("NextPartNumberMarker", page[page.length - 1]?.partNumber ?? 0) +
    element("MaxParts", maxParts) +
    element("IsTruncated", truncated) +
    partsXml +
    `<Initiator>${OWNER}</Initiator><Owner>${OWNER}</Owner>` +
    element("StorageClass", "STANDARD") +
    optionalElement("ChecksumAlgorithm", upload.checksumAlgorithm) +
    optionalElement("ChecksumType", upload.checksumType);
  return xmlResponse("ListPartsResult", inner);
}

function limitOf(text: string | undefined, name: string): number {
  if (text === undefined) return 1000;
  if (!/^\d+$/.test(text)) throw invalidArgument(`Provided ${name} not an integer or within integer range`, name, text);
  return Math.min(Number(text), 1000);
}

type UploadEntry = { kind: "upload"; upload: UploadRow } | { kind: "prefix"; prefix: string };

export function listMultipartUploads(context: S3Context, call: S3Call): AwsResponse {
  requireBucket(context, call);
  const query = call.http.query;
  const prefix = query.get("prefix") ?? "";
  const delimiter = query.get("delimiter") ?? "";
  const keyMarker = query.get("key-marker") ?? "";
  const uploadIdMarker = query.get("upload-id-marker") ?? "";
  const maxUploads = limitOf(query.get("max-uploads"), "max-uploads");
  const encode = query.get("encoding-type") === "url";
  const text = (value: string): string => (encode ? urlEncode(value) : value);
  const entries: UploadEntry[] = [];
  let truncated = false;
  for (const upload of context.uploads.uploadsFrom(call.bucket, compareKeys(keyMarker, prefix) > 0 ? keyMarker : prefix)) {
    // Keys come in order from the prefix on: the first without it ends the listing.
    if (!upload.key.startsWith(prefix)) break;
    // After the markers: a later key, or the marker key with a later upload id.
    if (upload.key === keyMarker && (uploadIdMarker === "" || upload.uploadId <= uploadIdMarker)) continue;
    const at = delimiter === "" ? -1 : upload.key.indexOf(delimiter, prefix.length);
    const common = at === -1 ? undefined : upload.key.slice(0, at + delimiter.length);
    const last = entries[entries.length - 1];
    if (common !== undefined && last?.kind === "prefix" && last.prefix === common) continue;
    if (entries.length === maxUploads) {
      truncated = true;
      break;
    }
    entries.push(common === undefined ? { kind: "upload", upload } : { kind: "prefix", prefix: common });
  }
  return xmlResponse(
    "ListMultipartUploadsResult",
    uploadsXml(call.bucket, entries, truncated, { prefix, delimiter, keyMarker, uploadIdMarker, maxUploads, encode, text }),
  );
}

interface UploadsQuery {
  prefix: string;
  delimiter: string;
  keyMarker: string;
  uploadIdMarker: string;
  maxUploads: number;
  encode: boolean;
  text: (value: string) => string;
}

function uploadsXml(bucket: string, entries: readonly UploadEntry[], truncated: boolean, query: UploadsQuery): string {
  const lastUpload = [...entries].reverse().find((entry) => entry.kind === "upload");
  const last = entries[entries.length - 1];
  const nextKey = last === undefined ? "" : last.kind === "upload" ? last.upload.key : last.prefix;
  const uploads = entries
    .filter((entry): entry is Extract<UploadEntry, { kind: "upload" }> => entry.kind === "upload")
    .map(({ upload }) => {
      const checksum = optionalElement("ChecksumAlgorithm", upload.checksumAlgorithm) + optionalElement("ChecksumType", upload.checksumType);
      return `<Upload>${element("Key", query.text(upload.key))}${element("UploadId", upload.uploadId)}<Initiator>${OWNER}</Initiator><Owner>${OWNER}</Owner>${element("StorageClass", "STANDARD")}${element("Initiated", isoTime(upload.initiatedMs))}${checksum}</Upload>`;
    })
    .join("");
  const prefixes = entries
    .map((entry) => (entry.kind === "prefix" ? `<CommonPrefixes>${element("Prefix", query.text(entry.prefix))}</CommonPrefixes>` : ""))
    .join("");
  return (
    element("Bucket", bucket) +
    element("KeyMarker", query.text(query.keyMarker)) +
    element("UploadIdMarker", query.uploadIdMarker) +
    element("NextKeyMarker", query.text(nextKey)) +
    element("NextUploadIdMarker", last?.kind === "upload" && lastUpload?.kind === "upload" ? lastUpload.upload.uploadId : "") +
    (query.prefix === "" ? "" : element("Prefix", query.text(query.prefix))) +
    (query.delimiter === "" ? "" : element("Delimiter", query.text(query.delimiter))) +
    element("MaxUploads", query.maxUploads) +
    (query.encode ? element("EncodingType", "url") : "") +
    element("IsTruncated", truncated) +
    uploads +
    prefixes
  );
}
