// S3's flexible checksums (x-amz-checksum-crc32, -crc32c, -crc64nvme, -sha1,
// -sha256): incremental hashers for each algorithm, and which checksum a
// request declares (a header with the value, or a trailer announced by
// x-amz-trailer whose value comes after an aws-chunked body). CRC32 is
// zlib's; CRC32C and CRC64/NVME are table-driven here (no runtime dependency).
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { crc32 } from "node:zlib";
import { invalidRequest } from "./s3-errors.js";

export const CHECKSUM_ALGORITHMS = ["CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256"] as const;
export type ChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number];

/** How an object's checksum was made: of its bytes, or (multipart) of its parts' checksums. */
export type ChecksumType = "FULL_OBJECT" | "COMPOSITE";

/** A stored checksum: base64 value as S3 returns it. */
export interface Checksum {
  algorithm: ChecksumAlgorithm;
  value: string;
  type: ChecksumType;
}

export interface Hasher {
  update(chunk: Buffer): void;
  digest(): Buffer;
}

const DIGEST_BYTES: Readonly<Record<ChecksumAlgorithm, number>> = { CRC32: 4, CRC32C: 4, CRC64NVME: 8, SHA1: 20, SHA256: 32 };

const CHECKSUM_HEADERS = Object.fromEntries(CHECKSUM_ALGORITHMS.map((algorithm) => [algorithm, `x-amz-checksum-${algorithm.toLowerCase()}`])) as Readonly<
  Record<ChecksumAlgorithm, string>
>;

export function checksumHeader(algorithm: ChecksumAlgorithm): string {
  return CHECKSUM_HEADERS[algorithm];
}

/** The XML element of a checksum in S3's answers (ChecksumCRC32…). */
export function checksumElement(algorithm: ChecksumAlgorithm): string {
  return `Checksum${algorithm}`;
}

export function isChecksumAlgorithm(name: string): name is ChecksumAlgorithm {
  return (CHECKSUM_ALGORITHMS as readonly string[]).includes(name);
}

export function createHasher(algorithm: ChecksumAlgorithm): Hasher {
  switch (algorithm) {
    case "CRC32":
      return crcHasher((state, chunk) => crc32(chunk, state), 0, 4);
    case "CRC32C":
      return crcHasher(crc32c, 0, 4);
    case "CRC64NVME":
      return crc64Hasher();
    case "SHA1":
    case "SHA256": {
      const hash = createHash(algorithm === "SHA1" ? "sha1" : "sha256");
      return { update: (chunk) => hash.update(chunk), digest: () => hash.digest() };
    }
  }
}

/** The checksum of `bytes` in base64. */
export function checksumOf(algorithm: ChecksumAlgorithm, bytes: Buffer): string {
  const hasher = createHasher(algorithm);
  hasher.update(bytes);
  return hasher.digest().toString("base64");
}

/** What a request says about its body's checksum. */
export interface DeclaredChecksum {
  algorithm: ChecksumAlgorithm;
  /** The value from its header; undefined when it comes in the aws-chunked trailer. */
  expected: string | undefined;
}

/**
 * Reads the checksum a request declares, validating the value's shape as S3
 * does. `x-amz-sdk-checksum-algorithm` alone (no value, no trailer) is refused.
 */
export function declaredChecksum(headers: IncomingHttpHeaders): DeclaredChecksum | undefined {
  const found = CHECKSUM_ALGORITHMS.filter((algorithm) => headers[checksumHeader(algorithm)] !== undefined);
  if (found.length > 1) throw invalidRequest("Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
  const [algorithm] = found;
  if (algorithm !== undefined) {
    const expected = String(headers[checksumHeader(algorithm)]);
    if (!isChecksumValue(algorithm, expected)) throw invalidRequest(`Value for ${checksumHeader(algorithm)} header is invalid.`);
    return { algorithm, expected };
  }
  const trailer = String(headers["x-amz-trailer"] ?? "")
    .trim()
    .toLowerCase();
  if (trailer !== "") {
    const fromTrailer = CHECKSUM_ALGORITHMS.find((each) => checksumHeader(each) === trailer);
    if (fromTrailer === undefined) throw invalidRequest(`The value specified in the x-amz-trailer header is not supported`);
    return { algorithm: fromTrailer, expected: undefined };
  }
  if (headers["x-amz-sdk-checksum-algorithm"] !== undefined) {
    throw invalidRequest("x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.");
  }
  return undefined;
}

/** True when `value` is base64 of a digest of the algorithm's size. */
export function isChecksumValue(algorithm: ChecksumAlgorithm, value: string): boolean {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return false;
  return Buffer.from(value, "base64").length === DIGEST_BYTES[algorithm] && Buffer.from(value, "base64").toString("base64") === value;
}

// ---- CRCs ----

function crcHasher(step: (state: number, chunk: Buffer) => number, initial: number, bytes: number): Hasher {
  let state = initial;
  return {
    update: (chunk) => {
      state = step(state, chunk);
    },
    digest: () => {
      const out = Buffer.alloc(bytes);
      out.writeUInt32BE(state >>> 0);
      return out;
    },
  };
}

// CRC-32C (Castagnoli), reflected polynomial 0x82F63B78.
const CRC32C_TABLE = buildTable32(0x82f63b78);

function buildTable32(polynomial: number): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ polynomial : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

function crc32c(state: number, chunk: Buffer): number {
  let crc = ~state >>> 0;
  for (let i = 0; i < chunk.length; i++) crc = CRC32C_TABLE[(crc ^ chunk[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

// CRC-64/NVME, reflected polynomial 0x9A6C9329AC4BC9B5, kept as two 32-bit
// halves so the loop stays in small integers (BigInt per byte is ~50x slower).
const CRC64_POLY_HIGH = 0x9a6c9329;
const CRC64_POLY_LOW = 0xac4bc9b5;
const CRC64_TABLE_HIGH = new Uint32Array(256);
const CRC64_TABLE_LOW = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let high = 0;
  let low = n;
  for (let k = 0; k < 8; k++) {
    const carry = low & 1;
    low = ((low >>> 1) | ((high & 1) << 31)) >>> 0;
    high = high >>> 1;
    if (carry) {
      high = (high ^ CRC64_POLY_HIGH) >>> 0;
      low = (low ^ CRC64_POLY_LOW) >>> 0;
    }
  }
  CRC64_TABLE_HIGH[n] = high;
  CRC64_TABLE_LOW[n] = low;
}

function crc64Hasher(): Hasher {
  // State is the complemented CRC (initial value and final xor are all ones).
  let high = 0xffffffff;
  let low = 0xffffffff;
  return {
    update: (chunk) => {
      for (let i = 0; i < chunk.length; i++) {
        const index = (low ^ chunk[i]!) & 0xff;
        low = (((low >>> 8) | ((high & 0xff) << 24)) ^ CRC64_TABLE_LOW[index]!) >>> 0;
        high = ((high >>> 8) ^ CRC64_TABLE_HIGH[index]!) >>> 0;
      }
    },
    digest: () => {
      const out = Buffer.alloc(8);
      out.writeUInt32BE(~high >>> 0, 0);
      out.writeUInt32BE(~low >>> 0, 4);
      return out;
    },
  };
}
