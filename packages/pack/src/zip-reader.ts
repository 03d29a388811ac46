// Reads a zip back with jszip: every file's path, bytes, mode and date, in
// the zip's own order. Raw header fields are zip-layout.ts's job.
import type JSZip from "jszip";
import { PackError } from "./errors.js";
import { dosToUtcDate, readZipHeaders } from "./zip-layout.js";

/** One file read from a zip. */
export interface ZipEntry {
  path: string;
  bytes: Buffer;
  /** Permission bits (e.g. 0o644); 0o644 when the zip records none. */
  mode: number;
  /** The stored DOS date read as UTC. */
  date: Date;
}

/** Files of a zip in central-directory order; directory entries are skipped. */
export async function readZip(zip: Uint8Array): Promise<ZipEntry[]> {
  // The headers give the order (jszip keys its files by name) and the dates
  // without jszip's local-time reading of DOS dates.
  const headers = readZipHeaders(zip);
  let archive: JSZip;
  try {
    // Loaded on first use: packing never reads a zip back.
    const { default: jszip } = await import("jszip");
    archive = await jszip.loadAsync(zip, { checkCRC32: true });
  } catch (error) {
    throw new PackError("INVALID_ZIP", "", `not a valid zip: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const entries: ZipEntry[] = [];
  for (const header of headers) {
    const file = archive.files[header.path];
    if (file === undefined || file.dir) continue;
    entries.push({
      path: header.path,
      bytes: await file.async("nodebuffer"),
      mode: header.unixMode === 0 ? 0o644 : header.unixMode & 0o7777,
      date: dosToUtcDate(header.dosDate, header.dosTime),
    });
  }
  return entries;
}
