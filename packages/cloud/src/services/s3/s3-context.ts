// What every S3 operation is handed: the service's state (metadata store,
// blob files, event delivery, the cloud) and the call (the HTTP request with
// the bucket and key it names, and the ids S3 reports for it).
import type { AwsRequest, AwsResponse } from "../../server/aws-request.js";
import type { BlobStore } from "../../store/blob-store.js";
import type { CloudContext } from "../service.js";
import type { GroupCommit } from "./group-commit.js";
import type { UploadStore } from "./multipart-store.js";
import type { Notifier } from "./notifier.js";
import { noSuchBucket } from "./s3-errors.js";
import type { BucketRow, S3Store } from "./s3-store.js";

/** The canonical user id S3 reports as the owner of everything in the local cloud. */
export const OWNER_ID = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a";

export interface S3Context {
  readonly cloud: CloudContext;
  readonly store: S3Store;
  readonly uploads: UploadStore;
  readonly blobs: BlobStore;
  readonly notifier: Notifier;
  /** Where object, part and delete commits are batched (group-commit.ts). */
  readonly commits: GroupCommit;
}

export interface S3Call {
  readonly http: AwsRequest;
  /** "" for service-level calls. */
  readonly bucket: string;
  /** "" for bucket-level calls. */
  readonly key: string;
  /** x-amz-request-id and x-amz-id-2 of this call, also in its events. */
  readonly requestId: string;
  readonly hostId: string;
}

export type Operation = (context: S3Context, call: S3Call) => Promise<AwsResponse> | AwsResponse;

/** The bucket a call names, or NoSuchBucket. */
export function requireBucket(context: S3Context, call: S3Call): BucketRow {
  const bucket = context.store.bucket(call.bucket);
  if (bucket === undefined) throw noSuchBucket(call.bucket);
  return bucket;
}

/** An empty answer (204 for deletes, 200 for puts). */
export function emptyResponse(status: number, headers: Record<string, string> = {}): AwsResponse {
  return { status, headers };
}
