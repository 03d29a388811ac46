// Errors of the local cloud. CloudError is what a user of the daemon can cause
// and fix (the port taken, a data folder another daemon holds); AwsError is an
// error answered on the wire in the calling service's protocol, with AWS's
// code, HTTP status and message, and never crashes the daemon.
import { ClosurePackError, type ClosurePackErrorData } from "@closure-pack/errors";

/** Stable codes of {@link CloudError}; never renamed once released. */
export type CloudErrorCode = "INVALID_OPTION" | "PORT_IN_USE" | "DATA_LOCKED" | "DATA_CORRUPT" | "DAEMON_NOT_RUNNING" | "DAEMON_START_FAILED";

/** Thrown for everything a user of the local cloud can cause; `where` is an option, a port or a folder. */
export class CloudError extends ClosurePackError<CloudErrorCode> {
  override readonly name = "CloudError";

  constructor(code: CloudErrorCode, where: string, problem: string, data: Pick<ClosurePackErrorData, "hint" | "cause"> = {}) {
    super(code, where, problem, data);
  }
}

/**
 * An error answered to an AWS client: `code` is AWS's error code for the
 * service (`NoSuchBucket`, `ResourceNotFoundException`, `NoSuchEntity`…),
 * `status` the HTTP status AWS uses for it. `extra` holds protocol fields AWS
 * adds (S3's `<BucketName>`, Lambda's `Type`).
 */
export class AwsError extends Error {
  override readonly name = "AwsError";
  readonly code: string;
  readonly status: number;
  readonly extra: Readonly<Record<string, string>>;

  constructor(code: string, message: string, status = 400, extra: Record<string, string> = {}) {
    super(message);
    this.code = code;
    this.status = status;
    this.extra = extra;
  }
}
