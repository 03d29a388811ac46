// Paths as messages show them: relative to the working directory, `/`-separated.
import { relative, resolve, sep } from "node:path";

/** `file` relative to `cwd`, `/`-separated ("." for cwd itself). */
export function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, resolve(cwd, file));
  return rel === "" ? "." : rel.split(sep).join("/");
}
