// New blobs made from byte ranges of existing ones: a CopyObject that must
// re-hash, UploadPartCopy of a range, CompleteMultipartUpload's concatenation
// of parts. Reads stream through the hashers the caller passes and are
// written in large batches; nothing is held whole in memory (but the bytes
// of an inline object, which are small and already in hand).
import { createReadStream } from "node:fs";
import type { BlobStore } from "../../store/blob-store.js";
import type { ObjectRow } from "./s3-store.js";

/** Where an object's bytes are: its blob file's id, or the bytes of an inline body. */
export type BytesSource = string | Buffer;

export interface BlobRange {
  source: BytesSource;
  /** Inclusive byte offsets. */
  start: number;
  end: number;
}

/** The bytes of an object read with objectWithBytes: its blob, or its inline bytes. */
export function bytesOf(row: ObjectRow): BytesSource {
  const source = row.blob ?? row.bytes;
  if (source === undefined) throw new Error(`object ${row.bucket}/${row.key} was read without its bytes`);
  return source;
}

const BATCH_BYTES = 1024 * 1024;

/** Writes the ranges, in order, into a new committed blob; `observe` sees every chunk. */
export async function concatenateBlobs(blobs: BlobStore, ranges: readonly BlobRange[], observe: (chunk: Buffer) => void): Promise<string> {
  const writer = await blobs.createWriter();
  try {
    let batch: Buffer[] = [];
    let batchBytes = 0;
    for (const range of ranges) {
      if (range.end < range.start) continue;
      for await (const chunk of chunksOf(blobs, range.source, range.start, range.end)) {
        observe(chunk as Buffer);
        batch.push(chunk as Buffer);
        batchBytes += (chunk as Buffer).length;
        if (batchBytes >= BATCH_BYTES) {
          await writer.write(batch);
          batch = [];
          batchBytes = 0;
        }
      }
    }
    await writer.write(batch);
    return await writer.commit();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** Streams an object's bytes through `observe` (to compute digests of an existing object). */
export async function readBlob(blobs: BlobStore, source: BytesSource, observe: (chunk: Buffer) => void): Promise<void> {
  for await (const chunk of chunksOf(blobs, source, 0, Infinity)) observe(chunk as Buffer);
}

function chunksOf(blobs: BlobStore, source: BytesSource, start: number, end: number): AsyncIterable<unknown> | Iterable<Buffer> {
  if (typeof source !== "string") return [source.subarray(start, end + 1)];
  return createReadStream(blobs.path(source), { start, end, highWaterMark: 256 * 1024 });
}
