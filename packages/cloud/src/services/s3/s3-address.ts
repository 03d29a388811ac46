// Which bucket and key a request names. Virtual-hosted style puts the bucket
// in the Host header (`<bucket>.localhost:4566`, `<bucket>.s3.<anything>`)
// and the key in the whole path; path style puts both in the path
// (`/<bucket>/<key>`). Keys are percent-decoded exactly once and otherwise
// kept byte for byte: no dot-segment or slash normalisation, `+` is a plus.
import { AwsError } from "../../errors.js";
import type { AwsRequest } from "../../server/aws-request.js";
import { keyTooLong } from "./s3-errors.js";

export interface S3Address {
  /** Undefined for service-level calls (ListBuckets). */
  bucket: string | undefined;
  /** Undefined (never "") for bucket-level calls. */
  key: string | undefined;
}

const MAX_KEY_BYTES = 1024;

export function addressOf(request: AwsRequest): S3Address {
  const hosted = bucketFromHost(request.hostname);
  const path = request.rawPath;
  if (hosted !== undefined) return { bucket: hosted, key: keyOf(path.slice(1)) };
  const slash = path.indexOf("/", 1);
  const bucketPart = slash === -1 ? path.slice(1) : path.slice(1, slash);
  const bucket = bucketPart === "" ? undefined : decode(bucketPart);
  return { bucket, key: slash === -1 ? undefined : keyOf(path.slice(slash + 1)) };
}

/** The bucket named by a virtual-hosted Host, or undefined for path style. */
export function bucketFromHost(hostname: string): string | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(hostname) || hostname.startsWith("[")) return undefined;
  const local = /^(.+)\.localhost$/.exec(hostname);
  if (local !== null) return local[1];
  // The last `.s3.` or `.s3-` (s3.us-east-1.amazonaws.com, s3-website…) ends the bucket.
  const aws = /^(.+)\.s3[.-]/.exec(hostname);
  return aws?.[1];
}

function keyOf(encoded: string): string | undefined {
  if (encoded === "") return undefined;
  const key = decode(encoded);
  const bytes = Buffer.byteLength(key);
  if (bytes > MAX_KEY_BYTES) throw keyTooLong(bytes);
  return key;
}

function decode(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new AwsError("InvalidURI", "Couldn't parse the specified URI.", 400, { URI: encoded });
  }
}
