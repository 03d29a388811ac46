// Bucket-level calls: CreateBucket, DeleteBucket, HeadBucket, ListBuckets,
// GetBucketLocation, Get/Put/DeleteBucketTagging, GetBucketVersioning.
// Notifications have their own file (notification-operations.ts).
import type { AwsResponse } from "../../server/aws-request.js";
import { asArray } from "../../protocols/xml.js";
import { bucketNameProblem } from "./bucket-name.js";
import { emptyResponse, OWNER_ID, requireBucket, type S3Call, type S3Context } from "./s3-context.js";
import {
  bucketAlreadyExists,
  bucketAlreadyOwnedByYou,
  bucketNotEmpty,
  invalidArgument,
  invalidBucketName,
  invalidTag,
  malformedXml,
  noSuchTagSet,
} from "./s3-errors.js";
import type { Tag } from "./s3-store.js";
import { AwsError } from "../../errors.js";
import { element, isoTime, objectOf, optionalElement, parseXmlBody, textOf, xmlResponse } from "./s3-xml.js";

export async function createBucket(context: S3Context, call: S3Call): Promise<AwsResponse> {
  const name = call.bucket;
  if (bucketNameProblem(name) !== undefined) throw invalidBucketName(name);
  const region = locationOf(await call.http.body(64 * 1024), call.http.region);
  const owner = call.http.accessKeyId ?? "";
  const existing = context.store.bucket(name);
  if (existing !== undefined) {
    if (existing.owner !== owner && existing.owner !== "" && owner !== "") throw bucketAlreadyExists(name);
    // us-east-1 answers a repeated CreateBucket of one's own bucket with 200 (a legacy S3 rule).
    if (region === "us-east-1" && existing.region === "us-east-1") return emptyResponse(200, { location: `/${name}` });
    throw bucketAlreadyOwnedByYou(name);
  }
  context.store.insertBucket({ name, region, owner, createdMs: wholeSeconds(context.cloud.clock.now()), tags: undefined, notification: undefined });
  return emptyResponse(200, { location: `/${name}` });
}

// The region a bucket is created in: its LocationConstraint, which must be
// the region the request was sent to (any region through us-east-1, the
// global endpoint); none means us-east-1.
function locationOf(body: Buffer, requestRegion: string): string {
  let constraint: string | undefined;
  if (body.length > 0) {
    const root = objectOf(parseXmlBody(body).CreateBucketConfiguration);
    if (root === undefined) throw malformedXml();
    constraint = textOf(root.LocationConstraint) || undefined;
  }
  if (constraint === "us-east-1") {
    throw new AwsError("InvalidLocationConstraint", "The specified location-constraint is not valid", 400, { LocationConstraint: constraint });
  }
  const region = constraint ?? "us-east-1";
  if (requestRegion !== "us-east-1" && region !== requestRegion) {
    const named = constraint === undefined ? "unspecified" : constraint;
    throw new AwsError(
      "IllegalLocationConstraintException",
      `The ${named} location constraint is incompatible for the region specific endpoint this request was sent to.`,
      400,
    );
  }
  return region;
}

export function deleteBucket(context: S3Context, call: S3Call): AwsResponse {
  requireBucket(context, call);
  if (context.store.hasObjects(call.bucket)) throw bucketNotEmpty(call.bucket);
  // The bucket's notification configuration goes with its row.
  const partBlobs = context.store.transaction(() => context.store.deleteBucket(call.bucket));
  context.blobs.remove(partBlobs);
  return emptyResponse(204);
}

export function headBucket(context: S3Context, call: S3Call): AwsResponse {
  const bucket = requireBucket(context, call);
  return emptyResponse(200, { "x-amz-bucket-region": bucket.region, "x-amz-access-point-alias": "false" });
}

