// Errors the CLI itself raises. CliError is a known error a user can cause
// (printed alone, exit 1); UsageError is a bad command line (printed with the
// usage, exit 2). Errors of the libraries are recognised in known-error.ts.

/** Stable codes of {@link CliError}; never renamed once released. */
export type CliErrorCode =
  | "ENTRY_NOT_FOUND"
  | "COMPILE_ERROR"
  | "MODULE_NOT_FOUND"
  | "ENTRY_FOLDER_NOT_WRITABLE"
  | "ENTRY_THREW"
  | "EXPORT_NOT_FOUND"
  | "EXPORT_NOT_A_FUNCTION"
  | "OUTPUT_NOT_WRITABLE"
  | "ZIP_NOT_FOUND"
  | "INVALID_ZIP"
  | "CODE_NOT_FOUND"
  | "UNSAFE_ZIP_ENTRY"
  | "EVENT_NOT_FOUND"
  | "INVALID_EVENT";

export interface CliErrorData {
  /** Path relative to the working directory, `/`-separated. */
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  hint?: string;
  cause?: unknown;
}

/** A failure the user can fix: message shaped `<where>: <what>` and an optional `hint:` line. */
export class CliError extends Error {
  override readonly name = "CliError";
  readonly code: CliErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly hint: string | undefined;

  constructor(code: CliErrorCode, where: string, problem: string, data: CliErrorData = {}) {
    const hint = data.hint ? `\nhint: ${data.hint}` : "";
    super(`${where === "" ? "" : `${where}: `}${problem}${hint}`, "cause" in data ? { cause: data.cause } : undefined);
    this.code = code;
    this.file = data.file;
    this.line = data.line;
    this.column = data.column;
    this.hint = data.hint;
  }
}

/** A command line that cannot be run: names the argument and what it must be. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
