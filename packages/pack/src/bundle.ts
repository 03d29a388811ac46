// Bundles an in-memory entry module with esbuild into the package's one
// JavaScript file (plus copied native addons): platform node, target from the
// runtime, minified, @aws-sdk/* external. What the entry contains is decided
// by pack.ts; turning esbuild's errors into PackErrors by bundle-errors.ts.
import { build, type BuildFailure, type BuildOptions, type Message, type Metafile } from "esbuild";
import { join, relative, sep } from "node:path";
import { toPackError, type VirtualEntry } from "./bundle-errors.js";
import { formatLocation } from "./errors.js";
import { RUNTIME_TARGETS, outputFileName, type ResolvedPackOptions } from "./options.js";
import { fromEsbuildLocation } from "./source-location.js";
import { isGeneratedPath, virtualModules } from "./virtual-modules.js";

export interface BundleEntry extends VirtualEntry {
  /** Source of the entry module (ES module syntax). */
  contents: string;
  /** Folder the entry's own imports (and those of `modules`) resolve from. */
  resolveDir: string;
  /** In-memory modules the entry may import, by specifier (`closure-pack:<name>`). */
  modules?: Readonly<Record<string, string>>;
}

export interface BundledFile {
  /** `/`-separated path inside the package. */
  path: string;
  bytes: Uint8Array;
}

export interface BundleOutput {
  /** The JavaScript file first, then copied assets (native addons). */
  files: BundledFile[];
  sourcemap: string | undefined;
  metafile: Metafile;
  /** Absolute folder the metafile's paths are relative to. */
  workingDir: string;
  warnings: string[];
}

const AWS_SDK = "@aws-sdk/*";
const SHIMS = "closure-pack:node-shims";

// CommonJS output has no import.meta. dirname and filename map to their
// CommonJS names; import.meta.url (the serializer emits it for a captured
// `require`) reads an injected shim. esbuild calls an injected module from
// every other module, so it is only added when a first build warns that
// import.meta would be empty.
const CJS_SHIMS = `import { pathToFileURL } from "node:url";
export const __closure_pack_meta_url = pathToFileURL(__filename).href;`;
const CJS_DEFINE = { "import.meta.dirname": "__dirname", "import.meta.filename": "__filename" };
const CJS_URL_DEFINE = { ...CJS_DEFINE, "import.meta.url": "__closure_pack_meta_url" };
const EMPTY_IMPORT_META = "empty-import-meta";
// ES module output has no require/__dirname: bundled CommonJS packages that
// require a builtin go through esbuild's require shim, which needs a real one.
const ESM_BANNER = `import{createRequire as __closure_pack_createRequire}from"node:module";const require=__closure_pack_createRequire(import.meta.url);`;
const ESM_DEFINE = { __dirname: "import.meta.dirname", __filename: "import.meta.filename" };

/** Bundles `entry`; throws a PackError (BUNDLE_FAILED, MODULE_NOT_FOUND) on esbuild errors. */
export async function bundle(entry: BundleEntry, options: ResolvedPackOptions): Promise<BundleOutput> {
  const workingDir = options.resolveDir;
  const outfile = join(workingDir, outputFileName(options.format));
  let result = await runBuild(entry, buildOptions(entry, options, outfile, false));
  if (result.warnings.some((warning) => warning.id === EMPTY_IMPORT_META)) {
    result = await runBuild(entry, buildOptions(entry, options, outfile, true));
  }
  const files: BundledFile[] = [];
  let sourcemap: string | undefined;
  for (const file of result.outputFiles) {
    if (file.path === `${outfile}.map`) sourcemap = file.text;
    else files.push({ path: toZipPath(relative(workingDir, file.path)), bytes: file.contents });
  }
  // The code file first; esbuild lists assets in a stable order after it.
  files.sort((a, b) => Number(b.path === outputFileName(options.format)) - Number(a.path === outputFileName(options.format)));
  const warnings = result.warnings.map((warning) => describeWarning(warning, workingDir, entry.where));
  return { files, sourcemap, metafile: result.metafile, workingDir, warnings };
}

async function runBuild(entry: BundleEntry, options: BuildOptions & { write: false; metafile: true }) {
  try {
    return await build(options);
  } catch (error) {
    const failure = error as Partial<BuildFailure>;
    if (!Array.isArray(failure.errors)) throw error;
    throw toPackError(failure.errors, options.absWorkingDir ?? process.cwd(), entry, error);
  }
}

function buildOptions(
  entry: BundleEntry,
  options: ResolvedPackOptions,
  outfile: string,
  metaUrlShim: boolean,
): BuildOptions & { write: false; metafile: true } {
  const cjs = options.format === "cjs";
  return {
    stdin: { contents: entry.contents, resolveDir: entry.resolveDir, sourcefile: entry.sourcefile, loader: "js" },
    absWorkingDir: options.resolveDir,
    outfile,
    write: false,
    bundle: true,
    metafile: true,
    platform: "node",
    format: options.format,
    target: RUNTIME_TARGETS[options.runtime],
    minify: options.minify,
    sourcemap: options.sourcemap ? "external" : false,
    legalComments: "none",
    charset: "utf8",
    logLevel: "silent",
    external: [...(options.bundleAwsSdk ? [] : [AWS_SDK]), ...options.external],
    // Native addons are copied beside the code under a content-hashed name
    // and required from there; they are platform-specific (see limits.ts).
    loader: { ".node": "copy" },
    assetNames: "[name]-[hash]",
    define: cjs ? (metaUrlShim ? CJS_URL_DEFINE : CJS_DEFINE) : ESM_DEFINE,
    ...(cjs ? (metaUrlShim ? { inject: [SHIMS] } : {}) : { banner: { js: ESM_BANNER } }),
    plugins: [virtualModules({ ...entry.modules, [SHIMS]: CJS_SHIMS }, entry.resolveDir)],
  };
}

/** `file:line:column: text`, or `<where>: text` inside the generated entry. */
function describeWarning(warning: Message, workingDir: string, where: string): string {
  const location = warning.location;
  if (location === null || isGeneratedPath(location.file)) return `${where}: ${warning.text}`;
  const shown = fromEsbuildLocation(location, workingDir, process.cwd());
  return `${formatLocation(shown.file, shown.line, shown.column)}: ${warning.text}`;
}

function toZipPath(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}
