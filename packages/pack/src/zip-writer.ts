// Writes the deterministic zip of a package with archiver: entries sorted by
// the bytes of their path, one fixed date, fixed modes, no directories, no
// extra fields, one compression level. Reading zips back is zip-reader.ts.
type Archiver = typeof import("archiver");

let archiver: Promise<Archiver> | undefined;

/**
 * Loads archiver (a fifth of a second: it brings its own streams library)
 * once, when a zip is first written; pack() starts it while esbuild bundles
 * in its own process, so the two overlap.
 */
export function loadZipWriter(): Promise<Archiver> {
  archiver ??= import("archiver");
  return archiver;
}

/** One file to put in a zip. */
export interface ZipEntryInput {
  /** `/`-separated path inside the zip, no leading `/`. */
  path: string;
  bytes: Uint8Array | string;
  /** Stored with mode 0755 instead of 0644. */
  executable?: boolean;
}

export interface ZipWriteOptions {
  /** zlib level 0–9; 0 stores. Default {@link DEFAULT_ZIP_LEVEL}. */
  level?: number;
}

export const DEFAULT_ZIP_LEVEL = 9;
/** Every entry's date: the earliest a DOS timestamp can hold. */
export const ZIP_EPOCH = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));
export const FILE_MODE = 0o644;
export const EXECUTABLE_MODE = 0o755;

/** Compares paths by their UTF-8 bytes, as the spec asks (not by UTF-16 units). */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** Resolves with the zip's bytes; the same entries give the same bytes in any process. */
export async function writeZip(entries: readonly ZipEntryInput[], options: ZipWriteOptions = {}): Promise<Buffer> {
  const level = options.level ?? DEFAULT_ZIP_LEVEL;
  const { ZipArchive } = await loadZipWriter();
  // forceLocalTime false: the DOS date/time fields are written from the
  // date's UTC parts, so the bytes do not depend on TZ. Zip64 headers only
  // when the sizes need them.
  const archive = new ZipArchive({ zlib: { level }, forceLocalTime: false, forceZip64: false, comment: "" });
  const chunks: Buffer[] = [];
  archive.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    archive.on("error", reject);
    archive.on("warning", reject);
    archive.on("end", () => resolve());
  });
  for (const entry of sortEntries(entries)) {
    // Buffers only: archiver appends them in call order (a stream or a file
    // goes through its stat queue, which may reorder entries).
    archive.append(Buffer.from(entry.bytes), {
      name: entry.path,
      date: ZIP_EPOCH,
      mode: entry.executable ? EXECUTABLE_MODE : FILE_MODE,
    });
  }
  await archive.finalize();
  await done;
  return Buffer.concat(chunks);
}

function sortEntries(entries: readonly ZipEntryInput[]): ZipEntryInput[] {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (!isCleanPath(entry.path)) throw new TypeError(`zip entry path "${entry.path}" must be relative, "/"-separated and without "." or ".." parts`);
    if (seen.has(entry.path)) throw new TypeError(`zip entry path "${entry.path}" appears twice`);
    seen.add(entry.path);
  }
  return [...entries].sort((a, b) => compareBytes(a.path, b.path));
}

function isCleanPath(path: string): boolean {
  if (path === "" || path.startsWith("/") || path.endsWith("/") || path.includes("\\")) return false;
  return path.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}
