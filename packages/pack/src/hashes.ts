// The two hashes of a package: codeSha256 over the zip's bytes (AWS Lambda's
// CodeSha256) and contentHash over its files, which stays the same when only
// the zip library or compression changes.
import { createHash } from "node:crypto";
import { compareBytes } from "./zip-writer.js";

/** What contentHash covers of one file. */
export interface HashedFile {
  path: string;
  mode: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
}

/** base64 SHA-256 of the zip bytes, as AWS Lambda reports a function's CodeSha256. */
export function codeSha256(zip: Uint8Array): string {
  return createHash("sha256").update(zip).digest("base64");
}

/** hex SHA-256 of some bytes. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * hex SHA-256 over one line per file, sorted by the bytes of the path:
 * `<mode in octal> <sha256 hex> <path as a JSON string>\n`. JSON keeps a
 * path with a newline or a space from being read as two fields.
 */
export function contentHash(files: readonly HashedFile[]): string {
  const lines = [...files].sort((a, b) => compareBytes(a.path, b.path)).map((file) => `${file.mode.toString(8)} ${file.sha256} ${JSON.stringify(file.path)}\n`);
  return sha256Hex(lines.join(""));
}
