// Receives an upload's body (PutObject, UploadPart, POST) into a committed
// blob, or in memory for the database when it is small: undoes aws-chunked
// framing, hashes as the bytes pass (MD5 for the ETag, the declared flexible
// checksum, SHA-256 when the request signed its payload), checks every
// digest and the length the request announced, and only then commits the
// blob. Bodies up to 1 MiB stay in memory and are written in one synchronous
// call; larger ones stream to a file, never held whole.
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { AwsError } from "../../errors.js";
import type { AwsRequest } from "../../server/aws-request.js";
import type { BlobStore, BlobWriter } from "../../store/blob-store.js";
import { AwsChunkedDecoder } from "./aws-chunked.js";
import { checksumHeader, createHasher, declaredChecksum, isChecksumValue, type Checksum, type DeclaredChecksum, type Hasher } from "./checksums.js";
import { badDigest, incompleteBody, invalidDigest, invalidRequest } from "./s3-errors.js";

/** A received body, with its digests: a committed blob, or bytes to keep inline. */
export interface ReceivedBody {
  /** The committed blob file; undefined when the body is returned as `bytes`. */
  blob: string | undefined;
  /** The whole body, when the caller keeps small bodies inline and this one is at most INLINE_LIMIT. */
  bytes: Buffer | undefined;
  size: number;
  /** Hex MD5: the ETag of a single-part object or part. */
  md5: string;
  checksum: Checksum | undefined;
}

/**
 * Object bodies up to this size are stored in the object's transaction, in
 * the database (s3_bodies), instead of as blob files: "object bytes as
 * files" holds for larger bodies only. Creating a file costs this VM's file
 * system 0.4-0.9 ms at the median (2-16 ms at p99 under load), whatever its
 * size, while a 1 KiB row costs 0.03 ms and a 64 KiB one 0.09 ms (0.44 ms
 * on average with the WAL checkpoints it causes). At 128 KiB and above the
 * averages meet (every byte is written twice, to the WAL then the database,
 * and checkpoints stall the writer), so files stay the better place there.
 * Inline bodies are durable with the row (one commit, and under "machine"
 * durability one fsync instead of two) and leave no file to collect.
 */
export const INLINE_LIMIT = 64 * 1024;
// Bodies up to this size are kept in memory and written with one sync call.
const IN_MEMORY_LIMIT = 1024 * 1024;
// Streamed bodies are written in batches of about this size.
const WRITE_BATCH = 1024 * 1024;

interface Digests {
  md5: ReturnType<typeof createHash>;
  sha256: ReturnType<typeof createHash> | undefined;
  checksum: Hasher | undefined;
}

/** A body received into a blob file (receiveBody without inline). */
export type ReceivedFile = ReceivedBody & { blob: string };

/** What a body must turn out to be; each check that is given is made. */
export interface BodyExpectations {
  declared?: DeclaredChecksum | undefined;
  contentMd5?: Buffer | undefined;
  signedSha256?: string | undefined;
  size?: number | undefined;
  /** The trailer lines, read once the source ended (aws-chunked). */
  trailers?: () => ReadonlyMap<string, string> | undefined;
}

/**
 * Reads the request body into a new blob, or into `bytes` when `inline` and
 * it is at most INLINE_LIMIT; throws S3's error (nothing left on disk) when
 * it does not check out.
 */
export function receiveBody(request: AwsRequest, blobs: BlobStore, inline: false): Promise<ReceivedFile>;
export function receiveBody(request: AwsRequest, blobs: BlobStore, inline: boolean): Promise<ReceivedBody>;
export async function receiveBody(request: AwsRequest, blobs: BlobStore, inline: boolean): Promise<ReceivedBody> {
  const headers = request.headers;
  const sha256 = String(headers["x-amz-content-sha256"] ?? "");
  const decoder = isAwsChunked(headers) ? new AwsChunkedDecoder() : undefined;
  const wire = Number(headers["content-length"]);
  const raw: Iterable<Buffer> | AsyncIterable<Buffer> =
    wire <= IN_MEMORY_LIMIT ? await collectSmall(request.stream) : (request.stream as AsyncIterable<Buffer>);
  const source = decoder === undefined ? raw : Symbol.asyncIterator in raw ? decoded(raw, decoder) : [...raw].flatMap((piece) => decoder.push(piece));
  const expect: BodyExpectations = {
    declared: declaredChecksum(headers),
    contentMd5: expectedMd5(headers),
    signedSha256: /^[0-9a-f]{64}$/.test(sha256) ? sha256 : undefined,
    size: announcedSize(headers, decoder !== undefined),
    trailers: () => decoder?.finish(),
  };
  try {
    return await receivePayload(source, blobs, inline, expect);
  } catch (error) {
    // The client went away mid-body ("aborted"): its doing, not the daemon's
    // failure, so S3's error rather than a 500 logged as a fault.
    throw (error as NodeJS.ErrnoException)?.code === "ECONNRESET" ? incompleteBody() : error;
  }
}

async function* decoded(source: AsyncIterable<unknown>, decoder: AwsChunkedDecoder): AsyncGenerator<Buffer> {
  for await (const raw of source) yield* decoder.push(raw as Buffer);
}

// A body whose Content-Length is small, read with plain stream events: the
// stream's async iterator costs more than the rest of a 1 KiB PutObject's
// own work (tens of microseconds per request, measured with --cpu-prof). A
// connection closed before the end rejects, as the iterator would.
function collectSmall(stream: AwsRequest["stream"]): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const pieces: Buffer[] = [];
    const onData = (piece: Buffer): void => void pieces.push(piece);
    const onEnd = (): void => {
      stream.off("close", onClose);
      resolve(pieces);
    };
    const onClose = (): void => {
      if (!stream.readableEnded) reject(incompleteBody());
    };
    stream.on("data", onData);
    stream.once("end", onEnd);
    stream.once("close", onClose);
    // The only error of a request stream is its connection lost ("aborted").
    stream.once("error", () => reject(incompleteBody()));
  });
}

