// Turns esbuild's failure messages into PackErrors: `file:line:column`
// relative to the working directory, the source line with a caret, and a
// hint. Running esbuild is bundle.ts's job.
import type { Message } from "esbuild";
import { isAbsolute } from "node:path";
import { isGeneratedPath } from "./virtual-modules.js";
import { PackError, formatLocation } from "./errors.js";
import { packageName } from "./package-name.js";
import { fromEsbuildLocation } from "./source-location.js";

/** How to name a location inside the in-memory entry, which is no file of the user's. */
export interface VirtualEntry {
  /** esbuild's name for the entry (its `sourcefile`), starting with `closure-pack:`. */
  sourcefile: `closure-pack:${string}`;
  /** `<where>` for a module the entry cannot resolve, e.g. the capture path that needs it. */
  whereForModule(specifier: string): string;
  /** `<where>` for any other error inside the entry. */
  where: string;
}

const UNRESOLVED = /^Could not resolve "(.+)"$/;
const TOP_LEVEL_AWAIT_IN_CJS = /^Top-level await is currently not supported with the "cjs" output format/;
// From the wrapper that re-exports the entry file's export.
const NO_EXPORT = /^No matching export in ".+" for import "(.+)"$/;

/** The PackError for the first of esbuild's errors; the count of the others is in the message. */
export function toPackError(errors: readonly Message[], workingDir: string, entry: VirtualEntry, cause: unknown): PackError {
  const first = errors[0];
  if (first === undefined) return new PackError("BUNDLE_FAILED", "", "esbuild failed without a message", { cause });
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? "s" : ""})` : "";
  const location = first.location;
  // The entry and the in-memory modules it imports are no files of the user.
  const inEntry = location === null || isGeneratedPath(location.file);
  const unresolved = UNRESOLVED.exec(first.text)?.[1];
  if (inEntry || location === null) {
    if (unresolved !== undefined) return moduleNotFound(entry.whereForModule(unresolved), unresolved, "", {}, cause);
    const missing = NO_EXPORT.exec(first.text)?.[1];
    if (missing !== undefined) {
      return new PackError("EXPORT_NOT_FOUND", entry.where, `has no export named "${missing}"`, {
        hint: "export the handler under that name, or name the export to package",
        cause,
      });
    }
    return new PackError("BUNDLE_FAILED", entry.where, `${first.text}${more}`, { cause });
  }
  const { excerpt, ...data } = fromEsbuildLocation(location, workingDir, process.cwd());
  const where = formatLocation(data.file, data.line, data.column);
  if (unresolved !== undefined) return moduleNotFound(where, unresolved, excerpt, data, cause);
  // An ES module may await at top level; CommonJS cannot.
  const hint = TOP_LEVEL_AWAIT_IN_CJS.test(first.text) ? 'pack it as an ES module: format "esm" (--format esm in the CLI)' : undefined;
  return new PackError("BUNDLE_FAILED", where, `${first.text}${more}${excerpt}`, { ...data, hint, cause });
}

function moduleNotFound(where: string, specifier: string, excerpt: string, data: { file?: string; line?: number; column?: number }, cause: unknown): PackError {
  const local = specifier.startsWith(".") || isAbsolute(specifier);
  const hint = local
    ? "check the path: it is resolved from the importing file"
    : `install it where the handler's node_modules are found (npm install ${packageName(specifier)}), or list it in external`;
  return new PackError("MODULE_NOT_FOUND", where, `cannot resolve module "${specifier}"${excerpt}`, { ...data, hint, cause });
}
