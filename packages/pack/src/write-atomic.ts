// Writes an output file so that readers only ever see the old file or the
// whole new one: a temporary file in the same folder, flushed, then renamed
// over the target. Also tells whether an existing zip already holds the same
// content, so callers can leave it untouched (same bytes, same mtime).
import { randomBytes } from "node:crypto";
import { open, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import { PackError } from "./errors.js";
import { contentHash, sha256Hex } from "./hashes.js";
import { readZip } from "./zip-reader.js";

/** Writes `bytes` to `path` atomically; throws OUTPUT_NOT_WRITABLE and leaves no temporary file behind. */
export async function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  // Same folder, so the rename never crosses file systems; a dot name so
  // watchers globbing for *.zip ignore it.
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const handle = await open(temp, "wx");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw notWritable(path, error);
  }
}

/**
 * True when `path` is a readable zip whose contentHash is `expected`; false
 * when missing or unreadable. Given the new zip's bytes, a file with the same
 * bytes is unchanged without being unzipped (packing is deterministic, so
 * that is the usual case).
 */
export async function isUnchanged(path: string, expected: string, zip?: Uint8Array): Promise<boolean> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return false;
  }
  if (zip !== undefined && bytes.equals(zip)) return true;
  try {
    const entries = await readZip(bytes);
    const files = entries.map((entry) => ({ path: entry.path, mode: entry.mode, sha256: sha256Hex(entry.bytes) }));
    return contentHash(files) === expected;
  } catch {
    // Not a zip (or a damaged one): it is replaced, not compared.
    return false;
  }
}

function notWritable(path: string, error: unknown): PackError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const shown = relative(process.cwd(), path) || path;
  const why =
    code === "ENOENT"
      ? "its folder does not exist"
      : code === "EACCES" || code === "EPERM" || code === "EROFS"
        ? "permission denied"
        : code === "EISDIR"
          ? "it is a directory"
          : code === "ENOSPC"
            ? "no space left on the device"
            : error instanceof Error
              ? error.message
              : String(error);
  return new PackError("OUTPUT_NOT_WRITABLE", shown, `cannot write the output: ${why}`, {
    file: shown,
    hint: "choose an output path in an existing folder you can write to",
    cause: error,
  });
}
