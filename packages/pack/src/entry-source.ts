// The module esbuild starts from, for each kind of input: a live function's
// serialized text, a wrapper re-exporting an already serialized text, or a
// wrapper re-exporting an entry file. Each exports the handler under the
// package's export name. Bundling it is bundle.ts's job.
import { serializeFunction, type Capture } from "@closure-pack/closure";
import { statSync } from "node:fs";
import { basename, dirname, relative, resolve } from "node:path";
import type { BundleEntry } from "./bundle.js";
import { PackError } from "./errors.js";
import type { ResolvedPackOptions } from "./options.js";
import type { PackEntry, PackInput, SerializedInput } from "./types.js";

export interface EntrySource {
  entry: BundleEntry;
  /** The serializer's captures report; empty for an entry file. */
  captures: Capture[];
}

const SERIALIZED = "closure-pack:serialized";

/** Serializes a live function, or wraps a serialized text or an entry file. */
export async function prepareEntry(given: PackInput, options: ResolvedPackOptions): Promise<EntrySource> {
  // A live function becomes ES module syntax whatever the output format:
  // esbuild converts it, and tree-shakes named imports that a require()
  // would pull in whole.
  const input = typeof given === "function" ? await serializeFunction(given, { format: "esm", exportName: options.exportName }) : given;
  if (isSerialized(input)) {
    // ES module text exporting the package's name is the entry itself (so a
    // live function and its serialized text give the same zip).
    if (input.format === "esm" && input.exportName === options.exportName) {
      return { entry: serializedEntry(input.text, input.captures, options), captures: input.captures };
    }
    // Otherwise its text may be CommonJS and its export named otherwise: a
    // wrapper re-exports it, and esbuild handles either format.
    const wrapper = reexport(input.exportName, options.exportName, SERIALIZED);
    const entry = serializedEntry(wrapper, input.captures, options);
    return { entry: { ...entry, modules: { [SERIALIZED]: input.text } }, captures: input.captures };
  }
  return { entry: fileEntry(input, options), captures: [] };
}

function serializedEntry(contents: string, captures: readonly Capture[], options: ResolvedPackOptions): BundleEntry {
  const where = options.exportName;
  return {
    contents,
    sourcefile: "closure-pack:handler",
    resolveDir: options.resolveDir,
    where,
    whereForModule: (specifier) => capturePathOf(specifier, captures) ?? where,
  };
}

function fileEntry(input: PackEntry, options: ResolvedPackOptions): BundleEntry {
  const file = resolve(input.entry);
  const shown = relative(process.cwd(), file) || input.entry;
  if (!isFile(file)) {
    throw new PackError("ENTRY_NOT_FOUND", shown, "entry file not found", {
      file: shown,
      hint: "the entry path is resolved from the working directory",
    });
  }
  return {
    contents: reexport(input.export ?? "handler", options.exportName, `./${basename(file)}`),
    sourcefile: "closure-pack:entry",
    resolveDir: dirname(file),
    where: shown,
    whereForModule: () => shown,
  };
}

/** `export { "from" as "to" } from "specifier";` (string names: any export name works). */
function reexport(from: string, to: string, specifier: string): string {
  return `export { ${JSON.stringify(from)} as ${JSON.stringify(to)} } from ${JSON.stringify(specifier)};\n`;
}

/** `handler -> config.lib` for the first capture of `specifier` or one of its subpaths. */
function capturePathOf(specifier: string, captures: readonly Capture[]): string | undefined {
  const capture = captures.find((c) => c.module === specifier || c.module?.startsWith(`${specifier}/`));
  return capture === undefined ? undefined : capture.path.join(" -> ");
}

function isSerialized(input: PackInput): input is SerializedInput {
  return typeof input === "object" && input !== null && typeof (input as SerializedInput).text === "string";
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
