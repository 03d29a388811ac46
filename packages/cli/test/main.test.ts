// main() in process, for what a child process cannot provoke on purpose: an
// unexpected error (here, stdout failing) is reported as a bug with its stack.
import { describe, expect, it } from "vitest";
import { createPaint } from "../src/colors.js";
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
    expect(text).toMatch(/\n\nclosure-pack: this is a bug \(an unexpected error, not a problem with your input\); please report it with the command line that caused it\n$/);
  });

  it("main: resolves to the exit code and writes through the Io", async () => {
    const out: string[] = [];
    const io = memoryIo((text) => void out.push(text));
    expect(await main(["--version"], io)).toBe(0);
    expect(out.join("")).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(io.errors).toEqual([]);
  });
});
