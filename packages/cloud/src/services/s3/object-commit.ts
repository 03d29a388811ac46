// The one way an object comes into being (PutObject, CopyObject,
// CompleteMultipartUpload, POST): its blob is already on disk (or its small
// body is in hand, inserted with the row); one transaction
// checks the bucket still exists and the write's conditions hold, replaces
// the row and queues its events; then the replaced blob is removed. A crash
// before the commit leaves the old object (the new blob is garbage), after it
// the new one (the old blob is garbage).
import type { IncomingHttpHeaders } from "node:http";
import { noSuchBucket, noSuchKey, notImplemented, preconditionFailed } from "./s3-errors.js";
import type { S3Call, S3Context } from "./s3-context.js";
import type { ObjectEventName } from "./notification-events.js";
import type { ChangeFacts } from "./notifier.js";
import type { ObjectRow } from "./s3-store.js";
import { unquoteEtag } from "./s3-xml.js";

/**
 * Commits `row` (whose blob is written, or whose bytes are inline) and
 * queues `event`; removes the blob instead if the commit is refused. `alsoInside` runs in the same
 * transaction (CompleteMultipartUpload removes its upload there).
 */
export async function commitObject(context: S3Context, call: S3Call, row: ObjectRow, event: ObjectEventName, alsoInside?: () => void): Promise<void> {
  let replaced: string | undefined;
  try {
    await context.commits.run(() => {
      const bucket = context.store.bucket(row.bucket);
      if (bucket === undefined) throw noSuchBucket(row.bucket);
      checkWriteConditions(call.http.headers, () => context.store.object(row.bucket, row.key), row.key);
      alsoInside?.();
      replaced = context.store.putObject(row);
      context.notifier.emit(bucket, () => changeFacts(context, call, event, row.key, { size: row.size, eTag: row.etag }));
    });
  } catch (error) {
    if (row.blob !== undefined) context.blobs.remove([row.blob]);
    throw error;
  }
  if (replaced !== undefined) context.blobs.remove([replaced]);
}

/** The facts of a change made by `call`, for its event records. */
export function changeFacts(context: S3Context, call: S3Call, name: ObjectEventName, key: string, created?: { size: number; eTag: string }): ChangeFacts {
  return {
    name,
    key,
    ...(created === undefined ? {} : { size: created.size, eTag: created.eTag }),
    time: context.cloud.clock.now(),
    requestId: call.requestId,
    hostId: call.hostId,
    sourceIp: call.http.stream.socket?.remoteAddress?.replace(/^::ffff:/, "") ?? "127.0.0.1",
    principalId: call.http.accessKeyId === undefined ? "Anonymous" : `AWS:${call.http.accessKeyId}`,
  };
}

// Conditional writes (If-None-Match: * creates only; If-Match replaces only
// that version), checked inside the commit so two writers cannot both win.
// The existing row is read only when a condition asks.
function checkWriteConditions(headers: IncomingHttpHeaders, readExisting: () => ObjectRow | undefined, key: string): void {
  const noneMatch = headers["if-none-match"];
  const match = headers["if-match"];
  if (noneMatch === undefined && match === undefined) return;
  const existing = readExisting();
  if (noneMatch !== undefined) {
    if (noneMatch.trim() !== "*") throw notImplemented("If-None-Match other than * on writes");
    if (existing !== undefined) throw preconditionFailed("If-None-Match");
  }
  if (match !== undefined) {
    if (existing === undefined) throw noSuchKey(key);
    if (!match.split(",").some((tag) => tag.trim() === "*" || unquoteEtag(tag) === existing.etag)) throw preconditionFailed("If-Match");
  }
}
