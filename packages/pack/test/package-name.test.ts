// packageName: the npm package a bare specifier names, as install hints and
// the CLI's entry compiler need it.
import { describe, expect, it } from "vitest";
import { packageName } from "../src/index.js";

const ROWS = [
  { name: "specifier: bare package", specifier: "lodash", expected: "lodash" },
  { name: "specifier: deep path", specifier: "lodash/fp/map.js", expected: "lodash" },
  { name: "specifier: scoped package", specifier: "@aws-sdk/client-s3", expected: "@aws-sdk/client-s3" },
  { name: "specifier: scoped subpath", specifier: "@scope/pkg/sub/path", expected: "@scope/pkg" },
  { name: "specifier: package.json of a package", specifier: "fake-lib/package.json", expected: "fake-lib" },
];

describe("packageName", () => {
  it.each(ROWS)("$name", ({ specifier, expected }) => {
    expect(packageName(specifier)).toBe(expected);
  });
});
