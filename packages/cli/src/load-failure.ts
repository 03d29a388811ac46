// What to tell the user when their entry fails while loading: a module that
// cannot be found at run time, or an exception from module-level code, shown
// with the entry's own stack frames (source-mapped, relative paths).
import { sep } from "node:path";
import { pathToFileURL } from "node:url";
import { CliError } from "./errors.js";

export interface LoadContext {
  /** The entry as messages show it. */
  file: string;
  /** The compiled module's path. */
  temp: string;
  absolute: string;
  cwd: string;
}

const MAX_FRAMES = 5;

export function describeLoadFailure(error: unknown, context: LoadContext): CliError {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND") {
    const specifier = /Cannot find (?:module|package) '([^']+)'/.exec(String((error as Error).message))?.[1] ?? "?";
    return new CliError("MODULE_NOT_FOUND", context.file, `cannot resolve module "${specifier}" while loading`, {
      cause: error,
      hint: "install the missing package in the entry's project, or fix the import",
    });
  }
  const frames = userFrames(error, context);
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new CliError("ENTRY_THREW", context.file, `threw while loading: ${what}${frames.length ? `\n${frames.join("\n")}` : ""}`, {
    cause: error,
    hint: "module-level code runs at pack time; guard it, or pack without running it: --mode bundle",
  });
}

/** Frames from the user's files, until the loader's own frames begin. */
function userFrames(error: unknown, context: LoadContext): string[] {
  const stack = error instanceof Error && typeof error.stack === "string" ? error.stack : "";
  const frames: string[] = [];
  for (const line of stack.split("\n")) {
    if (!line.startsWith("    at ")) continue;
    if (line.includes("node:internal") || line.includes(context.temp) || frames.length === MAX_FRAMES) break;
    // ES module frames name file: URLs, CommonJS frames absolute paths.
    frames.push(
      line
        .split(`${pathToFileURL(context.cwd).href}/`)
        .join("")
        .split(context.cwd + sep)
        .join(""),
    );
  }
  return frames;
}
