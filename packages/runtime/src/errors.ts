// The one error type users of the runtime see: a stable code, where it
// happened (an option, a zip entry, the code path) and a hint. A function
// that fails is not an error of this kind: invoke() resolves with its error.

/** Stable codes of {@link RuntimeError}; never renamed once released. */
export type RuntimeErrorCode =
  | "INVALID_OPTION"
  | "CODE_NOT_FOUND"
  | "INVALID_ZIP"
  | "UNSAFE_ZIP_ENTRY"
  | "PAYLOAD_TOO_LARGE"
  | "FUNCTION_CLOSED";

export interface RuntimeErrorData {
  hint?: string;
  cause?: unknown;
}

/** Thrown for everything a user of the runtime can cause. */
export class RuntimeError extends Error {
  override readonly name = "RuntimeError";
  readonly code: RuntimeErrorCode;
  readonly hint: string | undefined;

  /** `where` is the text before the colon: an option, a zip entry or a path. */
  constructor(code: RuntimeErrorCode, where: string, problem: string, data: RuntimeErrorData = {}) {
    const prefix = where === "" ? "" : `${where}: `;
    const hint = data.hint ? `\nhint: ${data.hint}` : "";
    super(`${prefix}${problem}${hint}`, "cause" in data ? { cause: data.cause } : undefined);
    this.code = code;
    this.hint = data.hint;
  }
}
