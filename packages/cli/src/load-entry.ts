// Loads an entry file in this process, the way its program would run: the
// compiled module is written next to the entry (so its imports resolve from
// the entry's node_modules), loaded once and removed. Module-level code runs
// here; anything it prints goes to stderr so stdout keeps only our results.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ModuleFormat } from "./args.js";
import { compileEntry } from "./compile-entry.js";
import { CliError } from "./errors.js";
import { DEFAULT_LOAD_TIMEOUT, withLoadDeadline, type LoadDeadline } from "./load-deadline.js";
import { describeLoadFailure } from "./load-failure.js";
import { displayPath } from "./paths.js";

export interface LoadedEntry {
  /** The module's exports (a namespace object for ES modules). */
  exports: Record<string, unknown>;
  /** The entry as messages show it. */
  file: string;
}

/** Compiles and loads `entry` (relative to `cwd`); loading must end within the deadline. */
export async function loadEntry(entry: string, cwd: string, deadline: LoadDeadline = { seconds: DEFAULT_LOAD_TIMEOUT, packing: false }): Promise<LoadedEntry> {
  const file = displayPath(cwd, entry);
  const absolute = checkEntry(resolve(cwd, entry), file);
  const format = moduleFormatOf(absolute);
  const temp = join(dirname(absolute), `.${basename(absolute)}.closure-pack-${randomBytes(4).toString("hex")}.${format === "esm" ? "mjs" : "cjs"}`);
  const code = await compileEntry({ entry: absolute, format, outfile: temp, cwd });
  try {
    writeFileSync(temp, code);
  } catch (error) {
    throw new CliError(
      "ENTRY_FOLDER_NOT_WRITABLE",
      displayPath(cwd, dirname(absolute)),
      `cannot write the compiled entry beside it (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      {
        cause: error,
        hint: "closure-pack loads the entry from its own folder so its imports resolve; make that folder writable",
      },
    );
  }
  try {
    return { exports: await runModule(temp, format, file, deadline), file };
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw describeLoadFailure(error, { file, temp, absolute, cwd });
  } finally {
    rmSync(temp, { force: true });
  }
}

export function checkEntry(absolute: string, file: string): string {
  if (!existsSync(absolute))
    throw new CliError("ENTRY_NOT_FOUND", file, "entry file not found", { hint: "pass the path of a .ts, .js, .mjs or .cjs file that exports the handler" });
  if (statSync(absolute).isDirectory())
    throw new CliError("ENTRY_NOT_FOUND", file, "is a directory, not an entry file", { hint: "pass the handler's file, e.g. src/handler.ts" });
  return absolute;
}

/** Node's rule: the extension decides, else the nearest package.json's "type". */
function moduleFormatOf(file: string): ModuleFormat {
  const extension = extname(file);
  if (extension === ".mjs" || extension === ".mts") return "esm";
  if (extension === ".cjs" || extension === ".cts") return "cjs";
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) return packageType(manifest) === "module" ? "esm" : "cjs";
    if (dirname(dir) === dir) return "cjs";
  }
}

function packageType(manifest: string): unknown {
  try {
    return (JSON.parse(readFileSync(manifest, "utf8")) as { type?: unknown }).type;
  } catch {
    return undefined;
  }
}

async function runModule(file: string, format: ModuleFormat, shown: string, deadline: LoadDeadline): Promise<Record<string, unknown>> {
  const write = process.stdout.write;
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  // Stack traces of code that throws while loading point into the entry
  // through the inline source map. Left on: a stack is formatted lazily, when
  // the error is reported after this function returns.
  process.setSourceMapsEnabled(true);
  try {
    if (format === "cjs") return createRequire(file)(file) as Record<string, unknown>;
    // Only an ES module can wait while loading (top-level await).
    return await withLoadDeadline(import(pathToFileURL(file).href) as Promise<Record<string, unknown>>, shown, deadline);
  } finally {
    process.stdout.write = write;
  }
}
