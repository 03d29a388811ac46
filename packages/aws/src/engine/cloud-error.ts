// An error from the target (AWS or the local cloud) as a user sees it: the
// resource, the step, the AWS error code and message, and how many attempts
// the SDK made when it retried (retry-policy.ts). Our own errors pass.
import { ClosurePackError } from "@closure-pack/errors";
import { AwsError } from "../errors.js";
import { errorCode, madeNothing } from "../provider/calls.js";
import { isThrottling } from "../provider/retry-policy.js";

export function cloudError(where: string, step: string, error: unknown): unknown {
  if (error instanceof ClosurePackError) return error;
  const code = errorCode(error) || "Error";
  const message = error instanceof Error ? error.message : String(error);
  const attempts = (error as { $metadata?: { attempts?: number } } | null)?.$metadata?.attempts ?? 1;
  const tries = attempts > 1 ? ` after ${attempts} attempts` : "";
  return new AwsError("CLOUD_ERROR", where, `${step} failed${tries}: ${code}: ${message}`, {
    cause: error,
    hint: hintFor(code, step, madeNothing(error)),
  });
}

/** `taken`: the provider found the name held by a resource this stack did not make, whatever code AWS uses for it (DynamoDB and Kinesis say ResourceInUseException). */
function hintFor(code: string, step: string, taken: boolean): string {
  if (isThrottling(code))
    return "AWS throttled the calls and the retries ran out: run the command again later (completed steps are kept); AWS_MAX_ATTEMPTS allows more attempts";
  if (/AccessDenied|UnrecognizedClient|InvalidClientTokenId|Credential/i.test(code)) return "check the credentials and permissions of the target";
  // A conflict on create is a name in use; elsewhere it is a change still in progress.
  if (taken || /AlreadyExists|AlreadyOwnedByYou/i.test(code) || (step === "create" && /Conflict/i.test(code)))
    return "the name is taken by a resource this stack did not make: give the resource another name, or use the existing one with get()";
  if (/BucketNotEmpty/.test(code)) return "empty the bucket, or set forceDestroy: true on it";
  if (/ECONNREFUSED|TimeoutError|NetworkingError/i.test(code)) return "is the target running? for the local cloud: closure-pack cloud status";
  return "run the command again: completed steps are kept and the rest is retried";
}
