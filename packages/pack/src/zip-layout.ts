// Reads the raw headers of a zip (central directory and local headers)
// without decompressing: the fields determinism depends on (order, dates,
// modes, flags, extra fields). Contents are zip-reader.ts's job.
import { PackError } from "./errors.js";

/** One entry's headers as written, in central-directory order. */
export interface ZipHeader {
  path: string;
  /** Raw DOS time and date fields. */
  dosTime: number;
  dosDate: number;
  /** Unix mode from the external attributes (type bits included), 0 if none. */
  unixMode: number;
  versionMadeBy: number;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** Extra field lengths of the central and the local header. */
  centralExtraLength: number;
  localExtraLength: number;
  commentLength: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN_LENGTH = 22;

/** Headers of every entry; throws INVALID_ZIP when the bytes are not a zip. */
export function readZipHeaders(zip: Uint8Array): ZipHeader[] {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = findEndOfCentralDirectory(bytes);
  const count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  const headers: ZipHeader[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_SIGNATURE) throw invalid("a central directory header is damaged");
    const nameLength = bytes.readUInt16LE(offset + 28);
    const header: ZipHeader = {
      path: bytes.toString("utf8", offset + 46, offset + 46 + nameLength),
      versionMadeBy: bytes.readUInt16LE(offset + 4),
      flags: bytes.readUInt16LE(offset + 8),
      method: bytes.readUInt16LE(offset + 10),
      dosTime: bytes.readUInt16LE(offset + 12),
      dosDate: bytes.readUInt16LE(offset + 14),
      crc32: bytes.readUInt32LE(offset + 16),
      compressedSize: bytes.readUInt32LE(offset + 20),
      size: bytes.readUInt32LE(offset + 24),
      centralExtraLength: bytes.readUInt16LE(offset + 30),
      commentLength: bytes.readUInt16LE(offset + 32),
      unixMode: bytes.readUInt32LE(offset + 38) >>> 16,
      localHeaderOffset: bytes.readUInt32LE(offset + 42),
      localExtraLength: 0,
    };
    header.localExtraLength = readLocalExtraLength(bytes, header.localHeaderOffset);
    headers.push(header);
    offset += 46 + nameLength + header.centralExtraLength + header.commentLength;
  }
  return headers;
}

/** A DOS date and time as the UTC date they spell (zip stores no time zone). */
export function dosToUtcDate(dosDate: number, dosTime: number): Date {
  const year = 1980 + (dosDate >> 9);
  const month = ((dosDate >> 5) & 0x0f) - 1;
  const day = dosDate & 0x1f;
  return new Date(Date.UTC(year, month, day, dosTime >> 11, (dosTime >> 5) & 0x3f, (dosTime & 0x1f) * 2));
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record sits at the end, before a comment of at most 65535 bytes.
  const stop = Math.max(0, bytes.length - EOCD_MIN_LENGTH - 0xffff);
  for (let offset = bytes.length - EOCD_MIN_LENGTH; offset >= stop; offset--) {
    if (bytes.readUInt32LE(offset) === EOCD_SIGNATURE) return offset;
  }
  throw invalid("no end of central directory record");
}

function readLocalExtraLength(bytes: Buffer, offset: number): number {
  if (offset + 30 > bytes.length || bytes.readUInt32LE(offset) !== LOCAL_SIGNATURE) throw invalid("a local file header is damaged");
  return bytes.readUInt16LE(offset + 28);
}

function invalid(problem: string): PackError {
  return new PackError("INVALID_ZIP", "", `not a valid zip: ${problem}`);
}
