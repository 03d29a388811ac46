// Every error a user can cause: a PackError with a stable code and the whole
// message (`<where>: <what>` and a hint line), paths relative to the cwd.
import { relative } from "node:path";
import { describe, expect, test } from "vitest";
import { pack, PackError, readZip, type PackErrorCode, type PackInput, type PackOptions } from "../src/index.js";
import { fixturesDir } from "./support/children.js";

const rel = (file: string) => relative(process.cwd(), `${fixturesDir}/${file}`);
const installHint = (name: string) => `hint: install it where the handler's node_modules are found (npm install ${name}), or list it in external`;

interface Row {
  name: string;
  input: PackInput;
  options?: PackOptions;
  code: PackErrorCode;
  message: () => string;
}

const ROWS: Row[] = [
  {
    name: "entry: file not found",
    input: { entry: `${fixturesDir}/no-such-handler.ts` },
    code: "ENTRY_NOT_FOUND",
    message: () => `${rel("no-such-handler.ts")}: entry file not found\nhint: the entry path is resolved from the working directory`,
  },
  {
    name: "entry: syntax error shown with its source line",
    input: { entry: `${fixturesDir}/errors/syntax-error.ts` },
    code: "BUNDLE_FAILED",
    message: () =>
      [
        `${rel("errors/syntax-error.ts")}:3:18: Expected ";" but found "string"`,
        "  3 |   const greeting string = `hi ${event.name}`;",
        "    |                  ^",
      ].join("\n"),
  },
  {
    name: "entry: syntax error after non-ASCII text, column in characters",
    input: { entry: `${fixturesDir}/errors/non-ascii.ts` },
    code: "BUNDLE_FAILED",
    message: () =>
      [
        `${rel("errors/non-ascii.ts")}:4:45: Unexpected ";"`,
        '  4 |   const greeting = "héllo wörld — ünïcode" +;',
        "    |                                             ^",
      ].join("\n"),
  },
  {
    name: "entry: top-level await in CommonJS output",
    input: { entry: `${fixturesDir}/errors/top-level-await.mjs` },
    code: "BUNDLE_FAILED",
    message: () =>
      [
        `${rel("errors/top-level-await.mjs")}:2:16: Top-level await is currently not supported with the "cjs" output format`,
        '  2 | const config = await Promise.resolve({ greeting: "hi" });',
        "    |                ^",
        'hint: pack it as an ES module: format "esm" (--format esm in the CLI)',
      ].join("\n"),
  },
  {
    name: "entry: module not installed",
    input: { entry: `${fixturesDir}/errors/missing-module.mjs` },
    code: "MODULE_NOT_FOUND",
    message: () =>
      [
        `${rel("errors/missing-module.mjs")}:2:25: cannot resolve module "not-installed-anywhere"`,
        '  2 | import { nothing } from "not-installed-anywhere";',
        "    |                         ^",
        installHint("not-installed-anywhere"),
      ].join("\n"),
  },
  {
    name: "entry: no export of that name",
    input: { entry: `${fixturesDir}/errors/no-handler.mjs` },
    code: "EXPORT_NOT_FOUND",
    message: () => `${rel("errors/no-handler.mjs")}: has no export named "handler"\nhint: export the handler under that name, or name the export to package`,
  },
  {
    name: "entry: the AWS SDK is not installed when it is bundled",
    input: { entry: `${fixturesDir}/errors/missing-sdk-client.ts` },
    options: { bundleAwsSdk: true },
    code: "MODULE_NOT_FOUND",
    message: () =>
      [
        `${rel("errors/missing-sdk-client.ts")}:4:32: cannot resolve module "@aws-sdk/client-textract"`,
        '  4 | import { TextractClient } from "@aws-sdk/client-textract";',
        "    |                                ^",
        installHint("@aws-sdk/client-textract"),
      ].join("\n"),
  },
  {
    name: "serialized: a captured module that does not resolve names its capture path",
    input: {
      text: 'import { chunk } from "not-installed/sub";\nexport const main = (xs) => chunk(xs, 2);\n',
      exportName: "main",
      modules: ["not-installed/sub"],
      captures: [
        { path: ["main"], kind: "function", bytes: 30 },
        { path: ["main", "utils.chunk"], kind: "module", module: "not-installed/sub", bytes: 10 },
      ],
    },
    code: "MODULE_NOT_FOUND",
    message: () => `main -> utils.chunk: cannot resolve module "not-installed/sub"\n${installHint("not-installed")}`,
  },
  {
    name: "options: unknown runtime",
    input: { entry: `${fixturesDir}/handler-esm.mjs` },
    options: { runtime: "nodejs18.x" as never },
    code: "INVALID_OPTION",
    message: () => 'option "runtime": must be "nodejs20.x" or "nodejs22.x", got "nodejs18.x"',
  },
  {
    name: "options: unknown format",
    input: { entry: `${fixturesDir}/handler-esm.mjs` },
    options: { format: "umd" as never },
    code: "INVALID_OPTION",
    message: () => 'option "format": must be "cjs" or "esm", got "umd"',
  },
];

describe("errors", () => {
  test.each(ROWS)("$name", async (row) => {
    const failure = pack(row.input, { resolveDir: fixturesDir, ...row.options });
    await expect(failure).rejects.toBeInstanceOf(PackError);
    await expect(failure).rejects.toMatchObject({ name: "PackError", code: row.code, message: row.message() });
  });

  test("errors: location fields of a syntax error", async () => {
    await expect(pack({ entry: `${fixturesDir}/errors/syntax-error.ts` })).rejects.toMatchObject({
      file: rel("errors/syntax-error.ts"),
      line: 3,
      column: 18,
      hint: undefined,
    });
  });

  test("zip: bytes that are not a zip", async () => {
    await expect(readZip(Buffer.from("not a zip at all, just text"))).rejects.toMatchObject({
      code: "INVALID_ZIP",
      message: "not a valid zip: no end of central directory record",
    });
  });
});
