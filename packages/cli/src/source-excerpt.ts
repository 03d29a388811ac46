// A source line with a caret under a column, shown under `file:line:col`
// messages the way compilers do, in the same layout as the packager's.

/**
 * `lineText` with a gutter and a caret under `column` (1-based, in UTF-16
 * code units), on lines of their own:
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

/** esbuild reports columns in UTF-8 bytes; messages and carets use characters. */
export function byteColumnToCharColumn(lineText: string, byteColumn: number): number {
  return Buffer.from(lineText, "utf8").subarray(0, byteColumn).toString("utf8").length;
}
