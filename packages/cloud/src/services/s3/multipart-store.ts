// Multipart uploads and their parts in SQLite (tables from s3-schema.ts).
// Part bytes are blobs like objects' bytes; a part uploaded again replaces
// the row and hands back the old blob for removal after the commit.
import type { Database } from "../../store/database.js";
import type { Checksum, ChecksumAlgorithm, ChecksumType } from "./checksums.js";
import type { ObjectHeaders } from "./s3-store.js";

export interface UploadRow {
  uploadId: string;
  bucket: string;
  key: string;
  initiatedMs: number;
  headers: ObjectHeaders;
  checksumAlgorithm: ChecksumAlgorithm | undefined;
  checksumType: ChecksumType | undefined;
}

export interface PartRow {
  uploadId: string;
  partNumber: number;
  blob: string;
  size: number;
  etag: string;
  modifiedMs: number;
  checksum: Checksum | undefined;
}

interface RawUpload {
  upload_id: string;
  bucket: string;
  key: Buffer;
  initiated_ms: number;
  headers: string;
  checksum_algorithm: string | null;
  checksum_type: string | null;
}

interface RawPart {
  upload_id: string;
  part_number: number;
  blob: string;
  size: number;
  etag: string;
  modified_ms: number;
  checksum: string | null;
}

export class UploadStore {
  readonly #statements;

  constructor(db: Database.Database) {
    this.#statements = {
      getUpload: db.prepare("SELECT * FROM s3_uploads WHERE upload_id = ?"),
      insertUpload: db.prepare(
        "INSERT INTO s3_uploads (upload_id, bucket, key, initiated_ms, headers, checksum_algorithm, checksum_type) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ),
      partBlobs: db.prepare("SELECT blob FROM s3_parts WHERE upload_id = ?"),
      deleteParts: db.prepare("DELETE FROM s3_parts WHERE upload_id = ?"),
      deleteUpload: db.prepare("DELETE FROM s3_uploads WHERE upload_id = ?"),
      partBlob: db.prepare("SELECT blob FROM s3_parts WHERE upload_id = ? AND part_number = ?"),
      putPart: db.prepare("INSERT OR REPLACE INTO s3_parts (upload_id, part_number, blob, size, etag, modified_ms, checksum) VALUES (?, ?, ?, ?, ?, ?, ?)"),
      parts: db.prepare("SELECT * FROM s3_parts WHERE upload_id = ? AND part_number > ? ORDER BY part_number LIMIT ?"),
      uploadsFrom: db.prepare("SELECT * FROM s3_uploads WHERE bucket = ? AND key >= ? ORDER BY key, upload_id"),
    };
  }

  upload(uploadId: string): UploadRow | undefined {
    const raw = this.#statements.getUpload.get(uploadId) as RawUpload | undefined;
    return raw === undefined ? undefined : uploadFromRaw(raw);
  }

  insertUpload(row: UploadRow): void {
    this.#statements.insertUpload.run(
      row.uploadId,
      row.bucket,
      Buffer.from(row.key),
      row.initiatedMs,
      JSON.stringify(row.headers),
      row.checksumAlgorithm ?? null,
      row.checksumType ?? null,
    );
  }

  /** Deletes the upload and its parts; returns the parts' blobs. */
  deleteUpload(uploadId: string): string[] {
    const blobs = (this.#statements.partBlobs.all(uploadId) as Array<{ blob: string }>).map((row) => row.blob);
    this.#statements.deleteParts.run(uploadId);
    this.#statements.deleteUpload.run(uploadId);
    return blobs;
  }

  /** Inserts or replaces a part; returns the blob it replaced. */
  putPart(row: PartRow): string | undefined {
    const previous = this.#statements.partBlob.get(row.uploadId, row.partNumber) as { blob: string } | undefined;
    this.#statements.putPart.run(
      row.uploadId,
      row.partNumber,
      row.blob,
      row.size,
      row.etag,
      row.modifiedMs,
      row.checksum === undefined ? null : JSON.stringify(row.checksum),
    );
    return previous?.blob;
  }

  /** Parts after `afterPartNumber`, in order, at most `limit`. */
  parts(uploadId: string, afterPartNumber = 0, limit = 10_000): PartRow[] {
    return (this.#statements.parts.all(uploadId, afterPartNumber, limit) as RawPart[]).map(partFromRaw);
  }

  /** Uploads of `bucket` with keys from `fromKey` on, by key then upload id, read lazily. */
  *uploadsFrom(bucket: string, fromKey: string): Generator<UploadRow> {
    for (const raw of this.#statements.uploadsFrom.iterate(bucket, Buffer.from(fromKey)) as Iterable<RawUpload>) yield uploadFromRaw(raw);
  }
}

function uploadFromRaw(raw: RawUpload): UploadRow {
  return {
    uploadId: raw.upload_id,
    bucket: raw.bucket,
    key: raw.key.toString("utf8"),
    initiatedMs: raw.initiated_ms,
    headers: JSON.parse(raw.headers) as ObjectHeaders,
    checksumAlgorithm: (raw.checksum_algorithm ?? undefined) as ChecksumAlgorithm | undefined,
    checksumType: (raw.checksum_type ?? undefined) as ChecksumType | undefined,
  };
}

function partFromRaw(raw: RawPart): PartRow {
  return {
    uploadId: raw.upload_id,
    partNumber: raw.part_number,
    blob: raw.blob,
    size: raw.size,
    etag: raw.etag,
    modifiedMs: raw.modified_ms,
    checksum: raw.checksum === null ? undefined : (JSON.parse(raw.checksum) as Checksum),
  };
}