export function listBuckets(context: S3Context, call: S3Call): AwsResponse {
  const prefix = call.http.query.get("prefix") ?? "";
  const regionFilter = call.http.query.get("bucket-region");
  const after = call.http.query.get("continuation-token") ?? "";
  const max = maxBuckets(call.http.query.get("max-buckets"));
  const matching = context.store
    .buckets()
    .filter((bucket) => bucket.name.startsWith(prefix) && bucket.name > after && (regionFilter === undefined || bucket.region === regionFilter));
  const page = matching.slice(0, max);
  const buckets = page
    .map(
      (bucket) =>
        `<Bucket>${element("Name", bucket.name)}${element("CreationDate", isoTime(bucket.createdMs))}${element("BucketRegion", bucket.region)}</Bucket>`,
    )
    .join("");
  const token = matching.length > page.length ? page[page.length - 1]?.name : undefined;
  const inner =
    `<Owner>${element("ID", OWNER_ID)}${element("DisplayName", "closure-pack")}</Owner><Buckets>${buckets}</Buckets>` +
    optionalElement("ContinuationToken", token) +
    (call.http.query.has("prefix") ? element("Prefix", prefix) : "");
  return xmlResponse("ListAllMyBucketsResult", inner);
}

function maxBuckets(text: string | undefined): number {
  if (text === undefined) return 10_000;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 10_000) throw invalidArgument("Invalid value for max-buckets", "max-buckets", text);
  return value;
}

export function getBucketLocation(context: S3Context, call: S3Call): AwsResponse {
  const bucket = requireBucket(context, call);
  // us-east-1 is the empty LocationConstraint, as on AWS.
  const region = bucket.region === "us-east-1" ? "" : bucket.region;
  return xmlResponse("LocationConstraint", region.replace(/&/g, "&amp;"));
}

export function getBucketVersioning(context: S3Context, call: S3Call): AwsResponse {
  requireBucket(context, call);
  // Never enabled: an empty VersioningConfiguration, as for a bucket that never had versioning.
  return xmlResponse("VersioningConfiguration", "");
}

export function getBucketTagging(context: S3Context, call: S3Call): AwsResponse {
  const bucket = requireBucket(context, call);
  if (bucket.tags === undefined) throw noSuchTagSet(call.bucket);
  const tags = bucket.tags.map((tag) => `<Tag>${element("Key", tag.Key)}${element("Value", tag.Value)}</Tag>`).join("");
  return xmlResponse("Tagging", `<TagSet>${tags}</TagSet>`);
}

export async function putBucketTagging(context: S3Context, call: S3Call): Promise<AwsResponse> {
  requireBucket(context, call);
  const tags = parseTagging(await call.http.body(1024 * 1024));
  context.store.setTags(call.bucket, tags);
  return emptyResponse(204);
}

export function deleteBucketTagging(context: S3Context, call: S3Call): AwsResponse {
  requireBucket(context, call);
  context.store.setTags(call.bucket, undefined);
  return emptyResponse(204);
}

/** A `<Tagging><TagSet><Tag>…` body, checked as S3 checks bucket tags. */
export function parseTagging(body: Buffer): Tag[] {
  const root = objectOf(parseXmlBody(body).Tagging);
  const tagSet = root === undefined ? undefined : objectOf(root.TagSet);
  if (tagSet === undefined) throw malformedXml();
  const tags: Tag[] = [];
  for (const entry of asArray(tagSet.Tag)) {
    const tag = objectOf(entry);
    const key = textOf(tag?.Key);
    const value = textOf(tag?.Value) ?? "";
    if (key === undefined) throw malformedXml();
    if (key.length > 128) throw invalidTag("The TagKey you have provided is too long, max 128");
    if (value.length > 256) throw invalidTag("The TagValue you have provided is too long, max 256");
    if (key.toLowerCase().startsWith("aws:")) throw invalidTag("System tags cannot be added/updated by requester");
    if (tags.some((each) => each.Key === key)) throw invalidTag("Cannot provide multiple Tags with the same key");
    tags.push({ Key: key, Value: value });
  }
  if (tags.length > 50) throw invalidTag("Bucket tag count cannot be greater than 50");
  return tags;
}

/** S3 keeps times to the second. */
export function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
