// What a package is made of, from esbuild's metafile and the zip's files:
// contributors by bytes, bundled packages with versions, externals, and the
// manifest that gathers them with both hashes.
import type { Metafile } from "esbuild";
import { readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { join, resolve } from "node:path";
import { displayPath } from "./source-location.js";
import { isGeneratedPath } from "./virtual-modules.js";
import { sha256Hex } from "./hashes.js";
import type { BundledPackage, PackFile, PackManifest } from "./types.js";
import { EXECUTABLE_MODE, FILE_MODE, compareBytes } from "./zip-writer.js";

export interface Contributor {
  /** A package as `node_modules/<name>`, a project file relative to the cwd, `(handler)` for generated code, or a file of the zip. */
  path: string;
  bytes: number;
}

/** The part of a metafile's input path that names a package: `node_modules/@scope/name`. */
const PACKAGE_PATH = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//g;

/** Path, size, hash and mode of each file, sorted as in the zip. */
export function describeFiles(files: ReadonlyArray<{ path: string; bytes: Uint8Array; executable?: boolean }>): PackFile[] {
  return files
    .map((file) => ({
      path: file.path,
      size: file.bytes.byteLength,
      sha256: sha256Hex(file.bytes),
      mode: file.executable ? EXECUTABLE_MODE : FILE_MODE,
    }))
    .sort((a, b) => compareBytes(a.path, b.path));
}

/** Bytes each package or project file adds to the code file, largest first (ties by path). */
export function measureContributors(metafile: Metafile, codePath: string, workingDir: string, assets: readonly PackFile[]): Contributor[] {
  const totals = new Map<string, number>();
  const inputs = metafile.outputs[codePath]?.inputs ?? {};
  for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
    if (bytesInOutput === 0) continue;
    const name = packageOf(input)?.name;
    const key = name !== undefined ? `node_modules/${name}` : isGeneratedPath(input) ? "(handler)" : displayPath(process.cwd(), resolve(workingDir, input));
    totals.set(key, (totals.get(key) ?? 0) + bytesInOutput);
  }
  for (const asset of assets) totals.set(asset.path, asset.size);
  return [...totals].map(([path, bytes]) => ({ path, bytes })).sort((a, b) => b.bytes - a.bytes || compareBytes(a.path, b.path));
}

/** Packages bundled into the code file, with the version from their package.json, sorted by name. */
export function findBundledPackages(metafile: Metafile, codePath: string, workingDir: string): BundledPackage[] {
  const found = new Map<string, BundledPackage>();
  const inputs = metafile.outputs[codePath]?.inputs ?? {};
  for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
    const pkg = packageOf(input);
    if (pkg === undefined) continue;
    const known = found.get(pkg.name) ?? { name: pkg.name, version: readVersion(resolve(workingDir, pkg.dir)), bytes: 0 };
    known.bytes += bytesInOutput;
    found.set(pkg.name, known);
  }
  return [...found.values()].sort((a, b) => compareBytes(a.name, b.name));
}

/** Module specifiers left external (not node builtins), sorted: the runtime must provide them. */
export function findExternals(metafile: Metafile): string[] {
  const externals = new Set<string>();
  for (const input of Object.values(metafile.inputs)) {
    for (const imported of input.imports) {
      const { path } = imported;
      if (imported.external && !isBuiltin(path) && !path.startsWith(".") && !isGeneratedPath(path)) externals.add(path);
    }
  }
  return [...externals].sort(compareBytes);
}

/** The manifest, fields in a fixed order so its JSON is stable. */
export function buildManifest(parts: PackManifest): PackManifest {
  return {
    files: parts.files,
    packages: parts.packages,
    externals: parts.externals,
    captures: parts.captures,
    codeSha256: parts.codeSha256,
    contentHash: parts.contentHash,
    esbuildVersion: parts.esbuildVersion,
    runtime: parts.runtime,
    handler: parts.handler,
    nativeAddons: parts.nativeAddons,
  };
}

function packageOf(input: string): { name: string; dir: string } | undefined {
  // The last node_modules segment wins: a nested copy is its own package.
  let last: RegExpExecArray | undefined;
  for (const match of input.matchAll(PACKAGE_PATH)) last = match;
  if (last?.[1] === undefined) return undefined;
  return { name: last[1], dir: input.slice(0, last.index + last[0].length) };
}

function readVersion(dir: string): string {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version?: unknown };
    return typeof manifest.version === "string" ? manifest.version : "unknown";
  } catch {
    // A package without a readable package.json is still bundled; only its version is unknown.
    return "unknown";
  }
}
