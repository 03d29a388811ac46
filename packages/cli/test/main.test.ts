// main() in process, for what a child process cannot provoke on purpose: an
// unexpected error (here, stdout failing) is reported as a bug with its stack.
import { SerializationError } from "@closure-pack/closure";
import { ClosurePackError } from "@closure-pack/errors";
import { PackError } from "@closure-pack/pack";
import { RuntimeError } from "@closure-pack/runtime";
import { describe, expect, it } from "vitest";
import { createPaint } from "../src/colors.js";
import { CliError, UsageError } from "../src/errors.js";
import type { Io } from "../src/io.js";
import { main } from "../src/index.js";

function memoryIo(out: (text: string) => void): Io & { errors: string[] } {
  const errors: string[] = [];
  const paint = createPaint(false);
  return { cwd: process.cwd(), env: {}, out, err: (text) => void errors.push(text), outPaint: paint, errPaint: paint, errors };
}

describe("main", () => {
  it("bug: an unexpected error prints its stack, says it is a bug, exit 1", async () => {
    const io = memoryIo(() => {
      throw new RangeError("stdout exploded");
    });
    expect(await main(["--version"], io)).toBe(1);
    const text = io.errors.join("");
    expect(text).toMatch(/^RangeError: stdout exploded\n {4}at /);
    expect(text).toMatch(
      /\n\nclosure-pack: this is a bug \(an unexpected error, not a problem with your input\); please report it with the command line that caused it\n$/,
    );
  });

  it.each([
    { name: "SerializationError", error: new SerializationError("LIVE_HANDLE", ["handler", "socket"], "cannot serialize a net.Socket", "create it inside") },
    { name: "PackError", error: new PackError("BUNDLE_FAILED", "a.ts:1:2", "bad", { hint: "fix it" }) },
    { name: "RuntimeError", error: new RuntimeError("INVALID_OPTION", "timeout", "must be positive") },
    { name: "CliError", error: new CliError("ZIP_NOT_FOUND", "a.zip", "zip not found") },
    { name: "UsageError", error: new UsageError("missing the entry file") },
  ])("errors: $name extends the one base class, with a code and its name", ({ name, error }) => {
    expect([error instanceof ClosurePackError, error.name, typeof error.code]).toEqual([true, name, "string"]);
  });

  it("main: resolves to the exit code and writes through the Io", async () => {
    const out: string[] = [];
    const io = memoryIo((text) => void out.push(text));
    expect(await main(["--version"], io)).toBe(0);
    expect(out.join("")).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(io.errors).toEqual([]);
  });
});
