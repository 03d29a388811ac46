// Where a function's code lives on disk. A folder is used as it is; a zip is
// extracted once into a cache folder named by its codeSha256, so functions
// sharing a package share one copy; the cache keeps the most recently used
// ones (cache-bound.ts). Entries that would land outside the folder
// (absolute paths, "..", links pointing out) are refused.
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import JSZip from "jszip";
import { pruneCache, touchEntry } from "./cache-bound.js";
import { RuntimeError } from "./errors.js";
import type { FunctionCode } from "./options.js";
import { invalidZip } from "./zip-problem.js";

export interface PreparedCode {
  /** The task root: LAMBDA_TASK_ROOT. */
  dir: string;
  /** base64 SHA-256 of the zip, as Lambda's CodeSha256; undefined for a folder. */
  codeSha256: string | undefined;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

export function defaultCacheDir(): string {
  return join(tmpdir(), "closure-pack-runtime");
}

/**
 * The folder to run `code` from, extracting a zip into the cache when it is
 * not there yet. Messages name the code `name` (default: its path, or "zip").
 */
export async function prepareCode(code: FunctionCode, cacheDir = defaultCacheDir(), name?: string): Promise<PreparedCode> {
  if (typeof code !== "string") return extractCached(code, name ?? "zip", cacheDir);
  const shown = name ?? code;
  const path = resolve(code);
  const stats = await stat(path).catch((error: unknown) => {
    throw new RuntimeError("CODE_NOT_FOUND", shown, "no such zip or folder", { cause: error });
  });
  if (stats.isDirectory()) return { dir: path, codeSha256: undefined };
  return extractCached(await readFile(path), shown, cacheDir);
}

async function extractCached(zip: Uint8Array, shown: string, cacheDir: string): Promise<PreparedCode> {
  const digest = createHash("sha256").update(zip).digest();
  const dir = join(cacheDir, digest.toString("base64url"));
  const codeSha256 = digest.toString("base64");
  if (existsSync(dir)) {
    await touchEntry(dir);
    return { dir, codeSha256 };
  }
  // Extract beside the target, then rename: another process extracting the
  // same zip either wins the rename or finds the complete folder.
  const scratch = `${dir}.partial-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await extractZip(zip, shown, scratch);
    await mkdir(cacheDir, { recursive: true });
    await rename(scratch, dir).catch((error: unknown) => {
      if (!existsSync(dir)) throw error;
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  await pruneCache(cacheDir, dir);
  return { dir, codeSha256 };
}

/** Writes every entry of `zip` under `root`, refusing entries that would leave it. */
export async function extractZip(zip: Uint8Array, shown: string, root: string): Promise<void> {
  const archive = await JSZip.loadAsync(zip, { checkCRC32: true }).catch((error: unknown) => {
    throw invalidZip(shown, zip, error);
  });
  await mkdir(root, { recursive: true });
  for (const file of Object.values(archive.files)) {
    // jszip cleans names of "../" when reading; the original decides.
    const name = (file as { unsafeOriginalName?: string }).unsafeOriginalName ?? file.name;
    const target = entryTarget(root, name, shown);
    const mode = (file.unixPermissions as number | null) ?? 0;
    if (file.dir) {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    // An entry's data is inflated and its checksum checked only now.
    const bytes = await file.async("nodebuffer").catch((error: unknown) => {
      throw invalidZip(shown, zip, error);
    });
    if ((mode & S_IFMT) === S_IFLNK) {
      await writeLink(root, target, bytes.toString("utf8"), name, shown);
      continue;
    }
    await writeFile(target, bytes);
    await chmod(target, mode & 0o111 ? 0o755 : 0o644);
  }
}

function entryTarget(root: string, name: string, shown: string): string {
  const parts = name.split(/[\\/]/);
  if (name.startsWith("/") || name.startsWith("\\") || /^[A-Za-z]:/.test(name) || isAbsolute(name)) {
    throw unsafe(shown, name, "has an absolute path");
  }
  if (parts.includes("..")) throw unsafe(shown, name, 'has a ".." part that leaves the folder');
  return join(root, ...parts.filter((part) => part !== "" && part !== "."));
}

async function writeLink(root: string, target: string, link: string, name: string, shown: string): Promise<void> {
  const pointsTo = resolve(dirname(target), link);
  if (isAbsolute(link) || !isInside(root, pointsTo)) throw unsafe(shown, name, `is a link to "${link}", outside the folder`);
  await symlink(link, target);
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

function unsafe(shown: string, name: string, problem: string): RuntimeError {
  return new RuntimeError("UNSAFE_ZIP_ENTRY", shown, `entry "${name}" ${problem}`, {
    hint: "a Lambda package's entries must be relative paths inside it",
  });
}
