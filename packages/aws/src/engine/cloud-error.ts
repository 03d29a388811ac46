// An error from the target (AWS or the local cloud) as a user sees it: the
// resource, the step, the AWS error code and message. Our own errors pass.
import { ClosurePackError } from "@closure-pack/errors";
import { AwsError } from "../errors.js";
import { errorCode } from "../provider/calls.js";

export function cloudError(where: string, step: string, error: unknown): unknown {
  if (error instanceof ClosurePackError) return error;
  const code = errorCode(error) || "Error";
  const message = error instanceof Error ? error.message : String(error);
  return new AwsError("CLOUD_ERROR", where, `${step} failed: ${code}: ${message}`, {
    cause: error,
    hint: hintFor(code),
  });
}

function hintFor(code: string): string {
  if (/AccessDenied|UnrecognizedClient|InvalidClientTokenId|Credential/i.test(code)) return "check the credentials and permissions of the target";
  if (/AlreadyExists|Conflict/i.test(code)) return "the name is taken: give the resource another name";
  if (/BucketNotEmpty/.test(code)) return "empty the bucket, or set forceDestroy: true on it";
  if (/ECONNREFUSED|TimeoutError|NetworkingError/i.test(code)) return "is the target running? for the local cloud: closure-pack cloud status";
  return "run the command again: completed steps are kept and the rest is retried";
}
