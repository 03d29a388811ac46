// aws:s3:Bucket through S3: CreateBucket (adopting one this stack's tags
// say it already made; GetBucketTagging tells), tags with PutBucketTagging,
// HeadBucket to read, DeleteBucket (after emptying it with forceDestroy).
import { s3Api } from "./sdk.js";
import type { BucketLocationConstraint } from "@aws-sdk/client-s3";
import { TYPES } from "../core/types.js";
import { errorCode, isNotFound, isOwnResource, notMadeByThisStack, resourceTags, tagList } from "./calls.js";
import type { ApplyContext, Provider } from "./provider.js";

function outputs(id: string): Record<string, unknown> {
  return { bucketName: id, arn: `arn:aws:s3:::${id}` };
}

export const bucketProvider: Provider = {
  type: TYPES.bucket,
  nameRule: { max: 63, lowercase: true },
  replaceKeys: ["bucket"],
  identity: (inputs, generated) => (typeof inputs.bucket === "string" ? inputs.bucket : generated),
  predict: (_account, _region, id) => outputs(id),

  isOwn: async (context, id) => isOwnResource(context, await readTags(context, id)),

  async read(context, id) {
    try {
      await context.clients.s3.send(new (s3Api().HeadBucketCommand)({ Bucket: id }));
      return outputs(id);
    } catch (error) {
      if (isNotFound(error, "NoSuchBucket")) return undefined;
      throw error;
    }
  },

  async create(context, id, inputs) {
    const region = context.target.region;
    const configuration = region === "us-east-1" ? undefined : { LocationConstraint: region as BucketLocationConstraint };
    // In us-east-1 S3 answers 200 to CreateBucket of a bucket the account
    // already owns, so its tags are read first: a bucket of this stack (a
    // run cut short made it) is adopted, any other is a name taken.
    const existing = await readTags(context, id);
    if (existing !== undefined && !isOwnResource(context, existing)) {
      throw notMadeByThisStack("bucket", id, "BucketAlreadyOwnedByYou");
    }
    if (existing === undefined) {
      await context.clients.s3.send(new (s3Api().CreateBucketCommand)({ Bucket: id, ...(configuration ? { CreateBucketConfiguration: configuration } : {}) }));
    }
    await tag(context, id, inputs);
    return outputs(id);
  },

  async update(context, id, _olds, inputs) {
    await tag(context, id, inputs);
    return outputs(id);
  },

  async delete(context, id, inputs) {
    if (inputs.forceDestroy === true) await empty(context, id);
    try {
      await context.clients.s3.send(new (s3Api().DeleteBucketCommand)({ Bucket: id }));
    } catch (error) {
      if (!isNotFound(error, "NoSuchBucket")) throw error;
    }
  },
};

/** The bucket's tags ([] when it has none), or undefined when there is no such bucket. */
async function readTags(context: ApplyContext, id: string): Promise<Array<{ Key?: string | undefined; Value?: string | undefined }> | undefined> {
  try {
    return (await context.clients.s3.send(new (s3Api().GetBucketTaggingCommand)({ Bucket: id }))).TagSet ?? [];
  } catch (error) {
    if (isNotFound(error, "NoSuchBucket")) return undefined;
    if (isNotFound(error, "NoSuchTagSet")) return [];
    // Another account's bucket answers 403: CreateBucket then says BucketAlreadyExists.
    if (errorCode(error) === "AccessDenied") return undefined;
    throw error;
  }
}

async function tag(context: ApplyContext, id: string, inputs: Record<string, unknown>): Promise<void> {
  const TagSet = tagList(resourceTags(context, inputs.tags));
  await context.clients.s3.send(new (s3Api().PutBucketTaggingCommand)({ Bucket: id, Tagging: { TagSet } }));
}

/** Deletes every object version and delete marker, a page at a time. */
async function empty(context: ApplyContext, id: string): Promise<void> {
  for (;;) {
    let page;
    try {
      page = await context.clients.s3.send(new (s3Api().ListObjectVersionsCommand)({ Bucket: id }));
    } catch (error) {
      if (isNotFound(error, "NoSuchBucket")) return;
      throw error;
    }
    const objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map((v) => ({
      Key: v.Key!,
      ...(v.VersionId && v.VersionId !== "null" ? { VersionId: v.VersionId } : {}),
    }));
    if (objects.length === 0) return;
    await context.clients.s3.send(new (s3Api().DeleteObjectsCommand)({ Bucket: id, Delete: { Objects: objects, Quiet: true } }));
  }
}
