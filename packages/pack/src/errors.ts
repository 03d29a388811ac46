// The one error type users of the packager see: a stable code, where it
// happened (a file:line:column relative to the working directory, or the
// output path) and a hint. Printing is left to the CLI.
import { ClosurePackError, type ClosurePackErrorData } from "@closure-pack/errors";

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

/** Where a packaging error happened (file, line, column) and how to fix it. */
export type PackErrorData = Omit<ClosurePackErrorData, "path">;

/**
 * Thrown for everything a user of the packager can cause. `where` is the
 * text before the colon: `file:line:col`, an option or an output path.
 */
export class PackError extends ClosurePackError<PackErrorCode> {
  override readonly name = "PackError";

  constructor(code: PackErrorCode, where: string, problem: string, data: PackErrorData = {}) {
    super(code, where, problem, data);
  }
}

/** `file:line:column` as printed in messages; parts that are unknown are left out. */
export function formatLocation(file: string, line?: number, column?: number): string {
  if (line === undefined) return file;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}