/** Writes `source` (the payload bytes) to a new blob (or `bytes`, see receiveBody), hashing them and checking `expect` before the blob is committed. */
export async function receivePayload(
  source: AsyncIterable<Buffer> | Iterable<Buffer>,
  blobs: BlobStore,
  inline: boolean,
  expect: BodyExpectations = {},
): Promise<ReceivedBody> {
  const digests: Digests = {
    md5: createHash("md5"),
    sha256: expect.signedSha256 === undefined ? undefined : createHash("sha256"),
    checksum: expect.declared === undefined ? undefined : createHasher(expect.declared.algorithm),
  };
  const sink = new BodySink(blobs);
  try {
    for await (const piece of source) {
      digests.md5.update(piece);
      digests.sha256?.update(piece);
      digests.checksum?.update(piece);
      await sink.add(piece);
    }
    const trailers = expect.trailers?.();
    if (expect.size !== undefined && sink.size !== expect.size) throw incompleteBody();
    const md5 = digests.md5.digest();
    if (expect.contentMd5 !== undefined && !md5.equals(expect.contentMd5)) throw badDigest("The Content-MD5 you specified did not match what we received.");
    if (expect.signedSha256 !== undefined) checkSha256(expect.signedSha256, digests.sha256!.digest().toString("hex"));
    const checksum = expect.declared === undefined ? undefined : verifyChecksum(expect.declared, digests.checksum!, trailers);
    const bytes = inline ? sink.inlineBytes() : undefined;
    const blob = bytes === undefined ? await sink.commit() : undefined;
    return { blob, bytes, size: sink.size, md5: md5.toString("hex"), checksum };
  } catch (error) {
    await sink.abort();
    throw error;
  }
}

export function isAwsChunked(headers: IncomingHttpHeaders): boolean {
  const encoding = String(headers["content-encoding"] ?? "");
  return encoding.split(",").some((each) => each.trim() === "aws-chunked") || String(headers["x-amz-content-sha256"] ?? "").startsWith("STREAMING-");
}

function announcedSize(headers: IncomingHttpHeaders, chunked: boolean): number | undefined {
  const text = chunked ? headers["x-amz-decoded-content-length"] : headers["content-length"];
  if (text === undefined) return undefined;
  const size = Number(text);
  if (!Number.isSafeInteger(size) || size < 0) throw invalidRequest(`${chunked ? "x-amz-decoded-content-length" : "Content-Length"} is not a valid length`);
  return size;
}

function expectedMd5(headers: IncomingHttpHeaders): Buffer | undefined {
  const text = headers["content-md5"];
  if (text === undefined) return undefined;
  const bytes = Buffer.from(String(text), "base64");
  if (bytes.length !== 16 || bytes.toString("base64") !== String(text).trim()) throw invalidDigest();
  return bytes;
}

function checkSha256(expected: string, computed: string): void {
  if (expected === computed) return;
  throw new AwsError("XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.", 400, {
    ClientComputedContentSHA256: expected,
    S3ComputedContentSHA256: computed,
  });
}

function verifyChecksum(declared: DeclaredChecksum, hasher: Hasher, trailers: ReadonlyMap<string, string> | undefined): Checksum {
  const header = checksumHeader(declared.algorithm);
  const expected = declared.expected ?? trailers?.get(header);
  if (expected === undefined) throw invalidRequest(`The ${header} trailer announced by x-amz-trailer was not sent.`);
  if (!isChecksumValue(declared.algorithm, expected)) throw invalidRequest(`Value for ${header} trailing header is invalid.`);
  const value = hasher.digest().toString("base64");
  if (value !== expected) throw badDigest(`The ${declared.algorithm} you specified did not match the calculated checksum.`);
  return { algorithm: declared.algorithm, value, type: "FULL_OBJECT" };
}

/** Where body bytes go: memory while small, then a blob written in batches. */
class BodySink {
  size = 0;
  readonly #blobs: BlobStore;
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #writer: BlobWriter | undefined;

  constructor(blobs: BlobStore) {
    this.#blobs = blobs;
  }

  async add(piece: Buffer): Promise<void> {
    this.size += piece.length;
    this.#pending.push(piece);
    this.#pendingBytes += piece.length;
    if (this.#writer === undefined && this.#pendingBytes > IN_MEMORY_LIMIT) this.#writer = await this.#blobs.createWriter();
    if (this.#writer !== undefined && this.#pendingBytes >= WRITE_BATCH) await this.#flush();
  }

  /** The whole body when it is small enough to keep inline, else undefined. */
  inlineBytes(): Buffer | undefined {
    if (this.#writer !== undefined || this.size > INLINE_LIMIT) return undefined;
    return this.#pending.length === 1 ? this.#pending[0]! : Buffer.concat(this.#pending, this.size);
  }

  async commit(): Promise<string> {
    if (this.#writer === undefined) return this.#blobs.write(this.#pending);
    await this.#flush();
    return this.#writer.commit();
  }

  async abort(): Promise<void> {
    this.#pending = [];
    await this.#writer?.abort();
  }

  async #flush(): Promise<void> {
    const chunks = this.#pending;
    this.#pending = [];
    this.#pendingBytes = 0;
    await this.#writer!.write(chunks);
  }
}
