// Code given as files: FileArchive (a folder or a .zip), AssetArchive (a
// map of paths to FileAsset, StringAsset or FileArchive). Paths resolve
// against the working directory when declared, as Pulumi's do; the engine
// zips them with the packager's deterministic writer (engine/archive-zip.ts).
import { resolve } from "node:path";

const ASSET = Symbol.for("closure-pack.aws.asset");

export type AssetKind = "file-archive" | "asset-archive" | "file-asset" | "string-asset";

interface Branded {
  readonly [ASSET]: AssetKind;
}

/** A folder (zipped deterministically) or an existing .zip file. */
export class FileArchive implements Branded {
  readonly [ASSET] = "file-archive" as const;
  readonly path: string;
  constructor(path: string) {
    this.path = resolve(path);
  }
}

/** One file's bytes. */
export class FileAsset implements Branded {
  readonly [ASSET] = "file-asset" as const;
  readonly path: string;
  constructor(path: string) {
    this.path = resolve(path);
  }
}

/** Text that becomes a file. */
export class StringAsset implements Branded {
  readonly [ASSET] = "string-asset" as const;
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

export type ArchiveEntry = FileAsset | StringAsset | FileArchive;

/** Files by path inside the archive. A FileArchive entry is unpacked under its path. */
export class AssetArchive implements Branded {
  readonly [ASSET] = "asset-archive" as const;
  readonly assets: Readonly<Record<string, ArchiveEntry>>;
  constructor(assets: Record<string, ArchiveEntry>) {
    this.assets = { ...assets };
  }
}

export type Archive = FileArchive | AssetArchive;

/** The kind of an asset of any copy of this package, or undefined. */
export function assetKind(value: unknown): AssetKind | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  return (value as Record<symbol, AssetKind | undefined>)[ASSET];
}
