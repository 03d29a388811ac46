// The one error type users of the serializer see. Every refusal carries a
// stable code, the capture path from the root function and a hint.
import { ClosurePackError } from "@closure-pack/errors";

/** Stable codes of {@link SerializationError}; never renamed once released. */
export type SerializationErrorCode =
  | "NOT_A_FUNCTION"
  | "INVALID_OPTION"
  | "NATIVE_FUNCTION"
  | "LIVE_HANDLE"
  | "SUSPENDED_GENERATOR"
  | "REJECTED_PROMISE"
  | "PENDING_PROMISE"
  | "DIRECT_EVAL"
  | "WITH_STATEMENT"
  | "UNPARSABLE_FUNCTION"
  | "PRIVATE_STATE"
  | "UNSUPPORTED_VALUE"
  | "INVALID_REBUILD"
  | "REBUILD_FAILED"
  | "ENVIRONMENT_SECRET"
  | "INSPECTOR_UNAVAILABLE";

/** Thrown when a captured value cannot travel into the emitted module. */
export class SerializationError extends ClosurePackError<SerializationErrorCode> {
  override readonly name = "SerializationError";
  /** Capture path from the root function, one hop per element. */
  declare readonly path: readonly string[];
  /** The message's text between the path and the hint. */
  readonly problem: string;

  constructor(code: SerializationErrorCode, path: readonly string[], problem: string, hint?: string, options?: { cause?: unknown }) {
    super(code, path.join(" -> "), problem, { path, hint, ...options });
    this.problem = problem;
  }
}

/** A value whose creation needs itself (a class whose static code reads its own instance). */
export function circularDefinitionError(path: readonly string[]): SerializationError {
  return new SerializationError(
    "UNSUPPORTED_VALUE",
    path,
    "cannot serialize a value that is needed to create itself (a circular class definition)",
    "break the cycle, e.g. assign the static value after the class is defined",
  );
}
