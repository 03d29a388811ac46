// New blobs made from byte ranges of existing ones: a CopyObject that must
// re-hash, UploadPartCopy of a range, CompleteMultipartUpload's concatenation
// of parts. Reads stream through the hashers the caller passes and are
// written in large batches; nothing is held whole in memory.
import { createReadStream } from "node:fs";
import type { BlobStore } from "../../store/blob-store.js";

export interface BlobRange {
  blob: string;
  /** Inclusive byte offsets. */
  start: number;
  end: number;
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
      for await (const chunk of createReadStream(blobs.path(range.blob), { start: range.start, end: range.end, highWaterMark: 256 * 1024 })) {
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

/** Streams a blob's bytes through `observe` (to compute digests of an existing blob). */
export async function readBlob(blobs: BlobStore, blob: string, observe: (chunk: Buffer) => void): Promise<void> {
  for await (const chunk of createReadStream(blobs.path(blob), { highWaterMark: 256 * 1024 })) observe(chunk as Buffer);
}
