// Errors the CLI itself raises. CliError is a known error a user can cause
// (printed alone, exit 1); UsageError is a bad command line (printed as one
// line and where to find the usage, exit 2). The libraries' errors share their base class,
// ClosurePackError, which main.ts recognises.
import { ClosurePackError, type ClosurePackErrorData } from "@closure-pack/errors";

/** Stable codes of {@link CliError}; never renamed once released. */
export type CliErrorCode =
  | "ENTRY_NOT_FOUND"
  | "COMPILE_ERROR"
  | "MODULE_NOT_FOUND"
  | "ENTRY_FOLDER_NOT_WRITABLE"
  | "ENTRY_THREW"
  | "TOP_LEVEL_AWAIT_NEVER_SETTLED"
  | "LOAD_TIMEOUT"
  | "EXPORT_NOT_FOUND"
  | "EXPORT_NOT_A_FUNCTION"
  | "OUTPUT_NOT_WRITABLE"
  | "ZIP_NOT_FOUND"
  | "INVALID_ZIP"
  | "EVENT_NOT_FOUND"
  | "INVALID_EVENT"
  | "PORT_IN_USE"
  | "CLOUD_NOT_RUNNING"
  | "OUTPUT_NOT_FOUND"
  | "RESOURCE_NOT_IN_STACK"
  | "FILE_NOT_FOUND"
  | "FILE_NOT_WRITABLE"
  | "S3_REQUEST_FAILED"
  | "ENDPOINT_NOT_REACHABLE"
  | "QUEUE_NOT_FOUND"
  | "SQS_REQUEST_FAILED"
  | "TABLE_NOT_FOUND"
  | "ITEM_NOT_FOUND"
  | "DYNAMODB_REQUEST_FAILED"
  | "INVALID_ENVIRONMENT"
  | "TOPIC_NOT_FOUND"
  | "SNS_REQUEST_FAILED"
  | "STREAM_NOT_FOUND"
  | "KINESIS_REQUEST_FAILED"
  | "EVENT_BUS_NOT_FOUND"
  | "EVENT_REJECTED"
  | "EVENTS_REQUEST_FAILED"
  | "LOG_GROUP_NOT_FOUND"
  | "LOG_EVENTS_REJECTED"
  | "LOGS_REQUEST_FAILED";

/** Where a CLI error happened (file, line, column) and how to fix it. */
export type CliErrorData = Omit<ClosurePackErrorData, "path">;

/** A failure the user can fix: message shaped `<where>: <what>` and an optional `hint:` line. */
export class CliError extends ClosurePackError<CliErrorCode> {
  override readonly name = "CliError";

  constructor(code: CliErrorCode, where: string, problem: string, data: CliErrorData = {}) {
    super(code, where, problem, data);
  }
}

/** A command line that cannot be run: names the argument and what it must be. */
export class UsageError extends ClosurePackError<"USAGE"> {
  override readonly name = "UsageError";
  /** The command whose --help the message points at ("s3 cp"); set where the command is known. */
  command: string | undefined;

  constructor(problem: string, hint?: string) {
    super("USAGE", "", problem, hint === undefined ? {} : { hint });
  }
}
