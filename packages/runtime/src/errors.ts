// The one error type users of the runtime see: a stable code, where it
// happened (an option, a zip entry, the code path) and a hint. A function
// that fails is not an error of this kind: invoke() resolves with its error.
import { ClosurePackError, type ClosurePackErrorData } from "@closure-pack/errors";

/** Stable codes of {@link RuntimeError}; never renamed once released. */
export type RuntimeErrorCode = "INVALID_OPTION" | "CODE_NOT_FOUND" | "INVALID_ZIP" | "UNSAFE_ZIP_ENTRY" | "PAYLOAD_TOO_LARGE" | "FUNCTION_CLOSED";

/** How to fix a runtime error, and the error behind it. */
export type RuntimeErrorData = Pick<ClosurePackErrorData, "hint" | "cause">;

/**
 * Thrown for everything a user of the runtime can cause. `where` is the
 * text before the colon: an option, a zip entry or a path.
 */
export class RuntimeError extends ClosurePackError<RuntimeErrorCode> {
  override readonly name = "RuntimeError";

  constructor(code: RuntimeErrorCode, where: string, problem: string, data: RuntimeErrorData = {}) {
    super(code, where, problem, data);
  }
}
