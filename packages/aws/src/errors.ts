// The errors a user of the resource SDK and the deploy engine can cause:
// one class, AwsError, with stable codes. `where` is a file:line, a resource
// (`aws:s3:Bucket "docs"`), a state file, or a capture path prefixed by the
// resource that captured it.
import { ClosurePackError, type ClosurePackErrorData } from "@closure-pack/errors";

/** Stable codes of {@link AwsError}; never renamed once released. */
export type AwsErrorCode =
  | "INVALID_ARGUMENT"
  | "DUPLICATE_RESOURCE"
  | "OVERLAPPING_SUBSCRIPTIONS"
  | "OUTPUT_GET_AT_DEPLOY"
  | "RESOURCE_NOT_FOUND"
  | "HANDLER_NOT_SERIALIZABLE"
  | "STATE_CORRUPT"
  | "STATE_TOO_NEW"
  | "STACK_LOCKED"
  | "STACK_NOT_FOUND"
  | "TARGET_MISMATCH"
  | "DEPENDENCY_CYCLE"
  | "CLOUD_ERROR"
  | "FOREIGN_NOTIFICATION";

export type AwsErrorData = ClosurePackErrorData;

/** A failure the user can fix: `<where>: <what>` and an optional `hint:` line. */
export class AwsError extends ClosurePackError<AwsErrorCode> {
  override readonly name = "AwsError";

  constructor(code: AwsErrorCode, where: string, problem: string, data: AwsErrorData = {}) {
    super(code, where, problem, data);
  }
}

/** How messages name a resource: `aws:s3:Bucket "docs"`. */
export function describeResource(type: string, name: string): string {
  return `${type} "${name}"`;
}
