// Which S3 operation a request is: by its target (service, bucket or object),
// its method, and the sub-resource in its query (`?tagging`, `?uploads`,
// `?list-type=2`…) or headers (x-amz-copy-source). A flat table, one row
// per operation; a sub-resource the local cloud does not keep is answered
// NotImplemented, naming it, rather than mistaken for a plain GET or PUT.
import type { AwsRequest } from "../../server/aws-request.js";
import {
  createBucket,
  deleteBucket,
  deleteBucketTagging,
  getBucketLocation,
  getBucketTagging,
  getBucketVersioning,
  headBucket,
  listBuckets,
  putBucketTagging,
} from "./bucket-operations.js";
import { listObjectsV1, listObjectsV2 } from "./list-objects.js";
import { listObjectVersions } from "./list-versions.js";
import { getObject, headObject } from "./object-read.js";
import { deleteObject, deleteObjects, putObject } from "./object-write.js";
import type { Operation } from "./s3-context.js";
import { methodNotAllowed, notImplemented } from "./s3-errors.js";
import { copyObject } from "./object-copy.js";
import { abortMultipartUpload, completeMultipartUpload, createMultipartUpload, uploadPart, uploadPartCopy } from "./multipart-upload.js";
import { listMultipartUploads, listParts } from "./multipart-list.js";
import { getBucketNotification, putBucketNotification } from "./notification-operations.js";
import { postObject } from "./post-object.js";

type Routes = Readonly<Record<string, Operation>>;

// Bucket sub-resources by method; "" is the bucket itself.
const BUCKET_ROUTES: Readonly<Record<string, Routes>> = {
  GET: {
    "": listObjectsV1,
    "list-type": listObjectsV2,
    location: getBucketLocation,
    tagging: getBucketTagging,
    versioning: getBucketVersioning,
    notification: getBucketNotification,
    uploads: listMultipartUploads,
    versions: listObjectVersions,
  },
  PUT: { "": createBucket, tagging: putBucketTagging, notification: putBucketNotification },
  DELETE: { "": deleteBucket, tagging: deleteBucketTagging },
  HEAD: { "": headBucket },
  POST: { "": postObject, delete: deleteObjects },
};

const OBJECT_ROUTES: Readonly<Record<string, Routes>> = {
  GET: { "": getObject, uploadId: listParts },
  HEAD: { "": headObject },
  PUT: { "": putObject, copy: copyObject, uploadId: uploadPart, "uploadId+copy": uploadPartCopy },
  DELETE: { "": deleteObject, uploadId: abortMultipartUpload },
  POST: { uploads: createMultipartUpload, uploadId: completeMultipartUpload },
};

// Query names that select a sub-resource; anything else (prefix, max-keys,
// response-content-type…) is a parameter.
const BUCKET_SUBRESOURCES = [
  "list-type",
  "location",
  "tagging",
  "versioning",
  "notification",
  "uploads",
  "delete",
  "acl",
  "policy",
  "cors",
  "lifecycle",
  "encryption",
  "website",
  "logging",
  "replication",
  "ownershipControls",
  "publicAccessBlock",
  "accelerate",
  "requestPayment",
  "object-lock",
  "intelligent-tiering",
  "inventory",
  "analytics",
  "metrics",
  "policyStatus",
  "versions",
  "metadataTable",
];
const OBJECT_SUBRESOURCES = ["uploads", "uploadId", "tagging", "acl", "retention", "legal-hold", "torrent", "attributes", "restore", "select"];

/** The operation for a request to `bucket`/`key` (either may be undefined). */
export function routeOf(request: AwsRequest, bucket: string | undefined, key: string | undefined): Operation {
  const method = request.method;
  if (bucket === undefined) {
    if (method === "GET") return listBuckets;
    throw methodNotAllowed(method, "SERVICE");
  }
  const isObject = key !== undefined;
  const subresources = isObject ? OBJECT_SUBRESOURCES : BUCKET_SUBRESOURCES;
  let name = subresources.find((each) => request.query.has(each)) ?? "";
  // A PUT naming a copy source is CopyObject, or UploadPartCopy within an upload.
  if (isObject && method === "PUT" && request.headers["x-amz-copy-source"] !== undefined) {
    if (name === "") name = "copy";
    else if (name === "uploadId") name = "uploadId+copy";
  }
  const routes = (isObject ? OBJECT_ROUTES : BUCKET_ROUTES)[method];
  const operation = routes?.[name];
  if (operation !== undefined) return operation;
  if (name !== "" && subresources.includes(name)) throw notImplemented(`?${name} on ${isObject ? "objects" : "buckets"} (${method})`);
  throw methodNotAllowed(method, isObject ? "OBJECT" : "BUCKET");
}
