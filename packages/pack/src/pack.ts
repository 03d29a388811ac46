// pack(): input → esbuild bundle → deterministic zip, with both hashes, the
// manifest and the size report. Each step lives in its own file; this one
// only orders them and checks the limits between them.
import { version as esbuildVersion } from "esbuild";
import { bundle, type BundleOutput } from "./bundle.js";
import { prepareEntry } from "./entry-source.js";
import { codeSha256, contentHash } from "./hashes.js";
import { checkLimits, findNativeAddons, nativeAddonWarning } from "./limits.js";
import { buildManifest, describeFiles, findBundledPackages, findExternals, measureContributors } from "./manifest.js";
import { outputFileName, resolvePackOptions, type ResolvedPackOptions } from "./options.js";
import type { Capture } from "@closure-pack/closure";
import type { PackInput, PackOptions, PackResult } from "./types.js";
import { loadZipWriter, writeZip } from "./zip-writer.js";

/**
 * Packages a live function, a serialized function or an entry file as an AWS
 * Lambda zip whose handler is `index.handler` (or `index.<exportName>`).
 * The same input gives byte-identical zips in any process, folder or TZ.
 */
export async function pack(input: PackInput, options?: PackOptions): Promise<PackResult> {
  const resolved = resolvePackOptions(options);
  const source = await prepareEntry(input, resolved);
  const bundling = bundle(source.entry, resolved);
  // Marked handled here; awaited (and thrown) below.
  bundling.catch(() => {});
  await loadZipWriter().catch(() => {});
  return assemble(await bundling, source.captures, resolved);
}

async function assemble(bundled: BundleOutput, captures: Capture[], options: ResolvedPackOptions): Promise<PackResult> {
  const codePath = outputFileName(options.format);
  const files = describeFiles(bundled.files);
  const assets = files.filter((file) => file.path !== codePath);
  const contributors = measureContributors(bundled.metafile, codePath, bundled.workingDir, assets);
  const unzippedBytes = files.reduce((sum, file) => sum + file.size, 0);
  // Unzipped first: no time spent compressing a package that is refused anyway.
  checkLimits({ zipBytes: 0, unzippedBytes, contributors });
  const zip = await writeZip(bundled.files);
  checkLimits({ zipBytes: zip.length, unzippedBytes, contributors });

  const nativeAddons = findNativeAddons(files.map((file) => file.path));
  const addonWarning = nativeAddonWarning(nativeAddons);
  const handler = `index.${options.exportName}`;
  const hashes = { codeSha256: codeSha256(zip), contentHash: contentHash(files) };
  const manifest = buildManifest({
    files,
    packages: findBundledPackages(bundled.metafile, codePath, bundled.workingDir),
    externals: findExternals(bundled.metafile),
    captures,
    ...hashes,
    esbuildVersion,
    runtime: options.runtime,
    handler,
    nativeAddons,
  });
  const warnings = [...bundled.warnings, ...(addonWarning === undefined ? [] : [addonWarning])];
  return { zip, ...hashes, handler, manifest, contributors, sourcemap: bundled.sourcemap, warnings };
}
