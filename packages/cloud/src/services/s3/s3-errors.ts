// S3's error responses: code, HTTP status, AWS's message text and the extra
// elements S3 adds to <Error> (BucketName, Key, UploadId…), so SDK clients
// and the aws CLI raise the same exception, with the same message, as
// against AWS. One function per error; callers never spell a message.
import { AwsError } from "../../errors.js";

export function noSuchBucket(bucket: string): AwsError {
  return new AwsError("NoSuchBucket", "The specified bucket does not exist", 404, { BucketName: bucket });
}

export function noSuchKey(key: string): AwsError {
  return new AwsError("NoSuchKey", "The specified key does not exist.", 404, { Key: key });
}

export function noSuchVersion(key: string, versionId: string): AwsError {
  return new AwsError("NoSuchVersion", "The specified version does not exist.", 404, { Key: key, VersionId: versionId });
}

export function noSuchUpload(uploadId: string): AwsError {
  return new AwsError(
    "NoSuchUpload",
    "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
    404,
    { UploadId: uploadId },
  );
}

export function invalidBucketName(bucket: string): AwsError {
  return new AwsError("InvalidBucketName", "The specified bucket is not valid.", 400, { BucketName: bucket });
}

export function bucketAlreadyOwnedByYou(bucket: string): AwsError {
  return new AwsError("BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it.", 409, {
    BucketName: bucket,
  });
}

export function bucketAlreadyExists(bucket: string): AwsError {
  return new AwsError(
    "BucketAlreadyExists",
    "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.",
    409,
    { BucketName: bucket },
  );
}

export function bucketNotEmpty(bucket: string): AwsError {
  return new AwsError("BucketNotEmpty", "The bucket you tried to delete is not empty", 409, { BucketName: bucket });
}

export function malformedXml(): AwsError {
  return new AwsError("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema", 400);
}

export function invalidArgument(message: string, name?: string, value?: string): AwsError {
  const extra: Record<string, string> = {};
  if (name !== undefined) extra.ArgumentName = name;
  if (value !== undefined) extra.ArgumentValue = value;
  return new AwsError("InvalidArgument", message, 400, extra);
}

export function invalidRequest(message: string): AwsError {
  return new AwsError("InvalidRequest", message, 400);
}

export function preconditionFailed(condition: string): AwsError {
  return new AwsError("PreconditionFailed", "At least one of the pre-conditions you specified did not hold", 412, { Condition: condition });
}

export function invalidRange(range: string, size: number): AwsError {
  return new AwsError("InvalidRange", "The requested range is not satisfiable", 416, { RangeRequested: range, ActualObjectSize: String(size) });
}

export function badDigest(message: string): AwsError {
  return new AwsError("BadDigest", message, 400);
}

export function invalidDigest(): AwsError {
  return new AwsError("InvalidDigest", "The Content-MD5 you specified was invalid.", 400);
}

export function incompleteBody(): AwsError {
  return new AwsError("IncompleteBody", "You did not provide the number of bytes specified by the Content-Length HTTP header", 400);
}

export function keyTooLong(size: number): AwsError {
  return new AwsError("KeyTooLongError", "Your key is too long", 400, { Size: String(size), MaxSizeAllowed: "1024" });
}

export function methodNotAllowed(method: string, resourceType: "BUCKET" | "OBJECT" | "SERVICE"): AwsError {
  return new AwsError("MethodNotAllowed", "The specified method is not allowed against this resource.", 405, { Method: method, ResourceType: resourceType });
}

export function notImplemented(what: string): AwsError {
  return new AwsError(
    "NotImplemented",
    `A header you provided implies functionality that is not implemented (the local cloud does not implement ${what})`,
    501,
  );
}

export function invalidPart(uploadId: string, partNumber: number, etag: string): AwsError {
  // AWS's message has the two spaces after "found.".
  return new AwsError(
    "InvalidPart",
    "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
    400,
    { UploadId: uploadId, PartNumber: String(partNumber), ETag: etag },
  );
}

export function invalidPartOrder(uploadId: string): AwsError {
  return new AwsError("InvalidPartOrder", "The list of parts was not in ascending order. Parts must be ordered by part number.", 400, { UploadId: uploadId });
}

export function entityTooSmall(size: number, partNumber: number, etag: string): AwsError {
  return new AwsError("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size", 400, {
    ProposedSize: String(size),
    MinSizeAllowed: String(5 * 1024 * 1024),
    PartNumber: String(partNumber),
    ETag: etag,
  });
}

export function noSuchTagSet(bucket: string): AwsError {
  return new AwsError("NoSuchTagSet", "The TagSet does not exist", 404, { BucketName: bucket });
}

export function invalidTag(message: string): AwsError {
  return new AwsError("InvalidTag", message, 400);
}
