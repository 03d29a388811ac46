// One location-and-excerpt module for every message (the packager's and the
// CLI's): esbuild's byte columns become character columns, the caret lines up
// under non-ASCII text and tabs, paths are relative and `/`-separated.
import { describe, expect, test } from "vitest";
import { displayPath, fromEsbuildLocation } from "../src/index.js";

// [case, line text, esbuild's byte column of the marked spot, expected 1-based character column]
const LINES: Array<[string, string, number, number]> = [
  ["ascii", "  return greeting +;", 19, 20],
  ["two-byte letters before", '  "héllo wörld" +;', 19, 18],
  ["a three-byte dash before", "a — b;", 7, 6],
  ["an emoji before (two code units)", 'x("😀");', 8, 7],
  ["the column at the start", "é;", 0, 1],
];

describe("source location", () => {
  test.each(LINES)("column: %s", (_name, lineText, byteColumn, column) => {
    const shown = fromEsbuildLocation(
      { file: "src/a.ts", namespace: "file", line: 7, column: byteColumn, length: 1, lineText, suggestion: "" },
      "/work/p",
      "/work/p",
    );
    expect(shown.column).toBe(column);
    const [, source, caret] = shown.excerpt.split("\n");
    expect(source).toBe(`  7 | ${lineText}`);
    // The caret sits under the character the byte column points at.
    expect(caret).toBe(`    | ${" ".repeat(column - 1)}^`);
  });

  test("excerpt: tabs stay tabs under the caret; an empty line has none", () => {
    const tabbed = fromEsbuildLocation({ file: "a.ts", namespace: "file", line: 2, column: 2, length: 1, lineText: "\t\tx;", suggestion: "" }, "/p", "/p");
    expect(tabbed.excerpt).toBe("\n  2 | \t\tx;\n    | \t\t^");
    expect(fromEsbuildLocation({ file: "a.ts", namespace: "file", line: 2, column: 0, length: 0, lineText: "", suggestion: "" }, "/p", "/p").excerpt).toBe("");
  });

  test.each([
    ["/work/p", "src/a.ts", "src/a.ts"],
    ["/work/p", "/work/p/src/a.ts", "src/a.ts"],
    ["/work/p/src", "/work/p/lib/b.ts", "../lib/b.ts"],
    ["/work/p", "/work/p", "."],
  ])("path: from %s, %s is %s", (cwd, file, shown) => {
    expect(displayPath(cwd, file)).toBe(shown);
  });

  test("path: esbuild's file is relative to its working directory, shown relative to cwd", () => {
    const shown = fromEsbuildLocation(
      { file: "src/a.ts", namespace: "file", line: 1, column: 0, length: 1, lineText: "x", suggestion: "" },
      "/work/p/app",
      "/work/p",
    );
    expect(shown.file).toBe("app/src/a.ts");
  });
});
