// The bytes of captured Blobs and Files. A Blob is immutable, but its bytes
// can only be read asynchronously (blob.arrayBuffer()), and a walk is
// synchronous: a walk notes the Blobs it has no bytes for, serializeFunctions
// reads them all at once (readPendingBlobs) and walks again. The bytes are
// kept for the life of the Blob.
import type { Walker } from "../shared/walk-state.js";

const bytesOf = new WeakMap<Blob, Buffer | Error>();
const arrayBuffer = Blob.prototype.arrayBuffer as (this: Blob) => Promise<ArrayBuffer>;

/** The Blob's bytes, an Error if reading them failed, or undefined (noted for the walk's reads) if not read yet. */
export function blobBytes(blob: Blob, walker: Walker): Buffer | Error | undefined {
  const known = bytesOf.get(blob);
  if (known === undefined) walker.state.pendingBlobs.add(blob);
  return known;
}

/** Reads the bytes of the Blobs a walk met without them; true if it had any (the walk must run again). */
export async function readPendingBlobs(walker: Walker): Promise<boolean> {
  const blobs = [...walker.state.pendingBlobs];
  if (blobs.length === 0) return false;
  await Promise.all(
    blobs.map(async (blob) => {
      try {
        bytesOf.set(blob, Buffer.from(await arrayBuffer.call(blob)));
      } catch (error) {
        // A Blob read from a file (fs.openAsBlob) that changed or went away.
        bytesOf.set(blob, error instanceof Error ? error : new Error(String(error)));
      }
    }),
  );
  return true;
}
