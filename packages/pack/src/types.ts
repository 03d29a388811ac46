// Public types of @closure-pack/pack: what goes in, what comes out.
import type { Capture, SerializedFunction } from "@closure-pack/closure";

/** Lambda Node.js runtimes a package can target. */
export type LambdaRuntime = "nodejs20.x" | "nodejs22.x";

/** A live function (serialized first), an already serialized result, or an entry file bundled as is. */
export type PackInput = Function | SerializedInput | PackEntry;

/** serializeFunction's result; `format` may be left out (the text is then wrapped, whatever its syntax). */
export type SerializedInput = Omit<SerializedFunction, "format"> & { format?: SerializedFunction["format"] };

/** An entry file bundled without running it (the way AWS CDK's NodejsFunction does). */
export interface PackEntry {
  /** Path of a .ts/.js/.mjs/.cjs file, relative to the working directory or absolute. */
  entry: string;
  /** The entry's export to package (exported as `handler`, or `options.exportName`). Default "handler". */
  export?: string;
}

export interface PackOptions {
  /** Default "nodejs22.x"; sets esbuild's target (node20.10 / node22). */
  runtime?: LambdaRuntime;
  /** "cjs" writes index.js, "esm" writes index.mjs. Default "cjs". */
  format?: "cjs" | "esm";
  /** Export name of the handler inside the package. Always "handler" unless set. */
  exportName?: string;
  /** Module specifiers kept out of the bundle, in addition to @aws-sdk/*. */
  external?: string[];
  /** Bundle @aws-sdk/* instead of relying on the Lambda runtime's copy. Default false. */
  bundleAwsSdk?: boolean;
  /** Default true. */
  minify?: boolean;
  /** Produce a source map, returned beside the zip, never inside it. Default false. */
  sourcemap?: boolean;
  /** Folder whose node_modules resolve the modules the code needs. Default process.cwd(). */
  resolveDir?: string;
}

/** One file of a package. */
export interface PackFile {
  /** `/`-separated path inside the zip. */
  path: string;
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  /** 0o644, or 0o755 for files that must be executable. */
  mode: number;
}

export interface BundledPackage {
  name: string;
  version: string;
  /** Bytes this package contributes to the bundle (esbuild metafile). */
  bytes: number;
}

export interface PackManifest {
  files: PackFile[];
  packages: BundledPackage[];
  externals: string[];
  captures: Capture[];
  codeSha256: string;
  contentHash: string;
  esbuildVersion: string;
  runtime: LambdaRuntime;
  handler: string;
  /** Native addons (.node files) found: platform-specific. */
  nativeAddons: string[];
}

export interface PackResult {
  /** The deterministic zip. */
  zip: Buffer;
  /** base64 SHA-256 of the zip bytes: AWS Lambda's CodeSha256. */
  codeSha256: string;
  /** hex SHA-256 over the sorted (path, mode, SHA-256 of bytes) of the files: decides whether anything changed. */
  contentHash: string;
  /** Lambda handler setting, e.g. "index.handler". */
  handler: string;
  manifest: PackManifest;
  /** Top contributors by bytes, largest first. */
  contributors: Array<{ path: string; bytes: number }>;
  sourcemap: string | undefined;
  /** Things the caller should tell the user: esbuild warnings, native addons. */
  warnings: string[];
}
