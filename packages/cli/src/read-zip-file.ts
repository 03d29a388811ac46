// Reads a zip named on the command line, with a clear error when it is not there.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { CliError } from "./errors.js";
import { displayPath } from "./paths.js";

export function readZipFile(cwd: string, file: string): Buffer {
  const shown = displayPath(cwd, file);
  try {
    return readFileSync(resolve(cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === "ENOENT" ? "zip not found" : code === "EISDIR" ? "is a directory, not a zip" : `cannot read: ${code ?? String(error)}`;
    throw new CliError("ZIP_NOT_FOUND", shown, problem, { cause: error });
  }
}
