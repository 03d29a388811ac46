// When colours are allowed: a TTY, and NO_COLOR unset or empty.
import { describe, expect, it } from "vitest";
import { createPaint, isColorAllowed } from "../src/colors.js";

describe("colours", () => {
  it.each([
    { name: "tty, NO_COLOR unset", tty: true, env: {}, allowed: true },
    { name: "tty, NO_COLOR empty", tty: true, env: { NO_COLOR: "" }, allowed: true },
    { name: "tty, NO_COLOR=1", tty: true, env: { NO_COLOR: "1" }, allowed: false },
    { name: "pipe", tty: false, env: {}, allowed: false },
  ])("colours: $name", ({ tty, env, allowed }) => {
    expect(isColorAllowed({ isTTY: tty }, env)).toBe(allowed);
  });

  it("paint: off returns text as is, on wraps it", () => {
    expect(createPaint(false).red("x")).toBe("x");
    expect(createPaint(true).red("x")).toBe("\u001b[31mx\u001b[39m");
  });
});
