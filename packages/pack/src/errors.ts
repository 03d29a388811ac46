// The one error type users of the packager see: a stable code, where it
// happened (a file:line:column relative to the working directory, or the
// output path) and a hint. Printing is left to the CLI.

/** Stable codes of {@link PackError}; never renamed once released. */
export type PackErrorCode =
  | "ENTRY_NOT_FOUND"
  | "BUNDLE_FAILED"
  | "MODULE_NOT_FOUND"
  | "EXPORT_NOT_FOUND"
  | "PACKAGE_TOO_LARGE"
  | "OUTPUT_NOT_WRITABLE"
  | "INVALID_ZIP"
  | "INVALID_OPTION";

export interface PackErrorData {
  /** Path relative to the working directory, `/`-separated. */
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  hint?: string;
  cause?: unknown;
}

/** Thrown for everything a user of the packager can cause. */
export class PackError extends Error {
  override readonly name = "PackError";
  readonly code: PackErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly hint: string | undefined;

  /** `where` is the text before the colon: `file:line:col`, an option or an output path. */
  constructor(code: PackErrorCode, where: string, problem: string, data: PackErrorData = {}) {
    const prefix = where === "" ? "" : `${where}: `;
    const hint = data.hint ? `\nhint: ${data.hint}` : "";
    super(`${prefix}${problem}${hint}`, "cause" in data ? { cause: data.cause } : undefined);
    this.code = code;
    this.file = data.file;
    this.line = data.line;
    this.column = data.column;
    this.hint = data.hint;
  }
}

/** `file:line:column` as printed in messages; parts that are unknown are left out. */
export function formatLocation(file: string, line?: number, column?: number): string {
  if (line === undefined) return file;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}
