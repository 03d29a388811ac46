// Locations in source text as every message shows them, the packager's and
// the CLI's alike: a path relative to the working directory, `/`-separated;
// 1-based line and column, the column counted in characters (UTF-16 code
// units, as editors count; esbuild counts UTF-8 bytes); and the line itself
// with a caret under the column.
import { relative, resolve, sep } from "node:path";
import type { Location } from "esbuild";

/** Where a message points: `file` as shown, 1-based `line` and character `column`, and the excerpt to append ("" without a line). */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  excerpt: string;
}

/** `file` (absolute, or relative to `cwd`) relative to `cwd`, `/`-separated ("." for cwd itself). */
export function displayPath(cwd: string, file: string): string {
  const shown = relative(cwd, resolve(cwd, file));
  if (shown === "") return ".";
  return sep === "/" ? shown : shown.split(sep).join("/");
}

/** esbuild's location (file relative to `workingDir`, 0-based byte column) as messages show it, relative to `cwd`. */
export function fromEsbuildLocation(location: Location, workingDir: string, cwd: string): SourceLocation {
  const column = byteColumnToCharColumn(location.lineText, location.column) + 1;
  return {
    file: displayPath(cwd, resolve(workingDir, location.file)),
    line: location.line,
    column,
    excerpt: formatExcerpt(location.lineText, location.line, column),
  };
}

/** The characters before `byteColumn` bytes of `lineText` (a column inside a character counts it whole). */
export function byteColumnToCharColumn(lineText: string, byteColumn: number): number {
  return Buffer.from(lineText, "utf8").subarray(0, byteColumn).toString("utf8").length;
}

/**
 * `lineText` with a gutter and a caret under `column` (1-based, in
 * characters), on lines of their own, as compilers show it:
 *   4 |   return greeting +;
 *     |                    ^
 */
export function formatExcerpt(lineText: string, line: number, column: number): string {
  if (lineText === "") return "";
  const gutter = String(line);
  // Tabs kept as tabs under the caret so it lines up in any tab width.
  const pad = lineText.slice(0, column - 1).replace(/[^\t]/g, " ");
  return `\n  ${gutter} | ${lineText}\n  ${" ".repeat(gutter.length)} | ${pad}^`;
}
