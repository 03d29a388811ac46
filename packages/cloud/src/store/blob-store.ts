// Immutable byte files ("blobs") under one folder, for object bodies larger
// than S3's INLINE_LIMIT (smaller ones live in the database) and multipart
// parts. A blob is written to `tmp/<id>`, fsynced (when the
// durability setting asks for it), then renamed to
// `<id[0..2]>/<id>`; only then may a metadata row name it. So after a crash a
// blob without a row is garbage (collectGarbage at start removes it), and a
// row never names a half-written file. Blobs are never modified: a copy is
// a hard link, a replaced object gets a new blob and its old one is removed.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  createReadStream,
  fdatasync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
  type ReadStream,
} from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";

/** A blob being written by streaming: append chunks, then commit or abort. */
export interface BlobWriter {
  /** Appends chunks (written together, in order). */
  write(chunks: readonly Buffer[]): Promise<void>;
  /** Flushes to disk and moves the file to its final place; returns its id. */
  commit(): Promise<string>;
  /** Removes the temporary file. */
  abort(): Promise<void>;
}

export class BlobStore {
  readonly root: string;
  readonly #tmp: string;
  readonly #shards = new Set<string>();

  /** fsync each blob before it is placed ("machine" durability). */
  readonly #flush: boolean;

  constructor(root: string, options: { flush: boolean }) {
    this.root = root;
    this.#flush = options.flush;
    this.#tmp = join(root, "tmp");
    mkdirSync(this.#tmp, { recursive: true });
  }

  /** The file of a committed blob. */
  path(id: string): string {
    return join(this.root, id.slice(0, 2), id);
  }

  /**
   * Writes `bytes` (a small body, in memory) as a new blob: written in one
   * synchronous call, flushed to disk on the thread pool so several uploads'
   * flushes overlap, then moved to its place.
   */
  async write(bytes: readonly Buffer[]): Promise<string> {
    const id = newBlobId();
    const temp = join(this.#tmp, id);
    const fd = openSync(temp, "w");
    try {
      for (const chunk of bytes) writeAll(fd, chunk);
      if (this.#flush) await new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error === null ? resolve() : reject(error))));
    } catch (error) {
      closeSync(fd);
      rmSync(temp, { force: true });
      throw error;
    }
    closeSync(fd);
    this.#place(temp, id);
    return id;
  }

  /** Starts a blob written in pieces (large bodies, concatenated parts). */
  async createWriter(): Promise<BlobWriter> {
    const id = newBlobId();
    const temp = join(this.#tmp, id);
    const handle: FileHandle = await open(temp, "w");
    let closed = false;
    const close = async (): Promise<void> => {
      if (!closed) {
        closed = true;
        await handle.close();
      }
    };
    return {
      write: async (chunks) => {
        if (chunks.length > 0) await handle.writev(chunks as Buffer[]);
      },
      commit: async () => {
        if (this.#flush) await handle.datasync();
        await close();
        this.#place(temp, id);
        return id;
      },
      abort: async () => {
        await close().catch(() => undefined);
        rmSync(temp, { force: true });
      },
    };
  }

  /** A new blob with the same bytes as `id` (a hard link: no copy). */
  link(id: string): string {
    const copy = newBlobId();
    this.#ensureShard(copy);
    linkSync(this.path(id), this.path(copy));
    return copy;
  }

  /** Opens a committed blob for reading; the descriptor stays valid if the blob is removed meanwhile. */
  openSync(id: string): number {
    return openSync(this.path(id), "r");
  }

  /** A stream of bytes [start, end] (inclusive) of an open blob; closes the descriptor when done. */
  streamFd(fd: number, start: number, end: number): ReadStream {
    return createReadStream("", { fd, start, end, autoClose: true, highWaterMark: 256 * 1024 });
  }

  /** Removes blobs; one already gone is not an error (a crash may have removed it). */
  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      try {
        unlinkSync(this.path(id));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
  }

  /**
   * Removes every temporary file and every blob `isLive` does not claim: the
   * leftovers of writes a crash cut short (no row yet) or of deletes it cut
   * short (row gone, file not yet). Call before serving.
   */
  collectGarbage(isLive: (id: string) => boolean): number {
    let removed = 0;
    for (const name of readdirSync(this.#tmp)) {
      rmSync(join(this.#tmp, name), { force: true });
      removed++;
    }
    for (const shard of readdirSync(this.root)) {
      if (shard === "tmp" || shard.length !== 2) continue;
      for (const id of readdirSync(join(this.root, shard))) {
        if (isLive(id)) continue;
        rmSync(join(this.root, shard, id), { force: true });
        removed++;
      }
    }
    return removed;
  }

  // No fsync of the folder after the rename: the metadata row that names the
  // blob commits right after (with an fsync of SQLite's log under "machine"
  // durability), and journaling file systems (ext4, xfs) commit their
  // metadata in order, the rename first.
  #place(temp: string, id: string): void {
    this.#ensureShard(id);
    renameSync(temp, this.path(id));
  }

  #ensureShard(id: string): void {
    const shard = id.slice(0, 2);
    if (this.#shards.has(shard)) return;
    mkdirSync(join(this.root, shard), { recursive: true });
    this.#shards.add(shard);
  }
}

// Random ids: unique without coordination, and spread evenly over the 256 shards.
function newBlobId(): string {
  return randomBytes(12).toString("hex");
}

function writeAll(fd: number, chunk: Buffer): void {
  let offset = 0;
  while (offset < chunk.length) offset += writeSync(fd, chunk, offset, chunk.length - offset);
}
