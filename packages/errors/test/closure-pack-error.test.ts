// The base class of user errors: one message shape for every package, the
// structured data kept beside it, and `instanceof` that holds across the
// CommonJS and ES module builds of this package.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ClosurePackError, type ClosurePackErrorData } from "../src/index.js";

interface MessageRow {
  name: string;
  where: string;
  problem: string;
  data?: ClosurePackErrorData;
  message: string;
}

const cause = new Error("EACCES");

const MESSAGES: MessageRow[] = [
  { name: "message: where and problem", where: "out/a.zip", problem: "cannot write the zip", message: "out/a.zip: cannot write the zip" },
  { name: "message: no where", where: "", problem: "cannot open a node:inspector session", message: "cannot open a node:inspector session" },
  {
    name: "message: hint on its own line",
    where: "handler -> config.client -> socket",
    problem: "cannot serialize a net.Socket",
    data: { path: ["handler", "config.client", "socket"], hint: "create the client inside the handler, or capture a factory" },
    message: "handler -> config.client -> socket: cannot serialize a net.Socket\nhint: create the client inside the handler, or capture a factory",
  },
  {
    name: "message: file location and cause",
    where: "src/handler.ts:3:7",
    problem: 'Expected ";" but found "x"',
    data: { file: "src/handler.ts", line: 3, column: 7, cause },
    message: 'src/handler.ts:3:7: Expected ";" but found "x"',
  },
  { name: "message: an empty hint adds no line", where: "--runtime", problem: "unknown runtime", data: { hint: "" }, message: "--runtime: unknown runtime" },
];

describe("ClosurePackError", () => {
  it.each(MESSAGES)("$name", ({ where, problem, data, message }) => {
    const error = new ClosurePackError("SOME_CODE", where, problem, data);
    expect(error.message).toBe(message);
    expect({ code: error.code, path: error.path, file: error.file, line: error.line, column: error.column, hint: error.hint }).toEqual({
      code: "SOME_CODE",
      path: data?.path,
      file: data?.file,
      line: data?.line,
      column: data?.column,
      hint: data?.hint,
    });
    expect(error.cause).toBe(data?.cause);
    expect("cause" in error).toBe(data !== undefined && "cause" in data);
  });

  it("subclass: keeps its name, and instanceof tells subclasses apart", () => {
    class FirstError extends ClosurePackError<"FIRST"> {
      override readonly name = "FirstError";
    }
    class SecondError extends ClosurePackError<"SECOND"> {
      override readonly name = "SecondError";
    }
    const first = new FirstError("FIRST", "here", "went wrong");
    expect([first instanceof ClosurePackError, first instanceof FirstError, first instanceof SecondError, first instanceof Error]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    expect(String(first)).toBe("FirstError: here: went wrong");
    expect(new Error("plain") instanceof ClosurePackError).toBe(false);
  });

  it("copies: an error of the CommonJS build is a ClosurePackError of the ES module build, and back", async () => {
    const required = createRequire(import.meta.url)("@closure-pack/errors") as typeof import("../src/index.js");
    const imported = (await import("@closure-pack/errors")) as typeof import("../src/index.js");
    expect(required.ClosurePackError).not.toBe(imported.ClosurePackError);
    const fromCjs = new required.ClosurePackError("X", "", "from require");
    const fromEsm = new imported.ClosurePackError("X", "", "from import");
    expect([fromCjs instanceof imported.ClosurePackError, fromEsm instanceof required.ClosurePackError]).toEqual([true, true]);
  });
});
