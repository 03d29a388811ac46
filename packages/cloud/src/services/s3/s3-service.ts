// The S3 service of the local cloud (REST-XML on the daemon's port): opens
// its tables and its blob folder (`<data>/s3`), removes what a crash left
// half done, then answers each request with the operation its address,
// method and sub-resource name (s3-routes.ts).
import { randomBytes } from "node:crypto";
import { closeSync, readFile } from "node:fs";
import { join } from "node:path";
import type { AwsRequest, AwsResponse } from "../../server/aws-request.js";
import { BlobStore } from "../../store/blob-store.js";
import type { CloudContext, ObjectReader, Service } from "../service.js";
import { GroupCommit } from "./group-commit.js";
import { UploadStore } from "./multipart-store.js";
import { Notifier } from "./notifier.js";
import { addressOf } from "./s3-address.js";
import type { S3Call, S3Context } from "./s3-context.js";
import { invalidArgument, noSuchVersion } from "./s3-errors.js";
import { routeOf } from "./s3-routes.js";
import { S3Store } from "./s3-store.js";

export function createS3Service(cloud: CloudContext): Service {
  const store = new S3Store(cloud.db);
  const blobs = new BlobStore(join(cloud.dataDir, "s3"), { flush: cloud.settings.durability === "machine" });
  // Before the first request: blobs no row names are leftovers of a crash.
  const live = store.liveBlobs();
  blobs.collectGarbage((id) => live.has(id));
  const context: S3Context = {
    cloud,
    store,
    uploads: new UploadStore(cloud.db),
    blobs,
    notifier: new Notifier(cloud, store),
    commits: new GroupCommit(cloud.db),
  };
  const service: Service & ObjectReader = {
    name: "s3",
    protocol: "rest-xml",
    handle: (request) => handle(context, request),
    readObject: (bucket, key, versionId) => readObjectBytes(context, bucket, key, versionId),
  };
  return service;
}

// ObjectReader, for Lambda's CreateFunction from S3Bucket/S3Key. Objects
// have no versions here: only the null version exists.
async function readObjectBytes(context: S3Context, bucket: string, key: string, versionId: string | undefined): Promise<Buffer | undefined> {
  if (versionId !== undefined && versionId !== "null") return undefined;
  const row = context.store.bucket(bucket) === undefined ? undefined : context.store.objectWithBytes(bucket, key);
  if (row === undefined) return undefined;
  if (row.blob === undefined) return row.bytes;
  // Opened in the tick the row was read: an overwrite cannot remove the blob first.
  const fd = context.blobs.openSync(row.blob);
  try {
    return await new Promise<Buffer>((resolve, reject) => readFile(fd, (error, bytes) => (error === null ? resolve(bytes) : reject(error))));
  } finally {
    closeSync(fd);
  }
}

// Buckets are never versioned: an object's only version is "null", which
// clients may name; any other version id names nothing.
function checkVersionId(request: AwsRequest, key: string | undefined): void {
  const versionId = request.query.get("versionId");
  if (versionId === undefined || versionId === "null" || key === undefined) return;
  if (request.method === "DELETE") throw invalidArgument("Invalid version id specified", "versionId", versionId);
  throw noSuchVersion(key, versionId);
}

// The ids S3 reports for a request: 8 random bytes in upper-case hex, and 48
// in base64, cut from a pool drawn 64 requests at a time (a randomBytes call
// per id cost about 8 µs each, more than the rest of a small GetObject's work).
const ID_BYTES = 8 + 48;
let idPool = Buffer.alloc(0);
let idOffset = 0;

function requestIds(): { requestId: string; hostId: string } {
  if (idOffset + ID_BYTES > idPool.length) {
    idPool = randomBytes(64 * ID_BYTES);
    idOffset = 0;
  }
  const at = idOffset;
  idOffset += ID_BYTES;
  return { requestId: idPool.toString("hex", at, at + 8).toUpperCase(), hostId: idPool.toString("base64", at + 8, at + ID_BYTES) };
}

async function handle(context: S3Context, request: AwsRequest): Promise<AwsResponse> {
  const { bucket, key } = addressOf(request);
  const operation = routeOf(request, bucket, key);
  checkVersionId(request, key);
  const call: S3Call = { http: request, bucket: bucket ?? "", key: key ?? "", ...requestIds() };
  const response = await operation(context, call);
  response.headers = { "x-amz-request-id": call.requestId, "x-amz-id-2": call.hostId, ...response.headers };
  return response;
}
