// Writing the CLI's outputs: the zip only when its content changed, and
// every file through a temporary file and a rename (by the packager's
// writeFileAtomic), so a failed run never leaves a partial file.
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { isUnchanged, writeFileAtomic } from "@closure-pack/pack";
import { CliError } from "./errors.js";

/** Fails early, before any work, when `path` cannot be an output file. */
export function checkOutputPath(path: string, shown: string): void {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return;
  }
  if (stats.isDirectory()) {
    throw new CliError("OUTPUT_NOT_WRITABLE", shown, "cannot write the output: it is a directory", {
      hint: "pass the path of the zip to write, e.g. -o dist/handler.zip",
    });
  }
}

/** Writes the zip unless a zip with the same contentHash is there; true when written. */
export async function writeZipIfChanged(path: string, shown: string, zip: Uint8Array, contentHash: string): Promise<boolean> {
  if (await isUnchanged(path, contentHash, zip)) return false;
  await writeOutput(path, shown, zip);
  return true;
}

/** Writes a text file (manifest, source map) unless it already holds exactly these bytes. */
export async function writeTextIfChanged(path: string, shown: string, text: string): Promise<boolean> {
  if (readOrUndefined(path) === text) return false;
  await writeOutput(path, shown, Buffer.from(text, "utf8"));
  return true;
}

async function writeOutput(path: string, shown: string, bytes: Uint8Array): Promise<void> {
  try {
    mkdirSync(dirname(path), { recursive: true });
    await writeFileAtomic(path, bytes);
  } catch (error) {
    // File system errors carry the syscall that failed; anything else is not ours to rename.
    const errno = error as Partial<NodeJS.ErrnoException>;
    if (typeof errno.syscall === "string" && typeof errno.code === "string") {
      throw new CliError("OUTPUT_NOT_WRITABLE", shown, `cannot write the output: ${describeErrno(errno.code)}`, { cause: error });
    }
    throw error;
  }
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function describeErrno(code: string): string {
  switch (code) {
    case "ENOTDIR":
    case "EEXIST":
      return "a folder on its path is a file";
    case "EISDIR":
      return "it is a directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "the file system is read-only";
    case "ENOSPC":
      return "no space left on the device";
    default:
      return code;
  }
}
